import GXModel

/// The HTML table model: rows from `tr` directly in the table or in `thead`/`tbody`/`tfoot`
/// (transparent, in source order), cells from `td` and `th`, each cell starting at the first free
/// slot of its row; `rowspan` never runs past its row group and `rowspan="0"` runs to its end.
/// Spans are clamped to `ReadLimits` before anything is allocated, overlaps are cut back rather
/// than overwritten, and every such repair is reported. Nested tables stay in their cell; a table
/// that merely lays out the page (it holds the section headings or the report's own tables) is
/// unwrapped into its cells' content; portal metadata tables (索引号/发布机构…) are dropped.
extension BlockBuilder {
    struct RawRow {
        var node: Int?
        var cells: [Int] = []
        var group: Int
        var bookmarks: [(name: String, line: Int)] = []
    }

    func readTable(_ t: Int) throws {
        let tableNode = tree[t]
        var rows: [RawRow] = []
        var captions: [Int] = []
        var group = 0
        var strayBookmarks: [(name: String, line: Int)] = pendingBookmarks
        pendingBookmarks = []
        collectRows(t, group: &group, rows: &rows, captions: &captions, bookmarks: &strayBookmarks, depth: 0)
        if !strayBookmarks.isEmpty {
            if rows.isEmpty { pendingBookmarks += strayBookmarks } else { rows[rows.count - 1].bookmarks += strayBookmarks }
        }

        for caption in captions { try visit(caption) }
        var tableSource = SourceLocation(line: Int(tableNode.line), element: paths.path(t))
        if let cell = cellSources.last { tableSource.table = cell.table }

        guard rows.count <= limits.maxTableRows else {
            throw GXError(.limit, "a table has \(rows.count) rows, over the limit of \(limits.maxTableRows)", location: tableSource)
        }
        guard rows.contains(where: { !$0.cells.isEmpty }) else {
            note("GX-W-EMPTY-TABLE", .warning, "a table with no cells was skipped", tableSource)
            for row in rows { for mark in row.bookmarks { bookmark(mark.name, line: mark.line) } }
            return
        }

        // Rows of a group, so a rowspan stops at the end of its thead/tbody/tfoot.
        var groupEnd = [Int](repeating: 0, count: rows.count)
        for r in stride(from: rows.count - 1, through: 0, by: -1) {
            groupEnd[r] = (r + 1 < rows.count && rows[r + 1].group == rows[r].group) ? groupEnd[r + 1] : r
        }
        let maxColumns = limits.maxTableColumns
        // The table's width with absurd spans (`colspan="100000"`) counted as 1: such a span is cut
        // back to what the other rows need, never allowed to allocate its width.
        let widest = rows.map { row in row.cells.reduce(0) { width, cell in
            let s = span(tree[cell], "colspan", missing: 1, zero: 1)
            return width + (s > maxColumns ? 1 : s)
        } }.max() ?? 1
        let presize = min(max(widest, 1), maxColumns)
        guard rows.count * presize <= limits.maxTableRows * 64 else {
            throw GXError(.limit, "a table of \(rows.count) rows × \(presize) columns is over the size limit", location: tableSource)
        }

        var table = Table(source: tableSource)
        table.ensure(rows: rows.count, columns: presize)
        var cellPlaced: [[Placed]] = []
        var cellNodes: [Int] = []
        var repairs: [String] = []

        for (r, row) in rows.enumerated() {
            var column = 0
            for (k, cellNode) in row.cells.enumerated() {
                while table.cellIndex(row: r, column: column) != nil { column += 1 }
                let node = tree[cellNode]
                var source = SourceLocation(line: Int(node.line), table: tableSource.table, row: r + 1, cell: k + 1,
                                            element: paths.path(cellNode))
                source.table = tableSource.table
                guard column < maxColumns else {
                    throw GXError(.limit, "a table row reaches grid column \(column + 1), over the limit of \(maxColumns)", location: source)
                }
                var colspan = span(node, "colspan", missing: 1, zero: 1)
                var rowspan = span(node, "rowspan", missing: 1, zero: groupEnd[r] - r + 1)
                if colspan > maxColumns {
                    let fit = max(1, widest - column - (row.cells.count - k - 1))
                    repairs.append("row \(r + 1) cell \(k + 1): colspan=\(colspan) clamped to \(fit)")
                    colspan = fit
                } else if colspan > maxColumns - column {
                    throw GXError(.limit, "a table row reaches grid column \(column + colspan), over the limit of \(maxColumns)", location: source)
                }
                let remaining = groupEnd[r] - r + 1
                if rowspan > remaining {
                    repairs.append("row \(r + 1) cell \(k + 1): rowspan=\(rowspan) runs past the table's last row; cut to \(remaining)")
                    rowspan = remaining
                }
                // Never overwrite a slot another cell already covers: cut the span back instead.
                for c in column..<(column + colspan) where c < table.columnCount && table.cellIndex(row: r, column: c) != nil {
                    repairs.append("row \(r + 1) cell \(k + 1): colspan overlaps a cell spanning from above; cut to \(c - column)")
                    colspan = c - column
                    break
                }
                below: for rr in (r + 1)..<(r + rowspan) {
                    for c in column..<(column + colspan) where c < table.columnCount && table.cellIndex(row: rr, column: c) != nil {
                        repairs.append("row \(r + 1) cell \(k + 1): rowspan overlaps another cell; cut to \(rr - r)")
                        rowspan = rr - r
                        break below
                    }
                }
                let placed = try readCell(cellNode, source: source)
                cellPlaced.append(placed)
                cellNodes.append(cellNode)
                table.place(TableCell(row: r, column: column, rowSpan: rowspan, columnSpan: colspan,
                                      blocks: placed.map(\.block), source: source))
                column += colspan
            }
            for mark in row.bookmarks {
                var where_ = tableSource
                where_.row = r + 1
                where_.line = mark.line
                table.rowBookmarks.append(RowBookmark(row: r, marker: BookmarkMarker(name: mark.name, offset: 0, source: where_)))
            }
        }

        // Rows that do not reach the grid's width: the grid is widened, the row is not shifted.
        var short: [Int] = []
        for r in 0..<table.rowCount where table.cellIndex(row: r, column: table.columnCount - 1) == nil { short.append(r + 1) }
        var widened: String? = nil
        if !short.isEmpty {
            widened = "row(s) \(short.prefix(8).map(String.init).joined(separator: ", "))\(short.count > 8 ? " …" : "") end before the table's \(table.columnCount) columns; the grid was widened and the missing slots left empty, nothing shifted"
        }

        if !ReportMarkers.isStandardTable(table), ReportMarkers.isMetadata(table.allText) {
            note("GX-I-METADATA-TABLE", .info, "a portal metadata table (索引号/发布机构…) was skipped", tableSource)
            return
        }
        if isLayoutTable(table) {
            note("GX-I-LAYOUT-TABLE", .info, "a table that lays out the page was read as its content", tableSource)
            for (placed, cellNode) in zip(cellPlaced, cellNodes) {
                // the empty paragraph a cell gets when it has none is not content of the page
                for item in placed {
                    guard case .paragraph(let p) = item.block else { sinks[sinks.count - 1].append(item); continue }
                    if item.node == cellNode, p.text.isEmpty, p.bookmarks.isEmpty { continue }
                    // out of the cell, a line break separates paragraphs again (unless cells are nested)
                    let lines = cellSources.isEmpty ? LineSplitter.split(p) : [p]
                    sinks[sinks.count - 1] += lines.map { Placed(block: .paragraph($0), node: item.node) }
                }
            }
            for mark in table.rowBookmarks { bookmark(mark.marker.name, line: mark.marker.source.line) }
            return
        }
        if let widened { note("GX-W-GRID-WIDENED", .warning, "the table's rows do not add up to one grid: " + widened, tableSource) }
        if !repairs.isEmpty {
            note("GX-W-SPAN-CUT", .warning, "spans that overrun the table or overlap another cell were cut back: " + repairs.prefix(6).joined(separator: "; ")
                 + (repairs.count > 6 ? "; and \(repairs.count - 6) more" : ""), tableSource)
        }
        sinks[sinks.count - 1].append(Placed(block: .table(table), node: t))
    }

