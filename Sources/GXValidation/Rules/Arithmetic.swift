import GXModel
import GXTemplate

/// Evaluates `left = right` over cells with exact decimal arithmetic and produces the diagnostic:
/// an error with both sides and the difference, or an info saying which cells made it not assessable.
struct Arithmetic {
    let report: Report
    let options: ValidationOptions
    private let bookmarks: [String: String]
    private let cells: [CellPath: ReportCell]

    init(report: Report, options: ValidationOptions) {
        self.report = report
        self.options = options
        var index: [CellPath: ReportCell] = [:]
        for table in report.tables { for cell in table.cells { index[cell.path] = cell } }
        cells = index
        var byPath: [String: String] = [:]
        for b in report.bookmarks where byPath[b.path] == nil { byPath[b.path] = b.name }
        bookmarks = byPath
    }

    /// A bookmark in the cell itself, else one on its row label.
    func bookmark(for path: CellPath) -> String? {
        bookmarks[path.description] ?? bookmarks["\(path.table).\(path.row)"]
    }

    func check(code: String, subject: String, what: @autoclosure () -> String, whatZh: @autoclosure () -> String,
               left: [CellPath], right: [CellPath]) -> Diagnostic? {
        let all = left + right
        let cells = all.map { self.cells[$0] }
        var diagnosticCells: [DiagnosticCell] {
            zip(all, cells).map { path, cell in
                DiagnosticCell(path: path.description, text: cell?.text ?? "", source: cell?.source ?? .unknown,
                               bookmark: bookmark(for: path))
            }
        }
        var unusable: [String] = []
        var usedBlankAsZero = false
        var numbers: [PrintedNumber] = []
        for (path, cell) in zip(all, cells) {
            if let cell, cell.kind == .number, let n = cell.number { numbers.append(n); continue }
            if options.blankAsZero, cell == nil || (cell!.kind == .blank && !cell!.lost) {
                numbers.append(PrintedNumber(canonical: "0")!)
                usedBlankAsZero = true
                continue
            }
            unusable.append("\(path) (\(cell?.kind.rawValue ?? "missing"))")
        }
                if !unusable.isEmpty {
            return Diagnostic(code: code, severity: .info, subject: subject,
                message: "\(what()): not assessable, not every cell is a number: \(unusable.joined(separator: ", "))",
                messageZh: "\(whatZh())：无法核验，部分单元格不是数字", paths: all.map(\.description), cells: diagnosticCells)
        }
        let scale = numbers.map(\.scale).max() ?? 0
        guard scale <= 6 else { return nil }
        let values = numbers.map { $0.scaled(to: scale) ?? 0 }
        let l = values.prefix(left.count).reduce(0, +)
        let r = values.dropFirst(left.count).reduce(0, +)
        guard l != r else { return nil }
        let note = usedBlankAsZero ? " (blank cells counted as 0 by --blank-as-zero)" : ""
        return Diagnostic(code: code, severity: .error, subject: subject,
            message: "\(what()): \(format(l, scale)) ≠ \(format(r, scale)), off by \(format(l - r, scale))\(note)",
            messageZh: "\(whatZh())：\(format(l, scale)) ≠ \(format(r, scale))，相差 \(format(l - r, scale))\(usedBlankAsZero ? "（空白按 0 计）" : "")",
            paths: all.map(\.description), cells: diagnosticCells, left: format(l, scale), right: format(r, scale),
            difference: format(l - r, scale), source: cells.first??.source)
    }

    func format(_ value: Int, _ scale: Int) -> String {
        guard scale > 0 else { return String(value) }
        let negative = value < 0
        var digits = String(abs(value))
        while digits.count <= scale { digits = "0" + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<cut] + "." + digits[cut...]
    }
}
