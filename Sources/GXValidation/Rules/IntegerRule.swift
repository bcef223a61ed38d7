import GXModel
import GXTemplate

/// `T-INT`: counts are non-negative integers; `change` may be signed; amounts are decimals.
enum IntegerRule {
    static func check(_ report: Report) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for table in report.tables {
            guard let variant = table.variant else { continue }
            let types = TemplateKeys.cellTypes(table.key, variant)
            var next = 0
            for i in table.cells.indices where table.cells[i].kind == .number {
                guard let n = table.cells[i].number, let found = find(table.cells[i].path, in: types, from: next) else { continue }
                next = found + 1
                let problem: String?
                switch types[found].type {
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

    /// Where `path` is among the (unique) template paths, looking from `start` on and then from the
    /// top: cells come in template order, so the search rarely goes past the first try.
    private static func find(_ path: CellPath, in types: [(path: CellPath, type: ValueType)], from start: Int) -> Int? {
        if let i = types[min(start, types.count)...].firstIndex(where: { $0.path == path }) { return i }
        return types[..<min(start, types.count)].firstIndex { $0.path == path }
    }
}