    private func collectRows(_ n: Int, group: inout Int, rows: inout [RawRow], captions: inout [Int],
                             bookmarks: inout [(name: String, line: Int)], depth: Int) {
        var implicitRow: Int? = nil
        for child in tree.children(n) {
            let node = tree[child]
            if node.isText { continue }
            switch node.name {
            case "tr":
                implicitRow = nil
                var row = RawRow(node: child, group: group, bookmarks: bookmarks)
                bookmarks = []
                for cc in tree.children(child) {
                    let cell = tree[cc]
                    if cell.name == "td" || cell.name == "th" { row.cells.append(cc) }
                    else if cell.name == "a", let name = cell.attribute("name"), !name.isEmpty {
                        row.bookmarks.append((name, Int(cell.line)))
                    }
                }
                rows.append(row)
            case "thead", "tbody", "tfoot":
                group += 1
                implicitRow = nil
                collectRows(child, group: &group, rows: &rows, captions: &captions, bookmarks: &bookmarks, depth: depth + 1)
                group += 1
            case "td", "th":
                // A cell with no row around it: cells in a run form one row.
                if implicitRow == nil {
                    rows.append(RawRow(node: nil, group: group, bookmarks: bookmarks))
                    bookmarks = []
                    implicitRow = rows.count - 1
                }
                rows[implicitRow!].cells.append(child)
            case "caption":
                captions.append(child)
            case "a":
                if let name = node.attribute("name"), !name.isEmpty { bookmarks.append((name, Int(node.line))) }
            case "table":
                break
            default:
                if !ChromeRules.isSkippedTag(node.name), depth < 8 {
                    collectRows(child, group: &group, rows: &rows, captions: &captions, bookmarks: &bookmarks, depth: depth + 1)
                }
            }
        }
    }

