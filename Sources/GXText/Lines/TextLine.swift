import GXModel

/// One physical line of the input with `[bookmark: …]` markers taken out of its text and kept as
/// markers, and the mapping back to original columns so every piece keeps its true location.
struct TextLine {
    /// 1-based line number in the input (a form feed starts a new logical line on the same number).
    var number: Int
    /// 1-based column in the input where this logical line starts.
    var startColumn: Int
    /// The text without bookmark markers, line ending or form feed.
    var text: String
    var bookmarks: [(name: String, offset: Int)]
    /// A form feed stood just before this line (pdftotext's page break).
    var pageBreakBefore: Bool
    /// Offsets (in Characters of `text`) where markers were removed, with the removed length.
    var removed: [(offset: Int, length: Int)]
    /// A page footer (`- 1 -`, `— 4 —`, `第 2 页 共 5 页`): never content.
    var isFooter: Bool = false

    var isBlank: Bool { text.allSatisfy { $0.isWhitespace } }

    /// The 1-based input column of the character at `offset` of `text`.
    func column(at offset: Int) -> Int {
        var shift = 0
        for r in removed where r.offset <= offset { shift += r.length }
        return startColumn + offset + shift
    }

    func location(at offset: Int) -> SourceLocation {
        SourceLocation(line: number, column: column(at: offset))
    }
}
