import GXModel

/// Builds a `Table` cell by cell: every cell gets one paragraph with its text, bookmarks and source.
struct GridBuilder {
    var table: Table
    let fallback: SourceLocation

    init(source: SourceLocation) {
        table = Table(source: source)
        fallback = source
    }

    @discardableResult
    mutating func put(_ row: Int, _ column: Int, rowSpan: Int = 1, columnSpan: Int = 1, text: String,
                      source: SourceLocation? = nil, bookmarks: [BookmarkMarker] = [], quality: ReadQuality? = nil) -> Int {
        let at = source ?? fallback
        let paragraph = Paragraph(text: text, bookmarks: bookmarks, source: at)
        var cell = TableCell(row: row, column: column, rowSpan: rowSpan, columnSpan: columnSpan,
                             blocks: [.paragraph(paragraph)], source: at)
        cell.quality = quality
        return table.place(cell)
    }

    /// Adds bookmarks to the paragraph of an existing cell.
    mutating func mark(_ index: Int, _ markers: [BookmarkMarker]) {
        guard !markers.isEmpty else { return }
        table.updateCell(index) { cell in
            if case .paragraph(var p) = cell.blocks.first {
                p.bookmarks += markers
                cell.blocks[0] = .paragraph(p)
            }
        }
    }
}