    /// A span attribute as the HTML table model reads it: digits at the start, else the default.
    private func span(_ node: NodeTree.Node, _ name: String, missing: Int, zero: Int) -> Int {
        guard let raw = node.attribute(name) else { return missing }
        let digits = raw.trimming(" \t\n\r").prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return missing }
        guard digits.count <= 9, let value = Int(digits) else { return Int(Int32.max) }
        return value == 0 ? zero : value
    }

    private func readCell(_ cell: Int, source: SourceLocation) throws -> [Placed] {
        let saved = paragraph
        let savedPending = pendingBookmarks
        paragraph = nil
        pendingBookmarks = []
        sinks.append([])
        cellSources.append(source)
        defer {
            cellSources.removeLast()
            paragraph = saved
            pendingBookmarks = savedPending
        }
        try visitChildren(cell)
        flush()
        var placed = sinks.removeLast()
        if !pendingBookmarks.isEmpty {
            if let i = placed.lastIndex(where: { if case .paragraph = $0.block { true } else { false } }),
               case .paragraph(var p) = placed[i].block {
                p.bookmarks += pendingBookmarks.map { BookmarkMarker(name: $0.name, offset: p.text.count, source: p.source) }
                placed[i].block = .paragraph(p)
            } else {
                var s = source
                s.line = pendingBookmarks[0].line
                placed.insert(Placed(block: .paragraph(Paragraph(text: "", bookmarks: pendingBookmarks.map {
                    BookmarkMarker(name: $0.name, offset: 0, source: s) }, source: source)), node: cell), at: 0)
            }
        }
        if !placed.contains(where: { if case .paragraph = $0.block { true } else { false } }) {
            placed.insert(Placed(block: .paragraph(Paragraph(text: "", source: source)), node: cell), at: 0)
        }
        return placed
    }

    /// A table that wraps the report (or parts of it) for layout, rather than a table of data.
    private func isLayoutTable(_ table: Table) -> Bool {
        // A report table may carry its section heading or caption in a spanning first row: that
        // does not make it a layout table.
        let ownStandard = ReportMarkers.isStandardTable(table)
        for cell in table.cells {
            for block in cell.blocks {
                switch block {
                case .paragraph(let p):
                    if !ownStandard, ReportMarkers.sectionHeading(p.text) != nil || ReportMarkers.isTitle(p.text) { return true }
                case .table(let nested):
                    if ReportMarkers.isStandardTable(nested) { return true }
                    if table.cells.count == 1 { return true }
                }
            }
        }
        return false
    }
}
