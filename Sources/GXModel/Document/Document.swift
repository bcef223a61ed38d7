/// The input formats an adapter can produce a document from.
public enum SourceFormat: String, Sendable, CaseIterable {
    case docx, html, text, pdf
    /// Page images (PNG, JPEG, TIFF) read through OCR.
    case image
}

/// The document layer: what every adapter produces, before anything is known about the template.
/// It keeps the structure the source really had (paragraphs, real table grids with spans, bookmarks)
/// and where each piece came from, so the report layer can be derived — and re-derived — from it alone.
public struct Document: Sendable {
    public var format: SourceFormat
    /// Body content in reading order; tables nested in cells stay inside their cell.
    public var blocks: [Block]
    /// Problems the adapter approximated or noticed (widened grids, hidden text, …).
    public var diagnostics: [Diagnostic]
    /// Set when the input was converted before it was read (an old `.doc` through LibreOffice): by what, how.
    public var provenance: String?

    public init(format: SourceFormat, blocks: [Block] = [], diagnostics: [Diagnostic] = []) {
        self.format = format
        self.blocks = blocks
        self.diagnostics = diagnostics
    }
}

public indirect enum Block: Sendable {
    case paragraph(Paragraph)
    case table(Table)
}

/// A zero-width marker the author's tool left in the text (Word's `_Hlk…`, `_Toc…`, `_GoBack`).
/// It is metadata, never text: `offset` says where in the paragraph text it stood.
public struct BookmarkMarker: Sendable, Hashable {
    public var name: String
    /// Offset in Characters of the owning paragraph's text.
    public var offset: Int
    public var source: SourceLocation

    public init(name: String, offset: Int, source: SourceLocation) {
        self.name = name
        self.offset = offset
        self.source = source
    }
}

public struct Paragraph: Sendable {
    /// Visible text with runs joined; tabs and breaks kept as `\t` and `\n`.
    public var text: String
    /// Style name or id when the source names one (`Heading1`, `h2`, …): a hint, never trusted alone.
    public var style: String?
    /// Text the source marked hidden (`w:vanish`): excluded from `text`, kept so it can be reported.
    public var hiddenText: String
    public var bookmarks: [BookmarkMarker]
    public var source: SourceLocation

    public init(text: String, style: String? = nil, hiddenText: String = "", bookmarks: [BookmarkMarker] = [],
                source: SourceLocation) {
        self.text = text
        self.style = style
        self.hiddenText = hiddenText
        self.bookmarks = bookmarks
        self.source = source
    }
}
