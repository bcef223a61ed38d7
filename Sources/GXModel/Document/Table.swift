/// A table as a real grid. Each anchored cell is stored once with its spans; every grid slot knows
/// which cell covers it, so merged cells are neither duplicated nor shifted.
public struct Table: Sendable {
    public private(set) var rowCount: Int
    public private(set) var columnCount: Int
    public private(set) var cells: [TableCell]
    /// Row-major, `rowCount * columnCount`; the index of the covering cell in `cells`, or -1 for a
    /// slot no cell covers (`gridBefore`/`gridAfter`, short rows).
    public private(set) var slots: [Int32]
    public var source: SourceLocation
    /// Bookmarks that stood directly in the table or row markup, outside any cell: they mark a row.
    public var rowBookmarks: [RowBookmark] = []
    /// Rows whose values a text or OCR reader could not place with certainty (empty for DOCX).
    public var rowReadings: [RowReadings] = []

    public init(source: SourceLocation) {
        self.rowCount = 0
        self.columnCount = 0
        self.cells = []
        self.slots = []
        self.source = source
    }

    /// Grows the grid so that (row, column) exists; existing slots keep their places.
    public mutating func ensure(rows: Int, columns: Int) {
        if columns > columnCount {
            var grown = [Int32](repeating: -1, count: rowCount * columns)
            for r in 0..<rowCount {
                for c in 0..<columnCount { grown[r * columns + c] = slots[r * columnCount + c] }
            }
            slots = grown
            columnCount = columns
        }
        if rows > rowCount {
            slots.append(contentsOf: [Int32](repeating: -1, count: (rows - rowCount) * columnCount))
            rowCount = rows
        }
    }

    /// Adds a cell anchored at (row, column) covering its spans. Returns its index.
    @discardableResult
    public mutating func place(_ cell: TableCell) -> Int {
        ensure(rows: cell.row + cell.rowSpan, columns: cell.column + cell.columnSpan)
        let index = cells.count
        cells.append(cell)
        for r in cell.row..<(cell.row + cell.rowSpan) {
            for c in cell.column..<(cell.column + cell.columnSpan) { slots[r * columnCount + c] = Int32(index) }
        }
        return index
    }

    /// Extends an existing cell one more row down (a vertical merge continuing).
    public mutating func extendDown(cellIndex: Int, toRow row: Int) {
        let cell = cells[cellIndex]
        ensure(rows: row + 1, columns: cell.column + cell.columnSpan)
        for c in cell.column..<(cell.column + cell.columnSpan) { slots[row * columnCount + c] = Int32(cellIndex) }
        cells[cellIndex].rowSpan = row - cell.row + 1
    }

    /// Widens an existing cell to the right (legacy `w:hMerge` continuation).
    public mutating func extendRight(cellIndex: Int, by extra: Int) {
        let cell = cells[cellIndex]
        let newSpan = cell.columnSpan + extra
        ensure(rows: cell.row + cell.rowSpan, columns: cell.column + newSpan)
        for r in cell.row..<(cell.row + cell.rowSpan) {
            for c in cell.column..<(cell.column + newSpan) { slots[r * columnCount + c] = Int32(cellIndex) }
        }
        cells[cellIndex].columnSpan = newSpan
    }

    public mutating func updateCell(_ index: Int, _ body: (inout TableCell) -> Void) {
        body(&cells[index])
    }

    /// The cell covering a slot, if any.
    public func cellIndex(row: Int, column: Int) -> Int? {
        guard row >= 0, row < rowCount, column >= 0, column < columnCount else { return nil }
        let i = slots[row * columnCount + column]
        return i < 0 ? nil : Int(i)
    }

    public func cell(row: Int, column: Int) -> TableCell? {
        cellIndex(row: row, column: column).map { cells[$0] }
    }

    /// True when the slot is covered by a cell anchored elsewhere (a merge continuation).
    public func isCovered(row: Int, column: Int) -> Bool {
        guard let c = cell(row: row, column: column) else { return false }
        return c.row != row || c.column != column
    }

    /// The cells anchored in one row, left to right.
    public func anchoredCells(inRow row: Int) -> [TableCell] {
        var result: [TableCell] = []
        var last = -1
        for c in 0..<columnCount {
            guard let i = cellIndex(row: row, column: c), i != last else { continue }
            last = i
            if cells[i].row == row { result.append(cells[i]) }
        }
        return result
    }

    /// All text of the table, for recognising which standard table it is.
    public var allText: String {
        cells.map(\.text).joined(separator: "\n")
    }
}

public struct RowBookmark: Sendable {
    public var row: Int
    public var marker: BookmarkMarker

    public init(row: Int, marker: BookmarkMarker) {
        self.row = row
        self.marker = marker
    }
}

public struct TableCell: Sendable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    /// The cell's content; nested tables stay here as `.table`.
    public var blocks: [Block]
    public var source: SourceLocation
    /// nil when the text is what the source printed; set by text/OCR readers for a value that was
    /// lost (text empty) or read with doubt. A blank cell has no quality: blank is never lost.
    public var quality: ReadQuality? = nil

    public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, blocks: [Block] = [],
                source: SourceLocation) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
        self.blocks = blocks
        self.source = source
    }

    /// The cell's paragraphs' text joined by newlines (nested tables excluded).
    public var text: String {
        // Nearly every cell is one paragraph: its text as it is, with no joining.
        if blocks.count == 1, case .paragraph(let p) = blocks[0] { return p.text }
        var parts: [String] = []
        for block in blocks { if case .paragraph(let p) = block { parts.append(p.text) } }
        return parts.joined(separator: "\n")
    }

    /// Bookmarks in the cell's own paragraphs.
    public var bookmarks: [BookmarkMarker] {
        var result: [BookmarkMarker] = []
        for block in blocks { if case .paragraph(let p) = block { result.append(contentsOf: p.bookmarks) } }
        return result
    }

    public var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
    }
}
