import GXModel

/// Puts the report's tables back the way the template prints them before they are mapped, whatever
/// the source did to them on the way:
/// - a page laid out in tables (portal pages saved as DOCX, OA exports) holds the report in layout
///   cells: those tables are dissolved, their paragraphs read as body text and the tables inside
///   them found as if they stood alone, at any depth;
/// - a standard table printed in pieces (one table per 第二十条 block, table 三 cut by a page break
///   or a stray paragraph, a header row apart from its body) is joined again when the labels of the
///   next piece continue the same table, and the join is reported with both places.
/// It looks at the document layer only, so every adapter gets the same treatment.
enum TableAssembly {
    /// The blocks to map, and the labelled reading of each table among them that needed no join
    /// (by block index), so the mapping does not label those tables a second time.
    static func assemble(_ blocks: [Block], diagnostics: inout [Diagnostic]) -> (blocks: [Block], labeled: [Int: LabeledTable]) {
        guard blocks.contains(where: { if case .table = $0 { true } else { false } }) else { return (blocks, [:]) }
        let flat = unwrapLayout(blocks, diagnostics: &diagnostics)
        return joinPieces(flat, diagnostics: &diagnostics)
    }

    // MARK: layout tables

    static func unwrapLayout(_ blocks: [Block], diagnostics: inout [Diagnostic]) -> [Block] {
        var result: [Block] = []
        result.reserveCapacity(blocks.count)
        for block in blocks {
            guard case .table(let table) = block, isLayout(table) else { result.append(block); continue }
            diagnostics.append(Diagnostic(code: "GX-I-LAYOUT-TABLE", severity: .info,
                message: "a table that lays out the page (\(table.source.summary)) was read as its content",
                messageZh: "版式表格已按其内容读取", source: table.source))
            var inner: [Block] = []
            var last = -1
            for r in 0..<table.rowCount {
                for c in 0..<table.columnCount {
                    guard let i = table.cellIndex(row: r, column: c), i != last else { continue }
                    last = i
                    guard table.cells[i].row == r, table.cells[i].column == c else { continue }
                    for block in table.cells[i].blocks {
                        guard case .paragraph(let p) = block, p.text.contains("\n") else { inner.append(block); continue }
                        inner += lines(of: p).map(Block.paragraph)
                    }
                }
            }
            result += unwrapLayout(inner, diagnostics: &diagnostics)
        }
        return result
    }

