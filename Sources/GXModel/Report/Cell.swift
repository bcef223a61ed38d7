/// How a printed cell reads (spec §5). A blank is not a zero, and not-applicable is not blank.
public enum CellKind: String, Sendable {
    case number, blank, na, text
}

/// A number exactly as printed, normalised only in form (ASCII digits, no separators), so a fee of
/// `256.1789` or `0.45` round-trips to the same digits and the JSON stays byte-stable.
public struct PrintedNumber: Sendable, Hashable, CustomStringConvertible {
    /// Canonical decimal text: optional `-`, digits, optional `.digits` (no `+`, no leading zeros).
    public let canonical: String

    /// Most digits a printed count or fee can have (a quadrillion less one). A cell with more is
    /// read as text with a diagnostic: no report counts that high, and every sum of such numbers
    /// stays far inside `Int`.
    public static let maxDigits = 15

    public init?(canonical: String) {
        guard !canonical.isEmpty else { return nil }
        self.canonical = canonical
    }

    public var isInteger: Bool { !canonical.utf8.contains(0x2E) }
    public var isNegative: Bool { canonical.utf8.first == 0x2D }
    /// The integer value when it is one and fits.
    public var integer: Int? { isInteger ? Int(canonical) : nil }
    public var description: String { canonical }

    /// Exact value in units of 10^-scale, for sums without binary floating point.
    public func scaled(to scale: Int) -> Int? {
        if isInteger, let v = Int(canonical) {
            var result = v
            for _ in 0..<scale { let (m, overflow) = result.multipliedReportingOverflow(by: 10); if overflow { return nil }; result = m }
            return result
        }
        let negative = isNegative
        let body = negative ? String(canonical.dropFirst()) : canonical
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(pieces[0])
        var frac = pieces.count > 1 ? String(pieces[1]) : ""
        guard frac.count <= scale else { return nil }
        frac += String(repeating: "0", count: scale - frac.count)
        guard let v = Int(whole + frac) else { return nil }
        return negative ? -v : v  // -v cannot overflow: Int(…) of digits alone is never Int.min
    }

    public var scale: Int {
        let utf8 = canonical.utf8
        guard let dot = utf8.firstIndex(of: 0x2E) else { return 0 }
        return utf8.distance(from: dot, to: utf8.endIndex) - 1
    }
}

/// How an absent or unreadable value was restored, so nobody mistakes an inference for a reading.
public struct Repair: Sendable, Hashable {
    /// What the source showed at that place (may be empty when nothing was read).
    public var read: String
    /// The value now in the cell.
    public var inferred: String
    /// The rule or equation that left exactly one possible value (`T3-ROW`, …).
    public var rule: String
    public var note: String

    public init(read: String, inferred: String, rule: String, note: String) {
        self.read = read
        self.inferred = inferred
        self.rule = rule
        self.note = note
    }
}

/// One cell of a standard table in the report layer.
public struct ReportCell: Sendable {
    public var path: CellPath
    public var text: String
    public var kind: CellKind
    public var number: PrintedNumber?
    public var source: SourceLocation
    public var repair: Repair?
    /// The source had a value here that could not be read, and no equation could restore it: the
    /// value is unknown (kind `blank`, value null), which is not the same as printed blank.
    public var lost: Bool = false
    /// For money cells: the unit `number` is in (the header's, or the printed one where the header
    /// states none); `text` keeps what was printed (`251000元`).
    public var unit: String? = nil

    public init(path: CellPath, text: String, kind: CellKind, number: PrintedNumber?, source: SourceLocation,
                repair: Repair? = nil) {
        self.path = path
        self.text = text
        self.kind = kind
        self.number = number
        self.source = source
        self.repair = repair
    }
}

/// `table.row.column` with the spec's stable keys.
public struct CellPath: Sendable, Hashable, CustomStringConvertible, Comparable {
    public var table: String
    public var row: String
    public var column: String

    public init(_ table: String, _ row: String, _ column: String) {
        self.table = table
        self.row = row
        self.column = column
    }

    /// Written byte by byte into one buffer: mappers and rules name cells thousands of times per
    /// report, and interpolation or `+=` cost ten times as much.
    public var description: String {
        let count = table.utf8.count + row.utf8.count + column.utf8.count + 2
        return String(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            func put(_ s: String) {
                var s = s
                s.withUTF8 { bytes in
                    if let base = bytes.baseAddress { (buffer.baseAddress! + i).update(from: base, count: bytes.count) }
                    i += bytes.count
                }
            }
            put(table)
            buffer[i] = 0x2E; i += 1
            put(row)
            buffer[i] = 0x2E; i += 1
            put(column)
            return i
        }
    }

    public static func < (a: CellPath, b: CellPath) -> Bool { a.description < b.description }

    /// Rule checks look cells up by path hundreds of times per report: hashing the short column key
    /// and the row key's length is enough to spread them, and far cheaper than hashing three
    /// strings (equal paths still hash equally; `==` settles the rest).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(column)
        hasher.combine(row.utf8.count)
        hasher.combine(table.utf8.count)
    }
}
