import GXModel

/// A cell as one term of an equation, read once: most are short plain decimals, kept as an exact
/// integer and its scale so a check never parses text again.
enum Operand {
    /// No cell has the path.
    case missing
    /// Not a usable number: blank, n/a, text, or a number kind without a value.
    case notNumber(CellKind, lost: Bool)
    /// `value` × 10^-`scale`.
    case exact(Int, scale: Int)
    /// A number the fast reader leaves to `PrintedNumber` (a form it does not know, or too many digits).
    case printed(PrintedNumber)

    init(_ cell: ReportCell) {
        guard cell.kind == .number, let n = cell.number else {
            self = .notNumber(cell.kind, lost: cell.lost)
            return
        }
        self = Operand.exact(n.canonical).map { .exact($0.value, scale: $0.scale) } ?? .printed(n)
    }

    /// `-?digits` or `-?digits.digits`, at most 18 digits so the value fits with room to scale.
    static func exact(_ text: String) -> (value: Int, scale: Int)? {
        var text = text
        return text.withUTF8 { utf8 -> (value: Int, scale: Int)? in
            let negative = utf8.first == 0x2D
            var i = negative ? 1 : 0
            var value = 0, digits = 0, dot = -1
            while i < utf8.count {
                let b = utf8[i]
                if b == 0x2E, dot < 0, digits > 0 {
                    dot = i
                } else if b >= 0x30, b <= 0x39 {
                    value = value &* 10 &+ Int(b &- 0x30)
                    digits += 1
                } else {
                    return nil
                }
                i += 1
            }
            guard digits > 0, digits <= 18, dot != utf8.count - 1 else { return nil }
            return (negative ? -value : value, dot < 0 ? 0 : utf8.count - 1 - dot)
        }
    }

    var scale: Int {
        switch self {
        case .exact(_, let scale): return scale
        case .printed(let n): return n.scale
        case .missing, .notNumber: return 0
        }
    }

    /// Counted as 0 under `--blank-as-zero`: no cell at all, or one printed blank (not one lost).
    var blankCountsAsZero: Bool {
        switch self {
        case .missing: return true
        case .notNumber(let kind, let lost): return kind == .blank && !lost
        case .exact, .printed: return false
        }
    }

    /// The value in units of 10^-`scale` (`scale` at least the operand's own); nil where that does
    /// not fit, which makes the equation not assessable (never a 0 that would forge a finding).
    /// Blank and missing cells are 0 here: the caller decides whether they may count.
    func scaled(to scale: Int) -> Int? {
        switch self {
        case .exact(var value, let own):
            for _ in own..<scale {
                guard let m = Checked.multiply(value, 10) else { return nil }
                value = m
            }
            return value
        case .printed(let n): return n.scaled(to: scale)
        case .missing, .notNumber: return 0
        }
    }
}