    /// A layout cell's text broken by line breaks (`<br>` kept by a converter as `w:br`) is one
    /// paragraph per line once out of the cell, as it reads on the page; bookmarks go with their line.
    static func lines(of paragraph: Paragraph) -> [Paragraph] {
        var result: [Paragraph] = []
        var start = 0
        for line in paragraph.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let end = start + line.count
            var piece = Paragraph(text: String(line), style: paragraph.style, source: paragraph.source)
            piece.bookmarks = paragraph.bookmarks.filter { $0.offset >= start && ($0.offset <= end) }
                .map { BookmarkMarker(name: $0.name, offset: $0.offset - start, source: $0.source) }
            result.append(piece)
            start = end + 1
        }
        // A bookmark at a line's end and the next line's start is kept once, on the first.
        var seen: Set<String> = []
        for i in result.indices { result[i].bookmarks.removeAll { !seen.insert($0.name).inserted } }
        if !paragraph.hiddenText.isEmpty, !result.isEmpty { result[0].hiddenText = paragraph.hiddenText }
        return result
    }

    /// A table that holds the page rather than data: not a standard table itself, and holding a
    /// standard table or a section heading, or a single cell around a table.
    static func isLayout(_ table: Table) -> Bool {
        var holdsTable = false, holdsReport = false
        for cell in table.cells {
            for block in cell.blocks {
                switch block {
                case .table(let nested):
                    holdsTable = true
                    if !holdsReport, standardKey(nested) != nil || isLayout(nested) { holdsReport = true }
                case .paragraph(let p):
                    // A section heading, never the title alone: a portal's metadata table names the
                    // report (名称：…年度报告) and is no layout.
                    if !holdsReport, SectionMapper.heading(p.text.trimmingWhitespace, after: 0) != nil {
                        holdsReport = true
                    }
                }
            }
        }
        guard holdsReport || (holdsTable && table.cells.count == 1) else { return false }
        return standardKey(table) == nil
    }

    /// Which standard table a table is by its own cells' words alone (nested tables excluded).
    static func standardKey(_ table: Table) -> StandardTableKey? {
        ReportBuilder.classify(LabeledTable(table), section: nil)
    }

    // MARK: tables in pieces

    /// A piece may follow the previous one after at most this many short paragraphs (captions,
    /// `（续表）`, the empty paragraph a page break leaves) and no section heading.
    static let maxParagraphsBetween = 3
    static let maxStrayParagraphLength = 60

    static func joinPieces(_ blocks: [Block], diagnostics: inout [Diagnostic]) -> (blocks: [Block], labeled: [Int: LabeledTable]) {
        var labeledAt: [Int: LabeledTable] = [:]
        var result: [Block] = []
        result.reserveCapacity(blocks.count)
        // The table pieces join onto: its place in `result`, what it is, and the rows it holds.
        var open: (at: Int, key: StandardTableKey, rows: Set<String>, pieces: Int)?
        var between = 0
        for block in blocks {
            switch block {
            case .paragraph(let p):
                result.append(block)
                let text = p.text.trimmingWhitespace
                guard open != nil, !text.isEmpty else { continue }
                between += 1
                if between > maxParagraphsBetween || text.count > maxStrayParagraphLength
                    || SectionMapper.heading(text, after: 0) != nil {
                    open = nil
                }
            case .table(let table):
                let labeled = LabeledTable(table)
                let key = ReportBuilder.classify(labeled, section: nil)
                let rows = rowKeys(labeled, as: key ?? open?.key)
                if let o = open, case .table(let first) = result[o.at],
                   continues(first: first, key: o.key, rows: o.rows, next: labeled, nextKey: key, nextRows: rows) {
                    let joined = join(first, table, rightAligned: o.key != .activeDisclosure)
                    result[o.at] = .table(joined)
                    labeledAt[o.at] = nil
                    diagnostics.append(Diagnostic(code: "GX-I-TABLE-JOINED", severity: .info,
                        message: "table \(o.key.rawValue) continues in another table (\(table.source.summary)) after "
                            + "\(first.source.summary): the pieces were joined because the labels continue the template",
                        messageZh: "标准表格分成多个表格打印，按模板标签接续合并", paths: [o.key.rawValue], source: table.source))
                    open = (o.at, o.key, o.rows.union(rows), o.pieces + 1)
                } else {
                    result.append(block)
                    labeledAt[result.count - 1] = labeled
                    open = key.map { (result.count - 1, $0, rows, 1) }
                }
                between = 0
            }
        }
        return (result, labeledAt)
    }

    /// Whether `next` carries on the table `first` began: the same standard table (or an
    /// unrecognised one whose row labels belong to it) with no row printed twice; for table 四, a
    /// header piece followed by the row of numbers it heads.
    private static func continues(first: Table, key: StandardTableKey, rows: Set<String>,
                                  next: LabeledTable, nextKey: StandardTableKey?, nextRows: Set<String>) -> Bool {
        if let nextKey, nextKey != key { return false }
        if !rows.isDisjoint(with: nextRows) { return false }
        if !nextRows.isEmpty { return true }
        // A piece with no row label of its own: only numbers, under a header piece that had none
        // (table 四's header apart from its row of numbers).
        guard nextKey == nil, rows.isEmpty, !LabeledTable(first).numeric.contains(true) else { return false }
        let nonBlank = next.readings.filter { $0.kind != .blank }
        return !nonBlank.isEmpty && nonBlank.allSatisfy { $0.kind == .number || $0.kind == .na }
    }

    /// The template rows a table prints, by the label that opens each row (never fuzzily).
    static func rowKeys(_ labeled: LabeledTable, as key: StandardTableKey?) -> Set<String> {
        guard let key else { return [] }
        let matcher: LabelMatcher
        switch key {
        case .activeDisclosure: matcher = ActiveDisclosureMapper.rowMatcher
        case .requests: matcher = RequestsMapper.rowMatcher
        case .reviewLitigation: return []  // one row of numbers under its header: no row labels
        }
        var keys: Set<String> = []
        let table = labeled.table
        for r in 0..<table.rowCount {
            for (i, _) in table.anchored(row: r) where !labeled.labels[i].isEmpty {
                if let m = matcher.matchNormalized(labeled.labels[i], fuzzy: false) { keys.insert(m.key) }
                break
            }
            // Table 三's sub-row labels sit right of their merged group label.
            if key == .requests {
                let labelColumns = table.columnCount - Template.requestColumns.count
                for (i, cell) in table.anchored(row: r) where cell.column > 0 && cell.column < labelColumns
                    && !labeled.numeric[i] && !labeled.labels[i].isEmpty {
                    if let m = matcher.matchNormalized(labeled.labels[i], fuzzy: false), m.key != "other_other" { keys.insert(m.key) }
                }
            }
        }
        return keys
    }

    /// `second`'s rows under `first`'s, each cell keeping its own source. Grids of different widths
    /// are aligned on their right edge (tables 三 and 四: the data columns are the rightmost) or left
    /// edge (table 二: the label first).
    static func join(_ first: Table, _ second: Table, rightAligned: Bool) -> Table {
        let width = max(first.columnCount, second.columnCount)
        var joined = Table(source: first.source)
        func copy(_ t: Table, rowOffset: Int) {
            let shift = rightAligned ? width - t.columnCount : 0
            for cell in t.cells {
                var moved = cell
                moved.row += rowOffset
                moved.column += shift
                joined.place(moved)
            }
            for mark in t.rowBookmarks { joined.rowBookmarks.append(RowBookmark(row: mark.row + rowOffset, marker: mark.marker)) }
            for reading in t.rowReadings {
                var moved = reading
                moved.row += rowOffset
                moved.columns = reading.columns.map { $0 + shift }
                joined.rowReadings.append(moved)
            }
        }
        copy(first, rowOffset: 0)
        copy(second, rowOffset: first.rowCount)
        joined.ensure(rows: first.rowCount + second.rowCount, columns: width)
        return joined
    }
}
