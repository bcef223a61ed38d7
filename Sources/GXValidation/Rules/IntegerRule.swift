import GXModel
import GXTemplate

/// `T-INT`: counts are non-negative integers; `change` may be signed; amounts are decimals.
enum IntegerRule {
    static func check(_ report: Report) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for table in report.tables {
            guard let variant = table.variant else { continue }
            let spec = Template.spec(table.key, variant)
            for i in table.cells.indices where table.cells[i].kind == .number {
                let path = table.cells[i].path
                guard let n = table.cells[i].number, path.table == table.key,
                      let position = spec.index.position(row: path.row, column: path.column) else { continue }
                let problem: String?
                switch spec.cellPaths[position].type {
                case .count: problem = !n.isInteger ? "is not a whole number" : n.isNegative ? "is negative" : nil
                case .signedCount: problem = n.isInteger ? nil : "is not a whole number"
                case .decimal: problem = n.isNegative ? "is negative" : nil
                }
                guard let problem else { continue }
                let cell = table.cells[i]
                out.append(Diagnostic(code: "T-INT", severity: .error, subject: cell.path.description,
                    message: "\(cell.path) = \(cell.text) \(problem)", messageZh: "\(cell.path) 的值 \(cell.text) 不是非负整数",
                    paths: [cell.path.description],
                    cells: [DiagnosticCell(path: cell.path.description, text: cell.text, source: cell.source)], source: cell.source))
            }
        }
        return out
    }
}
