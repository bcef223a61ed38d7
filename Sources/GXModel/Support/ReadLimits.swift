/// Fixed ceilings for one input, shared by every adapter. Anything past them is refused with `GX-E-LIMIT` rather than
/// followed, so a crafted upload costs bounded time and memory.
public struct ReadLimits: Sendable {
    /// Bytes of the input file itself.
    public var maxInputBytes: Int = 64 << 20
    /// Entries in a zip's central directory.
    public var maxZipEntries: Int = 5_000
    /// Uncompressed bytes of any one part we read.
    public var maxPartBytes: Int = 64 << 20
    /// Uncompressed bytes of all parts we read together.
    public var maxTotalBytes: Int = 128 << 20
    /// Uncompressed ÷ compressed size, checked for parts over `ratioFloorBytes`.
    public var maxCompressionRatio: Int = 100
    public var ratioFloorBytes: Int = 1 << 20
    /// Element nesting in one part (real reports stay under 40).
    public var maxXMLDepth: Int = 256
    /// XML elements in one part.
    public var maxXMLElements: Int = 4_000_000
    /// Attributes of one XML or HTML start tag (WordprocessingML uses under 20). Checked before
    /// libxml2 parses, whose duplicate-attribute check is quadratic in this number.
    public var maxAttributesPerElement: Int = 256
    /// Grid columns and rows of one table, and the span of one cell.
    public var maxTableColumns: Int = 512
    public var maxTableRows: Int = 20_000
    /// Lines of a text input. A report, even as OCR output one cell per line, has a few thousand;
    /// counted before the text is split, so four million short lines cost one pass, not gigabytes.
    public var maxTextLines: Int = 20_000
    /// Bytes of one text line (a report's longest paragraph is a few KB).
    public var maxTextLineBytes: Int = 1 << 20
    /// Tokens (fields between column gaps, cells) of one table region of a text. A report's table 三
    /// is a few hundred, OCR debris included; the aligner's and solver's work grows with rows ×
    /// tokens, so a region is cut at the last whole line within this (`GX-W-REGION-CUT`).
    public var maxTextTableTokens: Int = 20_000
    /// PDF pages (reports run to 10–40), indirect objects declared in the file, and characters poppler
    /// finds on one page (a dense A4 page holds about 3,000).
    public var maxPDFPages: Int = 1_000
    public var maxPDFObjects: Int = 200_000
    public var maxPDFPageCharacters: Int = 100_000
    /// What one compressed PDF stream may inflate to: a page's content (tens of KiB in a report,
    /// seconds of poppler's time at tens of MiB), and any other stream (a whole embedded CJK font
    /// runs to 10–15 MiB, a scanned page's image to about 9 MiB in grey).
    public var maxPDFContentBytes: Int = 4 << 20
    public var maxPDFStreamBytes: Int = 32 << 20
    /// Pixels of one page image (width × height) and its longest side: a page is decoded whole, so
    /// a 30000×30000 image is refused from its header before any pixel is allocated. A4 at 600 dpi
    /// is 35 million pixels and 7016 on its long side.
    public var maxImagePixels: Int = 80_000_000
    public var maxImageSide: Int = 16_000
    /// Pages of one scanned input.
    public var maxPages: Int = 200
    /// Wall-clock budget for reading one document (batch work sets it); nil: none.
    public var timeBudget: Duration?
    /// When the budget runs out; set by the pipeline as a document starts.
    public var deadline: ContinuousClock.Instant?

    public init() {}

    public static let standard = ReadLimits()
}
