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
            // The first data row by its label, OCR'd with a character wrong too (`本年新中…`), so
            // long as no other row's label comes near it.
            if row.contains(where: { rowMatcher.distinctMatch(labeled.labels[$0.index])?.key == "new_received" }) {
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
        /// Grid rows in order, each with the template row its label matched (key nil: none); a
        /// row that is no data row (a group label, no label at all) is nil and ends a run of
        /// unread rows for `placeRowsBetweenNeighbours`.
        var sequence: [RowLabel?] = []
        /// A grid row → the row after it that continues it on the next page (see `continuation`).
        var continued: [Int: Int] = [:]

        func place(_ rowKey: String, row r: Int, label: Int) {
            roles[label] = .label(table3, rowKey)
            for column in Template.requestColumns {
                guard let c = columnOf[column.key], var i = table.cellIndex(row: r, column: c), i != label else { continue }
                // A row broken by a page: its value stands in whichever piece is not empty.
                if let next = continued[r], let j = table.cellIndex(row: next, column: c), table.cells[i].isEmpty { i = j }
                let path = CellPath(table3, rowKey, column.key)
                let data = table.cells[i].column..<(table.cells[i].column + table.cells[i].columnSpan)
                // Certain only when the data cell stands within its header's columns, or covers
                // them and no other column's.
                let aligned = headerSpan[column.key].map { header in
                    (data.lowerBound >= header.lowerBound && data.upperBound <= header.upperBound)
                        || (data.lowerBound >= dataStart && !headerSpan.contains { $0.key != column.key && $0.value.overlaps(data) })
                } ?? true
                found[path] = FoundCell(index: i, isCovered: table.cells[i].row != r && continued[r] != table.cells[i].row,
                                        misaligned: !aligned || !headerInOrder)
                foundRows.insert(rowKey)
                roles[i] = .data(path)
            }
        }

        /// The innermost label anchored in grid row `r` (merged group labels to its left are
        /// context), or the innermost covering it.
        func innerLabel(_ r: Int) -> (index: Int, cell: TableCell)? {
            let labels = table.covering(row: r, columns: 0..<max(dataStart, 0))
            return labels.last(where: { $0.cell.row == r && !$0.cell.text.trimmingWhitespace.isEmpty })
                ?? labels.last(where: { !$0.cell.text.trimmingWhitespace.isEmpty })
        }

        /// Row `r + 1` when it is the rest of row `r`, broken by a page break (a word processor
        /// lets a row break across pages: the label wraps on, the value stands in one piece).
        /// Only when the grid and the template both say so: the pieces come from two pages, the
        /// second's label is in the same columns and names no row itself, no value column has
        /// something in both pieces, and the two labels joined name one template row clearly
        /// (that of the first piece, if it names one alone).
        func continuation(of r: Int, label first: (index: Int, cell: TableCell), match: LabelMatcher.Match?)
            -> (match: LabelMatcher.Match, label: Int)? {
            guard r + 1 < table.rowCount, let second = innerLabel(r + 1), second.cell.row == r + 1, first.cell.row == r,
                  second.cell.column == first.cell.column, second.cell.columnSpan == first.cell.columnSpan,
                  let p1 = first.cell.source.page, let p2 = second.cell.source.page, p2 == p1 + 1,
                  rowMatcher.matchNormalized(labeled.labels[second.index]) == nil,
                  groupMatcher.matchNormalized(labeled.labels[second.index], fuzzy: false) == nil else { return nil }
            for column in Template.requestColumns {
                guard let c = columnOf[column.key], let i = table.cellIndex(row: r, column: c),
                      let j = table.cellIndex(row: r + 1, column: c) else { return nil }
                if i != j, !table.cells[i].isEmpty, !table.cells[j].isEmpty { return nil }
            }
            let joined = LabelNormalizer.normalize(first.cell.text.trimmingWhitespace + second.cell.text.trimmingWhitespace)
            guard let whole = rowMatcher.distinctMatch(joined), match == nil || match?.key == whole.key else { return nil }
            return (whole, second.index)
        }

        var r = firstDataRow
        while r < table.rowCount {
            let row = r
            r += 1
            let labels = table.covering(row: row, columns: 0..<max(dataStart, 0))
            guard let inner = innerLabel(row) else { sequence.append(nil); continue }
            var match = rowMatcher.matchNormalized(labeled.labels[inner.index])
            if match == nil, let g = groupMatcher.matchNormalized(labeled.labels[inner.index], fuzzy: false) {
                for (i, cell) in labels where cell.row == row { roles[i] = .group(table3, g.key) }
                sequence.append(nil)
                continue
            }
            if let piece = continuation(of: row, label: inner, match: match) {
                match = piece.match
                continued[row] = row + 1
                roles[piece.label] = .label(table3, piece.match.key)
                r += 1
                diagnostics.append(Diagnostic(code: "GX-I-ROW-SPLIT", severity: .info,
                    message: "row \(piece.match.key) of table 三 is broken by a page: its label goes on at the top of the next page, and the two pieces were read as one row",
                    messageZh: "表三该行跨页断开，两部分已合并为一行", paths: ["\(key).\(piece.match.key)"], source: inner.cell.source))
            }
            sequence.append(RowLabel(row: row, key: match?.key, label: inner.index, source: inner.cell.source))
            guard let rowMatch = match else { continue }
            if rowMatch.key == Template.otherHandlingRow {
                if otherHandling == nil { otherHandling = (row, inner.index, inner.cell.source) }
                for (i, cell) in labels where cell.row == row { roles[i] = .group(table3, "other") }
                continue
            }
            if Template.otherHandlingSubrows.contains(rowMatch.key) { sawOtherSubrows = true }
            if foundRows.contains(rowMatch.key) {
                diagnostics.append(Diagnostic(code: "GX-W-DUPLICATE-ROW", severity: .warning,
                    message: "row \(rowMatch.key) appears more than once; the first is kept",
                    messageZh: "行重复出现，保留第一次", paths: ["\(key).\(rowMatch.key)"], source: inner.cell.source))
                continue
            }
            place(rowMatch.key, row: row, label: inner.index)
        }
        placeRowsBetweenNeighbours(sequence, foundRows: foundRows, formatIsRead: sawOtherSubrows,
                                   diagnostics: &diagnostics, place: place)
        if let other = otherHandling, !sawOtherSubrows {
            place(Template.otherHandlingRow, row: other.row, label: other.label)
        }
        let variant: TemplateVariant = otherHandling != nil && !sawOtherSubrows ? .v2019 : .v2021
        let standard = assemble(.requests, variant: variant, found: found, in: labeled, diagnostics: &diagnostics)
        return MappedTable(table: standard, roles: roles, diagnostics: diagnostics)
    }

    /// One data row of the grid, by its label: `key` is the template row it matched, nil if none.
    struct RowLabel {
        var row: Int
        var key: String?
        var label: Int
        var source: SourceLocation
    }

    /// Rows whose labels no template row matches (OCR garbled them, an agency reworded them) are
    /// placed only when the grid leaves no other reading: a run of such rows stands between two
    /// rows matched to template rows exactly as far apart as the run is long, so the template rows
    /// between them, none found elsewhere, are the only ones they can be, in the printed order.
    /// Which format the table has (2019's 其他处理 row or 2021's three sub-rows) is read from
    /// those rows' labels, so the 2019 row is never inferred, and a 2021 sub-row only once
    /// another sub-row's own label has shown the 2021 format (`formatIsRead`). Each inferred row
    /// gets a `GX-I-ROW-BY-ORDER` note.
    static func placeRowsBetweenNeighbours(_ sequence: [RowLabel?], foundRows: Set<String>, formatIsRead: Bool,
                                           diagnostics: inout [Diagnostic], place: (String, Int, Int) -> Void) {
        let order = Template.requests2021.rows.map(\.key)
        let excluded = formatIsRead ? [Template.otherHandlingRow] : Template.otherHandlingSubrows.union([Template.otherHandlingRow])
        var placed = foundRows
        var k = 0
        while k < sequence.count {
            // A run of unread rows: sequence[start..<end], with a read row on each side.
            guard sequence[k] != nil, sequence[k]?.key == nil else { k += 1; continue }
            let start = k
            while k < sequence.count, let next = sequence[k], next.key == nil { k += 1 }
            let end = k
            guard start > 0, end < sequence.count, let above = sequence[start - 1]?.key, let below = sequence[end]?.key,
                  let i = order.firstIndex(of: above), let j = order.firstIndex(of: below), j - i == end - start + 1 else { continue }
            let between = Array(order[(i + 1)..<j])
            guard between.allSatisfy({ !placed.contains($0) && !excluded.contains($0) }) else { continue }
            for (offset, key) in between.enumerated() {
                let unread = sequence[start + offset]!
                place(key, unread.row, unread.label)
                placed.insert(key)
                diagnostics.append(Diagnostic(code: "GX-I-ROW-BY-ORDER", severity: .info,
                    message: "a row label of table 三 was not recognised; the row stands \(offset + 1) of \(between.count) between \(above) and \(below), so it is \(key)",
                    messageZh: "表三行标题无法识别，按前后行位置确定为该行", paths: ["requests.\(key)"], source: unread.source))
            }
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
