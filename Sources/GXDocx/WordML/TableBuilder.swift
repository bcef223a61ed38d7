import GXModel

/// The one grid algorithm (reading-formats.md): each `w:tc` starts at the current grid column,
/// `gridSpan` widens it, `vMerge` without `restart` extends the open cell above, legacy `hMerge`
/// continuation widens the cell to its left, `gridBefore` shifts the row's start. Continuation
/// cells are covered slots, never data.
struct TableBuilder {
    enum Merge { case none, restart, `continue` }

    struct PendingCell {
        var span = 1
        var vMerge = Merge.none
        var hMerge = Merge.none
        var blocks: [Block] = []
        var source: SourceLocation
    }

    private(set) var table: Table
    private let limits: ReadLimits
    /// How many paragraphs were open when the table began (a table in a text box sits inside one):
    /// a paragraph that ends with this many still open stood in one of the table's cells.
    var paragraphDepth = 0
    private let tableNumber: Int
    private let part: String
    private(set) var diagnostics: [Diagnostic] = []

    var declaredGridColumns = 0
    var sawGrid = false
    private var row = -1
    private var column = 0
    private var physicalCell = 0
    private var lastCellInRow: Int?
    var rowDeleted = false
    var cell: PendingCell?
    /// Bookmarks that sat directly in `w:tbl`/`w:tr`: they mark the row they are in, or the next one.
    var pendingBookmarks: [BookmarkMarker] = []
    private var reportedWidening = false

    init(tableNumber: Int, part: String, line: Int, limits: ReadLimits) {
        self.tableNumber = tableNumber
        self.part = part
        self.limits = limits
        self.table = Table(source: SourceLocation(part: part, line: line, table: tableNumber))
    }

    var isInCell: Bool { cell != nil }

    mutating func startRow() {
        row += 1
        flushRowBookmarks()
        column = 0
        physicalCell = 0
        lastCellInRow = nil
        rowDeleted = false
    }

    mutating func setGridBefore(_ n: Int) { column = max(0, min(n, limits.maxTableColumns)) }

    mutating func endRow() throws {
        if !rowDeleted { flushRowBookmarks() }
        if rowDeleted {
            row -= 1
            return
        }
        guard row < limits.maxTableRows else {
            throw GXError(.limit, "table \(tableNumber) has more than \(limits.maxTableRows) rows")
        }
        table.ensure(rows: row + 1, columns: max(table.columnCount, 1))
    }

    mutating func startCell(line: Int) {
        if row < 0 {
            // A cell with no row around it (found by fuzzing): it opens one rather than sit at row -1.
            startRow()
            note("GX-W-CELL-OUTSIDE-ROW", "a table cell stands outside any row; read as the first row",
                 SourceLocation(part: part, line: line, table: tableNumber))
        }
        physicalCell += 1
        cell = PendingCell(source: SourceLocation(part: part, line: line, table: tableNumber, row: row + 1, cell: physicalCell))
    }

    mutating func endCell() throws {
        guard let pending = cell else { return }
        cell = nil
        let span = max(1, pending.span)
        guard column + span <= limits.maxTableColumns else {
            throw GXError(.limit, "table \(tableNumber) row \(row + 1) reaches grid column \(column + span), over the limit of \(limits.maxTableColumns)",
                          location: pending.source)
        }
        if pending.hMerge == .continue, let left = lastCellInRow {
            table.extendRight(cellIndex: left, by: span)
            absorb(pending, into: left)
        } else if pending.vMerge == .continue, let above = table.cellIndex(row: row - 1, column: column),
                  table.cells[above].column == column {
            if table.cells[above].columnSpan != span {
                note("GX-W-MERGE-SPAN", "a vertical merge continues with a different width than it started; the first width is kept",
                     pending.source)
            }
            table.extendDown(cellIndex: above, toRow: row)
            absorb(pending, into: above)
            lastCellInRow = above
        } else {
            if pending.vMerge == .continue {
                note("GX-W-MERGE-ORPHAN", "a vertical merge continues where no cell starts above; read as its own cell", pending.source)
            }
            lastCellInRow = table.place(TableCell(row: row, column: column, columnSpan: span, blocks: pending.blocks,
                                                  source: pending.source))
        }
        column += span
        if !reportedWidening, column > declaredGridColumns {
            reportedWidening = true
            note("GX-W-GRID-WIDENED", sawGrid
                 ? "w:tblGrid declares \(declaredGridColumns) columns but the rows need more; the grid was widened"
                 : "the table has no w:tblGrid; its grid was built from the cells", table.source)
        }
    }

    mutating func finish() -> (Table, [Diagnostic]) {
        row = max(0, min(row, table.rowCount - 1))
        flushRowBookmarks()
        return (table, diagnostics)
    }

    private mutating func flushRowBookmarks() {
        guard !pendingBookmarks.isEmpty, row >= 0 else { return }
        for marker in pendingBookmarks {
            var source = marker.source
            source.table = tableNumber
            source.row = row + 1
            table.rowBookmarks.append(RowBookmark(row: row, marker: BookmarkMarker(name: marker.name, offset: 0, source: source)))
        }
        pendingBookmarks = []
    }

    /// A continuation cell has no data of its own; its bookmarks move to the cell it continues,
    /// and any text it carries is reported, not silently dropped.
    private mutating func absorb(_ pending: PendingCell, into index: Int) {
        let markers = pending.blocks.flatMap { block -> [BookmarkMarker] in
            if case .paragraph(let p) = block { return p.bookmarks } else { return [] }
        }
        if !markers.isEmpty { table.updateCell(index) { cell in attach(markers, to: &cell.blocks) } }
        let text = pending.blocks.compactMap { block -> String? in
            if case .paragraph(let p) = block { return p.text } else { return nil }
        }.joined().trimming(" \t\n")
        if !text.isEmpty {
            note("GX-W-MERGED-TEXT", "text '\(text)' in a merged-away cell is not part of the table", pending.source)
        }
    }

    private mutating func note(_ code: String, _ message: String, _ source: SourceLocation) {
        diagnostics.append(Diagnostic(code: code, severity: .warning, message: message, source: source))
    }
}

/// Puts markers at the start of the first paragraph, creating one if the cell has none.
func attach(_ markers: [BookmarkMarker], to blocks: inout [Block]) {
    for (i, block) in blocks.enumerated() {
        if case .paragraph(var p) = block {
            p.bookmarks.insert(contentsOf: markers.map { BookmarkMarker(name: $0.name, offset: 0, source: $0.source) }, at: 0)
            blocks[i] = .paragraph(p)
            return
        }
    }
    let source = markers.first?.source ?? .unknown
    blocks.insert(.paragraph(Paragraph(text: "", bookmarks: markers, source: source)), at: 0)
}
