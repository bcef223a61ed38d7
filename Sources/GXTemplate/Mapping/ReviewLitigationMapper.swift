import GXModel

/// Table 四: one data row of 15 numbers under two header levels. Each data column is named by the
/// nearest column label above it and the group label spanning it.
enum ReviewLitigationMapper {
    static let columnMatcher = LabelMatcher(columns: Template.reviewColumns)
    static let groupMatcher = LabelMatcher(Template.reviewLitigation2021.rows.map { ($0.key, $0.labels) })

    static func map(_ table: Table) -> MappedTable {
        let key = StandardTableKey.reviewLitigation.rawValue
        var roles: [Int: String] = [:]
        var diagnostics: [Diagnostic] = []

        guard let dataRow = (0..<table.rowCount).first(where: { isDataRow(table, $0) }) else {
            var d: [Diagnostic] = [Diagnostic(code: "GX-W-NO-DATA-ROW", severity: .warning,
                message: "table 四 has no row of numbers", messageZh: "表四没有数据行", source: table.source)]
            let empty = assemble(.reviewLitigation, variant: .v2021, found: [:], tableSource: table.source, diagnostics: &d)
            return MappedTable(table: empty, roles: [:], diagnostics: d)
        }

        for r in 0..<dataRow {
            for (i, cell) in table.anchored(row: r) {
                if let g = groupMatcher.match(cell.text) { roles[i] = "\(key).\(g.key)" }
                else if LabelNormalizer.normalize(cell.text) == "行政诉讼" { roles[i] = "\(key).litigation" }
            }
        }

        let dataCells = table.anchored(row: dataRow)
        var found: [CellPath: (text: String, source: SourceLocation)] = [:]
        var placed: [(Int, CellPath)] = []
        for (i, cell) in dataCells {
            guard let column = columnLabel(table, column: cell.column, above: dataRow),
                  let group = groupLabel(table, column: cell.column, above: dataRow) else { continue }
            let path = CellPath(key, group, column)
            guard found[path] == nil else { continue }
            found[path] = (cell.text, cell.source)
            placed.append((i, path))
        }
        if found.count < 15, dataCells.count == 15 {
            // Headers unreadable (OCR): fifteen cells can only be the template's fifteen, in order.
            found = [:]
            placed = []
            let paths = Template.reviewLitigation2021.cellPaths.map(\.path)
            for ((i, cell), path) in zip(dataCells, paths) {
                found[path] = (cell.text, cell.source)
                placed.append((i, path))
            }
            diagnostics.append(Diagnostic(code: "GX-W-HEADER", severity: .warning,
                message: "table 四's headers were not readable; its 15 values were placed in template order",
                messageZh: "表四标题无法识别，15 个数值按模板顺序放置", source: table.source))
        }
        for (i, path) in placed { roles[i] = path.description }
        let standard = assemble(.reviewLitigation, variant: .v2021, found: found, tableSource: table.source,
                                diagnostics: &diagnostics)
        return MappedTable(table: standard, roles: roles, diagnostics: diagnostics)
    }

    private static func isDataRow(_ table: Table, _ r: Int) -> Bool {
        let cells = table.anchored(row: r)
        // Cells a text reader flagged lost held numbers too.
        let numbers = cells.filter { CellReader.read($0.cell.text).kind == .number || $0.cell.quality?.state == .lost }.count
        let labels = cells.filter { columnMatcher.match($0.cell.text, fuzzy: false) != nil || groupMatcher.match($0.cell.text, fuzzy: false) != nil }.count
        return numbers >= 3 && labels == 0
    }

    private static func columnLabel(_ table: Table, column: Int, above dataRow: Int) -> String? {
        for r in stride(from: dataRow - 1, through: 0, by: -1) {
            if let m = columnMatcher.match(table.text(row: r, column: column)) { return m.key }
        }
        return nil
    }

    /// The group spanning a column; where a text export lost the span, an empty header slot takes
    /// the group label nearest to its left in the same row.
    private static func groupLabel(_ table: Table, column: Int, above dataRow: Int) -> String? {
        for r in stride(from: dataRow - 1, through: 0, by: -1) {
            var c = column
            while c >= 0 {
                let text = table.text(row: r, column: c)
                if !text.trimmedCell.isEmpty {
                    if let g = groupMatcher.match(text) { return g.key }
                    break
                }
                c -= 1
            }
        }
        return nil
    }
}
