import GXModel
import GXTemplate

/// Evaluates `left = right` over cells with exact decimal arithmetic and produces the diagnostic:
/// an error with both sides and the difference, or an info saying which cells made it not assessable.
/// Nearly every equation holds, so nothing of a diagnostic (subject, messages, paths) is built
/// before one fails.
struct Arithmetic {
    let report: Report
    let options: ValidationOptions

    init(report: Report, options: ValidationOptions) {
        self.report = report
        self.options = options
    }

    /// A bookmark in the cell itself, else one on its row label (the first of each, if several).
    func bookmark(for path: CellPath) -> String? {
        bookmark(for: path, named: path.description)
    }

    /// `description` is the path's own.
    fileprivate func bookmark(for path: CellPath, named description: String) -> String? {
        guard !report.bookmarks.isEmpty else { return nil }
        let row = "\(path.table).\(path.row)"
        return report.bookmarks.first { $0.path == description }?.name ?? report.bookmarks.first { $0.path == row }?.name
    }

    /// `left` and `right` are slots of `grid`.
    func check(_ grid: CellGrid, code: String, subject: @autoclosure () -> String, what: @autoclosure () -> String,
               whatZh: @autoclosure () -> String, left: [Int], right: [Int]) -> Diagnostic? {
        var scale = 0
        var assessable = true
        var usedBlankAsZero = false
        func read(_ slots: [Int]) {
            for slot in slots {
                let operand = grid.operands[slot]
                switch operand {
                case .exact, .printed: scale = max(scale, operand.scale)
                case .missing, .notNumber:
                    if options.blankAsZero, operand.blankCountsAsZero { usedBlankAsZero = true } else { assessable = false }
                }
            }
        }
        read(left)
        read(right)
        let equation = Equation(grid: grid, left: left, right: right, arithmetic: self)
        guard assessable else {
            return equation.notAssessable(code: code, subject: subject(), what: what(), whatZh: whatZh())
        }
        guard scale <= 6 else { return nil }
        func total(_ slots: [Int]) -> Int? {
            var sum = 0
            for slot in slots {
                guard let v = grid.operands[slot].scaled(to: scale), let s = Checked.add(sum, v) else { return nil }
                sum = s
            }
            return sum
        }
        guard let l = total(left), let r = total(right), Checked.subtract(l, r) != nil else {
            return equation.tooLarge(code: code, subject: subject(), what: what(), whatZh: whatZh())
        }
        guard l != r else { return nil }
        return equation.mismatch(code: code, subject: subject(), what: what(), whatZh: whatZh(), left: l, right: r, scale: scale,
                                 usedBlankAsZero: usedBlankAsZero)
    }

    func format(_ value: Int, _ scale: Int) -> String {
        guard scale > 0 else { return Checked.decimal(value) }
        let negative = value < 0
        var digits = String(value.magnitude)
        while digits.count <= scale { digits = "0" + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<cut] + "." + digits[cut...]
    }
}

/// A failed equation's cells, for building its diagnostic.
private struct Equation {
    let grid: CellGrid
    let left: [Int]
    let right: [Int]
    let arithmetic: Arithmetic

    var slots: [Int] { left + right }
    var paths: [String] { slots.map(grid.layout.description) }

    func cells(_ paths: [String]) -> [DiagnosticCell] {
        zip(slots, paths).map { slot, path in
            let cell = grid.cell(slot, in: arithmetic.report)
            return DiagnosticCell(path: path, text: cell?.text ?? "", source: cell?.source ?? .unknown,
                                  bookmark: arithmetic.bookmark(for: grid.layout.path(slot), named: path))
        }
    }

    func notAssessable(code: String, subject: String, what: String, whatZh: String) -> Diagnostic {
        var unusable: [String] = []
        for slot in slots {
            let operand = grid.operands[slot]
            let kind: String
            switch operand {
            case .exact, .printed: continue
            case .missing: kind = "missing"
            case .notNumber(let k, _): kind = k.rawValue
            }
            if arithmetic.options.blankAsZero, operand.blankCountsAsZero { continue }
            unusable.append("\(grid.layout.description(slot)) (\(kind))")
        }
        let paths = self.paths
        return Diagnostic(code: code, severity: .info, subject: subject,
            message: "\(what): not assessable, not every cell is a number: \(unusable.joined(separator: ", "))",
            messageZh: "\(whatZh)：无法核验，部分单元格不是数字", paths: paths, cells: cells(paths))
    }

    /// A sum that does not fit in 64 bits: no report counts that much, so the equation is not
    /// assessable rather than a finding built on a wrapped or zeroed value.
    func tooLarge(code: String, subject: String, what: String, whatZh: String) -> Diagnostic {
        let paths = self.paths
        return Diagnostic(code: code, severity: .info, subject: subject,
            message: "\(what): not assessable, the numbers are too large to add up",
            messageZh: "\(whatZh)：无法核验，数字过大", paths: paths, cells: cells(paths))
    }

    func mismatch(code: String, subject: String, what: String, whatZh: String, left l: Int, right r: Int, scale: Int,
                  usedBlankAsZero: Bool) -> Diagnostic {
        let format = arithmetic.format
        let difference = l &- r  // the caller checked that it fits
        let note = usedBlankAsZero ? " (blank cells counted as 0 by --blank-as-zero)" : ""
        let paths = self.paths
        return Diagnostic(code: code, severity: .error, subject: subject,
            message: "\(what): \(format(l, scale)) ≠ \(format(r, scale)), off by \(format(difference, scale))\(note)",
            messageZh: "\(whatZh)：\(format(l, scale)) ≠ \(format(r, scale))，相差 \(format(difference, scale))\(usedBlankAsZero ? "（空白按 0 计）" : "")",
            paths: paths, cells: cells(paths), left: format(l, scale), right: format(r, scale),
            difference: format(difference, scale), source: slots.first.flatMap { grid.cell($0, in: arithmetic.report)?.source })
    }
}
