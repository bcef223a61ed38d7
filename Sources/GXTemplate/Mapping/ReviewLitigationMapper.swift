import GXModel

/// Table 四: one data row of 15 numbers under two header levels. Each data column is named by the
/// nearest column label above it and the group label spanning it.
enum ReviewLitigationMapper {
    static let columnMatcher = LabelMatcher(columns: Template.reviewColumns)
    static let groupMatcher = LabelMatcher(Template.reviewLitigation2021.rows.map { ($0.key, $0.labels) })

    static func map(_ labeled: LabeledTable) -> MappedTable {
        let table = labeled.table
        let table4 = StandardTableKey.reviewLitigation
        var roles: [Int: CellRole] = [:]
        var diagnostics: [Diagnostic] = []

        guard let dataRow = (0..<table.rowCount).first(where: { isDataRow(labeled, $0) }) else {
            var d: [Diagnostic] = [Diagnostic(code: "GX-W-NO-DATA-ROW", severity: .warning,
                message: "table 四 has no row of numbers", messageZh: "表四没有数据行", source: table.source)]
            let empty = assemble(.reviewLitigation, variant: .v2021, found: [:], in: labeled, diagnostics: &d)
            return MappedTable(table: empty, roles: [:], diagnostics: d)
        }

        for r in 0..<dataRow {
            for (i, _) in table.anchored(row: r) {
                if let g = groupMatcher.matchNormalized(labeled.labels[i]) { roles[i] = .label(table4, g.key) }
                else if labeled.labels[i] == "行政诉讼" { roles[i] = .label(table4, "litigation") }
            }
        }

        let dataCells = table.anchored(row: dataRow)
        var found: [CellPath: FoundCell] = [:]
        var placed: [(Int, CellPath)] = []
        for (i, cell) in dataCells {
            guard let column = columnLabel(labeled, column: cell.column, above: dataRow),
                  let group = groupLabel(labeled, column: cell.column, above: dataRow) else { continue }
            let path = CellPath(table4, group, column)
            guard found[path] == nil else { continue }
            found[path] = FoundCell(index: i)
            placed.append((i, path))
        }
        if found.count < 15, dataCells.count == 15 {
            // Headers unreadable (OCR): fifteen cells can only be the template's fifteen, in order.
            found = [:]
            placed = []
            let paths = Template.reviewLitigation2021.cellPaths.map(\.path)
            for ((i, _), path) in zip(dataCells, paths) {
                found[path] = FoundCell(index: i)
                placed.append((i, path))
            }
            diagnostics.append(Diagnostic(code: "GX-W-HEADER", severity: .warning,
                message: "table 四's headers were not readable; its 15 values were placed in template order",
                messageZh: "表四标题无法识别，15 个数值按模板顺序放置", source: table.source))
        }
        for (i, path) in placed { roles[i] = .data(path) }
        let standard = assemble(.reviewLitigation, variant: .v2021, found: found, in: labeled,
                                diagnostics: &diagnostics)
        return MappedTable(table: standard, roles: roles, diagnostics: diagnostics)
    }

    private static func isDataRow(_ labeled: LabeledTable, _ r: Int) -> Bool {
        let cells = labeled.table.anchored(row: r)
        // Cells a text reader flagged lost held numbers too.
        let numbers = cells.filter { labeled.numeric[$0.index] || $0.cell.quality?.isLost == true }.count
        guard numbers >= 3 else { return false }
        return !cells.contains {
            columnMatcher.matchNormalized(labeled.labels[$0.index], fuzzy: false) != nil
                || groupMatcher.matchNormalized(labeled.labels[$0.index], fuzzy: false) != nil
        }
    }

    private static func columnLabel(_ labeled: LabeledTable, column: Int, above dataRow: Int) -> String? {
        for r in stride(from: dataRow - 1, through: 0, by: -1) {
            if let m = columnMatcher.matchNormalized(labeled.label(row: r, column: column)) { return m.key }
        }
        return nil
    }

    /// The group spanning a column; where a text export lost the span, an empty header slot takes
    /// the group label nearest to its left in the same row.
    private static func groupLabel(_ labeled: LabeledTable, column: Int, above dataRow: Int) -> String? {
        for r in stride(from: dataRow - 1, through: 0, by: -1) {
            var c = column
            while c >= 0 {
                let text = labeled.label(row: r, column: c)
                if !text.isEmpty {
                    if let g = groupMatcher.matchNormalized(text) { return g.key }
                    break
                }
                c -= 1
            }
        }
        return nil
    }
}
