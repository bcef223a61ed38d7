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
        // The template prints 自然人, the five organisations, 总计 left to right: a header whose
        // labels stand in another order (a grid a converter shifted) places no value with certainty.
        let printedOrder = Template.requestColumns.compactMap { columnOf[$0.key] }
        let headerInOrder = zip(printedOrder, printedOrder.dropFirst()).allSatisfy { $0 < $1 }

        var found: [CellPath: FoundCell] = [:]
        found.reserveCapacity(Template.requests2021.cellPaths.count)
        var foundRows: Set<String> = []
        // （六）其他处理 is a group label over three sub-rows in 2021 and a data row of its own in 2019.
        // Which one is decided by the printed labels alone (are the sub-rows there?), never by
        // whether its cells hold numbers: a 2019 report may leave that row blank.
        var otherHandling: (row: Int, label: Int, source: SourceLocation)?
        var sawOtherSubrows = false
        /// Each grid row's label: the template row it matched, or nil for a label no row matches.
        var rowLabel: [Int: (key: String?, label: Int, source: SourceLocation)] = [:]

        func place(_ rowKey: String, row r: Int, label: Int) {
            roles[label] = .label(table3, rowKey)
            for column in Template.requestColumns {
                guard let c = columnOf[column.key], let i = table.cellIndex(row: r, column: c), i != label else { continue }
                let path = CellPath(table3, rowKey, column.key)
                let data = table.cells[i].column..<(table.cells[i].column + table.cells[i].columnSpan)
                // Certain only when the data cell stands within its header's columns, or covers
                // them and no other column's.
                let aligned = headerSpan[column.key].map { header in
                    (data.lowerBound >= header.lowerBound && data.upperBound <= header.upperBound)
                        || (data.lowerBound >= dataStart && !headerSpan.contains { $0.key != column.key && $0.value.overlaps(data) })
                } ?? true
                found[path] = FoundCell(index: i, isCovered: table.cells[i].row != r, misaligned: !aligned || !headerInOrder)
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
            guard let rowMatch = match else {
                rowLabel[r] = (nil, inner.index, inner.cell.source)
                continue
            }
            rowLabel[r] = (rowMatch.key, inner.index, inner.cell.source)
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
        placeRowsBetweenNeighbours(rowLabel, foundRows: foundRows, diagnostics: &diagnostics, place: place)
        if let other = otherHandling, !sawOtherSubrows {
            place(Template.otherHandlingRow, row: other.row, label: other.label)
        }
        let variant: TemplateVariant = otherHandling != nil && !sawOtherSubrows ? .v2019 : .v2021
        let standard = assemble(.requests, variant: variant, found: found, in: labeled, diagnostics: &diagnostics)
        return MappedTable(table: standard, roles: roles, diagnostics: diagnostics)
    }

    /// A row whose label no template row matches (OCR garbled it, an agency reworded it) is placed
    /// only when the grid leaves no other reading: the rows directly above and below it are matched
    /// to template rows exactly one apart, so the template row between them, not found elsewhere,
    /// is the only one it can be. The 2019/2021 其他处理 rows are never inferred (which format the
    /// table has is read from their labels). Each such row gets a `GX-I-ROW-BY-ORDER` note.
    private static func placeRowsBetweenNeighbours(_ rowLabel: [Int: (key: String?, label: Int, source: SourceLocation)],
                                                   foundRows: Set<String>, diagnostics: inout [Diagnostic],
                                                   place: (String, Int, Int) -> Void) {
        let order = Template.requests2021.rows.map(\.key)
        let excluded = Template.otherHandlingSubrows.union([Template.otherHandlingRow])
        var placed = foundRows
        for r in rowLabel.keys.sorted() {
            guard let unmatched = rowLabel[r], unmatched.key == nil,
                  let above = rowLabel[r - 1]?.key, let below = rowLabel[r + 1]?.key,
                  let i = order.firstIndex(of: above), let j = order.firstIndex(of: below), j == i + 2 else { continue }
            let between = order[i + 1]
            guard !placed.contains(between), !excluded.contains(between) else { continue }
            place(between, r, unmatched.label)
            placed.insert(between)
            diagnostics.append(Diagnostic(code: "GX-I-ROW-BY-ORDER", severity: .info,
                message: "a row label of table 三 was not recognised; the row stands between \(above) and \(below), so it is \(between)",
                messageZh: "表三行标题无法识别，按前后行位置确定为该行", paths: ["requests.\(between)"], source: unmatched.source))
        }
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
