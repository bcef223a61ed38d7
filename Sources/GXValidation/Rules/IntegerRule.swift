import GXModel
import GXTemplate

/// `T-INT`: counts are non-negative integers; `change` may be signed; amounts are decimals.
enum IntegerRule {
    static func check(_ report: Report) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for table in report.tables {
            guard let variant = table.variant else { continue }
            let types = Dictionary(Template.spec(table.key, variant).cellPaths.map { ($0.path, $0.type) }, uniquingKeysWith: { a, _ in a })
            for cell in table.cells where cell.kind == .number {
                guard let n = cell.number, let type = types[cell.path] else { continue }
                let problem: String?
                switch type {
                case .count: problem = !n.isInteger ? "is not a whole number" : n.isNegative ? "is negative" : nil
                case .signedCount: problem = n.isInteger ? nil : "is not a whole number"
                case .decimal: problem = n.isNegative ? "is negative" : nil
                }
                guard let problem else { continue }
                out.append(Diagnostic(code: "T-INT", severity: .error, subject: cell.path.description,
                    message: "\(cell.path) = \(cell.text) \(problem)", messageZh: "\(cell.path) 的值 \(cell.text) 不是非负整数",
                    paths: [cell.path.description],
                    cells: [DiagnosticCell(path: cell.path.description, text: cell.text, source: cell.source)], source: cell.source))
            }
        }
        return out
    }
}
