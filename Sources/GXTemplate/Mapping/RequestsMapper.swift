import GXModel

/// Table 三: the header names the seven applicant columns; each data row is found by its innermost
/// label (the sub-row label right of any merged group label), never by its position.
enum RequestsMapper {
    static let columnMatcher = LabelMatcher(columns: Template.requestColumns)
    static let rowMatcher = LabelMatcher(
        (Template.requests2021.rows + [Template.requests2019.row("other_handling")!]).map { ($0.key, $0.labels) })
    static let groupMatcher = LabelMatcher(Template.requestGroups.map { ($0.key, $0.labels) })

    static func map(_ labeled: LabeledTable) -> MappedTable {
        let table = labeled.table
        let table3 = StandardTableKey.requests
        let key = table3.rawValue
        var roles: [Int: CellRole] = [:]
        var diagnostics: [Diagnostic] = []

        // Header: every applicant column's grid position, from rows above the first data row.
        var columnOf: [String: Int] = [:]
        /// Each labelled column's header span, to check that data cells line up under it.
        var headerSpan: [String: Range<Int>] = [:]
        var firstDataRow = table.rowCount
        for r in 0..<table.rowCount {
            let row = table.anchored(row: r)
            if row.contains(where: { rowMatcher.matchNormalized(labeled.labels[$0.index], fuzzy: false)?.key == "new_received" }) {
                firstDataRow = r
                break
            }
            for (i, cell) in row {
                guard let m = columnMatcher.matchNormalized(labeled.labels[i], fuzzy: false), m.quality <= 1, columnOf[m.key] == nil else {
                    if labeled.labels[i].hasPrefix("本列数据的勾稽关系") { roles[i] = .header(table3) }
                    continue
                }
                columnOf[m.key] = cell.column
                headerSpan[m.key] = cell.column..<(cell.column + cell.columnSpan)
                roles[i] = .label(table3, m.key)
            }
        }
        if columnOf.count < Template.requestColumns.count, table.columnCount >= 7 {
            // No usable header: the seven data columns are the rightmost seven that carry numbers.
            let last = lastNumericColumn(labeled, from: firstDataRow)
            if last >= 6 {
                for (offset, column) in Template.requestColumns.enumerated() where columnOf[column.key] == nil {
                    columnOf[column.key] = last - 6 + offset
                }
                diagnostics.append(Diagnostic(code: "GX-W-HEADER", severity: .warning,
                    message: "table 三's applicant columns were not all labelled; placed by template order",
                    messageZh: "表三申请人列标题不完整，已按模板顺序定位", source: table.source))
            }
        }
        let dataStart = columnOf.values.min() ?? 1

        var found: [CellPath: FoundCell] = [:]
        found.reserveCapacity(Template.requests2021.cellPaths.count)
        var foundRows: Set<String> = []
        // （六）其他处理 is a group label over three sub-rows in 2021 and a data row of its own in 2019.
        // Which one is decided by the printed labels alone (are the sub-rows there?), never by
        // whether its cells hold numbers: a 2019 report may leave that row blank.
        var otherHandling: (row: Int, label: Int, source: SourceLocation)?
        var sawOtherSubrows = false

        func place(_ rowKey: String, row r: Int, label: Int) {
            roles[label] = .label(table3, rowKey)
            for column in Template.requestColumns {
                guard let c = columnOf[column.key], let i = table.cellIndex(row: r, column: c), i != label else { continue }
                let path = CellPath(key, rowKey, column.key)
                let data = table.cells[i].column..<(table.cells[i].column + table.cells[i].columnSpan)
                // Certain only when the data cell stands within its header's columns, or covers
                // them and no other column's.
                let aligned = headerSpan[column.key].map { header in
                    (data.lowerBound >= header.lowerBound && data.upperBound <= header.upperBound)
                        || (data.lowerBound >= dataStart && !headerSpan.contains { $0.key != column.key && $0.value.overlaps(data) })
                } ?? true
                found[path] = FoundCell(index: i, isCovered: table.cells[i].row != r, misaligned: !aligned)
                foundRows.insert(rowKey)
                roles[i] = .data(path)
            }
        }

        for r in firstDataRow..<table.rowCount {
            let labels = table.covering(row: r, columns: 0..<max(dataStart, 0))
            // Innermost label anchored in this row; merged group labels to its left are context.
            guard let inner = labels.last(where: { $0.cell.row == r && !$0.cell.text.trimmedCell.isEmpty })
                    ?? labels.last(where: { !$0.cell.text.trimmedCell.isEmpty }) else { continue }
            let match = rowMatcher.matchNormalized(labeled.labels[inner.index])
            if match == nil, let g = groupMatcher.matchNormalized(labeled.labels[inner.index], fuzzy: false) {
                for (i, cell) in labels where cell.row == r { roles[i] = .group(table3, g.key) }
                continue
            }
            guard let rowMatch = match else { continue }
            if rowMatch.key == Template.otherHandlingRow {
                if otherHandling == nil { otherHandling = (r, inner.index, inner.cell.source) }
                for (i, cell) in labels where cell.row == r { roles[i] = .group(table3, "other") }
                continue
            }
            if Template.otherHandlingSubrows.contains(rowMatch.key) { sawOtherSubrows = true }
            if foundRows.contains(rowMatch.key) {
                diagnostics.append(Diagnostic(code: "GX-W-DUPLICATE-ROW", severity: .warning,
                    message: "row \(rowMatch.key) appears more than once; the first is kept",
                    messageZh: "行重复出现，保留第一次", paths: ["\(key).\(rowMatch.key)"], source: inner.cell.source))
                continue
            }
            place(rowMatch.key, row: r, label: inner.index)
        }
        if let other = otherHandling, !sawOtherSubrows {
            place(Template.otherHandlingRow, row: other.row, label: other.label)
        }
        let variant: TemplateVariant = otherHandling != nil && !sawOtherSubrows ? .v2019 : .v2021
        let standard = assemble(.requests, variant: variant, found: found, in: labeled, diagnostics: &diagnostics)
        return MappedTable(table: standard, roles: roles, diagnostics: diagnostics)
    }

    private static func lastNumericColumn(_ labeled: LabeledTable, from row: Int) -> Int {
        let table = labeled.table
        var last = -1
        for r in row..<table.rowCount {
            for (i, cell) in table.anchored(row: r) where labeled.numeric[i] {
                last = max(last, cell.column + cell.columnSpan - 1)
            }
        }
        return last
    }
}
