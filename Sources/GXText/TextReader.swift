import GXModel
import GXTemplate

/// The text adapter: exported text (a DOCX text extractor's cell-per-line dump, tab-separated
/// rows), `pdftotext` output (`-layout` and plain) and OCR output all become the same `Document` a
/// DOCX gives — paragraphs, and the three standard tables as real grids with spans — with a
/// source line and column on every piece and `[bookmark: …]` markers kept as bookmarks.
///
/// Values are never invented here: a value the text lost is an empty cell flagged `lost`, a value
/// read by OCR is flagged `uncertain`, and a row whose values could not be placed lists its
/// possible readings. The report layer settles them with the template's equations.
public enum TextReader {
    /// Honours the `ReadLimits` every adapter shares: input size, lines and line length (checked
    /// on the bytes, before anything is decoded or split), the tokens of one table region, and the
    /// document's deadline (polled as lines are split, tables tokenised and rows aligned).
    public static func read(_ bytes: [UInt8], limits: ReadLimits = .standard) throws -> Document {
        let (text, encoding) = try TextDecoder.decode(bytes, limits: limits)
        var document = try read(text: text, placement: .solver, limits: limits)
        if encoding == .gb18030 || encoding == .utf16BE || encoding == .utf16LE {
            document.diagnostics.insert(Diagnostic(code: "GX-I-ENCODING", severity: .info,
                message: "the text was decoded as \(encoding.rawValue)", messageZh: "文本按 \(encoding.rawValue) 解码"), at: 0)
        }
        return document
    }

    /// How tables of `spaced` text (no real table structure) are placed.
    public enum Placement: Sendable {
        /// Through the template's `PlacementSolver`: a value whose cell the text cannot confirm is
        /// left empty and lost (text, OCR).
        case solver
        /// The aligner's placement as it is: for callers that laid the text out from exact word
        /// positions themselves (the PDF reader), where columns are where the page prints them.
        case layout
    }

    public static func read(text: String, placement: Placement = .layout, limits: ReadLimits = .standard) throws -> Document {
        let budget = TextBudget(limits)
        try budget.check("decoding")
        let lines = LineSplitter.split(text)
        try budget.check("splitting lines")
        let profile = LayoutDetector.detect(lines)
        let headings = RegionFinder.headings(lines)
        let regions = RegionFinder.find(lines, headings: headings)
        try budget.check("finding the tables")

        // Read every table as clean text first; if any looks like OCR, read them all as OCR.
        var built = try regions.map { try StandardTableBuilder.build($0, lines: lines, format: profile.format, ocr: false,
                                                                      solver: placement == .solver, budget: budget) }
        // Laid out from exact word positions (a PDF's text layer), the text is what was printed:
        // never OCR, whatever its rows look like, so no value is read with doubt and re-derived.
        let ocr = placement == .solver && built.contains { $0.ocrSignals }
        if ocr {
            built = try regions.map { try StandardTableBuilder.build($0, lines: lines, format: profile.format, ocr: true,
                                                                      solver: placement == .solver, budget: budget) }
        }
        try budget.check("reading the tables")

        var blocks: [Block] = []
        var diagnostics: [Diagnostic] = [Diagnostic(code: "GX-I-TEXT-LAYOUT", severity: .info,
            message: "text read as \(profile.format.rawValue)\(ocr ? ", OCR output (values checked against the template's equations)" : "")",
            messageZh: "文本版式：\(profile.format.rawValue)\(ocr ? "，识别文本" : "")")]
        // Which lines are tables and which are prose; the prose alone decides how it is wrapped.
        var placements: [(line: Int, table: Int)] = []
        var proseLines: [Int] = []
        var i = 0
        while i < lines.count {
            if let r = regions.firstIndex(where: { $0.start == i }) {
                placements.append((i, r))
                i = max(built[r].lastLine + 1, i + 1)
                continue
            }
            proseLines.append(i)
            i += 1
        }
        let prosePart = proseLines.map { lines[$0] }
        let wrapped = LayoutDetector.wrapped(prosePart)
        let measure = ParagraphBuilder.measure(prosePart)
        var prose: [Int] = []
        func flushProse() {
            for p in ParagraphBuilder.paragraphs(lines, indices: prose, wrapped: wrapped, measure: measure) {
                blocks.append(.paragraph(p))
            }
            prose = []
        }
        var tableNumber = 0
        var next = 0
        for line in proseLines + [lines.count] {
            while next < placements.count, placements[next].line < line {
                flushProse()
                let r = placements[next].table
                tableNumber += 1
                var table = built[r].table
                table.source.table = tableNumber
                stamp(&table, number: tableNumber)
                blocks.append(.table(table))
                diagnostics += built[r].diagnostics
                next += 1
            }
            if line < lines.count { prose.append(line) }
        }
        flushProse()
        return Document(format: .text, blocks: blocks, diagnostics: diagnostics)
    }

    /// Gives each cell its table, row and cell numbers (1-based), keeping its line and column.
    static func stamp(_ table: inout Table, number: Int) {
        for index in table.cells.indices {
            table.updateCell(index) { cell in
                cell.source.table = number
                cell.source.row = cell.row + 1
                cell.source.cell = cell.column + 1
                if case .paragraph(var p) = cell.blocks.first {
                    p.source = cell.source
                    cell.blocks[0] = .paragraph(p)
                }
            }
        }
    }
}
