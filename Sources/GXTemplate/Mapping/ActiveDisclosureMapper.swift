import GXModel

/// Table 二: blocks of `第二十条第（x）项`, each with a `信息内容 | column labels…` header row that
/// says which grid column holds which value for the rows below it.
enum ActiveDisclosureMapper {
    static let rowMatcher = LabelMatcher(
        (Template.activeDisclosure2021.rows + Template.activeDisclosure2019.rows).map { ($0.key, $0.labels) })
    static let columnMatcher: LabelMatcher = {
        var all: [ColumnSpec] = []
        for row in Template.activeDisclosure2021.rows + Template.activeDisclosure2019.rows { all += row.columns }
        return LabelMatcher(columns: all)
    }()
    static let only2019: Set<String> = ["made", "published", "public_total", "previous_items", "change", "items", "amount",
                                        "other_services", "procurement"]

    static func map(_ labeled: LabeledTable) -> MappedTable {
        let table = labeled.table
        let table2 = StandardTableKey.activeDisclosure
        var roles: [Int: CellRole] = [:]
        var found: [CellPath: FoundCell] = [:]
        var columnAt: [(column: Int, key: String)] = []
        var headerUnits: [String: String] = [:]
        var seen2019 = 0, seen2021 = 0
        var diagnostics: [Diagnostic] = []

        for r in 0..<table.rowCount {
            let row = table.anchored(row: r).filter { !$0.cell.text.trimmingWhitespace.isEmpty }
            guard let first = row.first else { continue }
            let label = labeled.labels[first.index]
            if label.hasPrefix("第二十条") {
                roles[first.index] = .header(table2)
                continue
            }
            if label.contains(utf8: "信息内容") {
                roles[first.index] = .header(table2)
                columnAt = []
                for (i, cell) in row.dropFirst() {
                    guard let m = columnMatcher.matchNormalized(labeled.labels[i]) else { continue }
                    columnAt.append((cell.column, m.key))
                    if let unit = AmountReader.unit(inHeader: cell.text) { headerUnits[m.key] = unit }
                    if only2019.contains(m.key) { seen2019 += 1 } else { seen2021 += 1 }
                }
                continue
            }
            guard let rowMatch = rowMatcher.matchNormalized(label) else { continue }
            if only2019.contains(rowMatch.key) { seen2019 += 1 }
            roles[first.index] = .label(table2, rowMatch.key)
            if columnAt.isEmpty {
                diagnostics.append(Diagnostic(code: "GX-W-HEADER", severity: .warning,
                    message: "row '\(first.cell.text.trimmingWhitespace)' has no column header row above it",
                    messageZh: "该行上方没有列标题行", source: first.cell.source))
            }
            for (column, columnKey) in columnAt {
                guard let i = table.cellIndex(row: r, column: column), i != first.index else { continue }
                let path = CellPath(table2, rowMatch.key, columnKey)
                if found[path] != nil { continue }
                found[path] = FoundCell(index: i)
                roles[i] = .data(path)
            }
        }
        let variant: TemplateVariant = seen2019 > seen2021 ? .v2019 : .v2021
        let standard = assemble(.activeDisclosure, variant: variant, found: found, in: labeled,
                                headerUnits: headerUnits, diagnostics: &diagnostics)
        return MappedTable(table: standard, roles: roles, diagnostics: diagnostics)
    }
}
