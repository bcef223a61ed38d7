import GXLibXML
import GXModel

/// Streams a WordprocessingML main part into the document layer. Streaming (SAX) rather than a DOM
/// keeps the reader near libxml2's own speed and avoids the DOM's free cost.
///
/// What it takes and leaves, and why:
/// - tracked changes are accepted: `w:ins`/`w:moveTo` read, `w:del`/`w:moveFrom`/`*PrChange` skipped;
/// - `mc:AlternateContent` is read once: the first branch, then every later branch skipped;
/// - complex fields keep their result, never the instruction;
/// - `w:vanish` text is excluded from the text and kept as hidden text to be reported;
/// - content controls, custom XML, hyperlinks and smart tags are transparent;
/// - a text box (`w:txbxContent`) is read as blocks of its own, its paragraphs and tables right
///   after the paragraph that anchors it, as they read on the page.
final class WordprocessingReader: SAXHandler {
    private enum Kind { case pPr, rPr, r, trPr, tcPr, tblGrid, numPr, other }

    /// What an open element was, so its end event needs no second look at its name.
    private struct Open {
        let kind: Kind
        let element: WordElement?
        var isAlternateContent = false
    }

    private let part: String
    private let limits: ReadLimits
    // The state below is touched on every SAX event, always from the one parse on one thread;
    // `@exclusivity(unchecked)` drops the runtime's per-access bookkeeping. Kept (issue 14): without
    // it a DOCX conversion runs 11% more instructions under callgrind (1.62 G against 1.46 G for the
    // 33 DOCX fixtures; the parse floor is 0.86 G), a quarter more for the reader's own work.
    @exclusivity(unchecked) private(set) var blocks: [Block] = []
    @exclusivity(unchecked) private(set) var diagnostics: [Diagnostic] = []

    /// Element names and namespace URIs, each classified once per parse.
    @exclusivity(unchecked) private var names = InternedNames<WordElement?>()
    @exclusivity(unchecked) private var namespaces = InternedNames<XMLNamespace>()
    @exclusivity(unchecked) private var ignoreDepth = 0
    @exclusivity(unchecked) private var stack: [Open] = []
    @exclusivity(unchecked) private var sawRoot = false
    @exclusivity(unchecked) private var alternateContent: [Bool] = []
    @exclusivity(unchecked) private var fields: [Bool] = []

    @exclusivity(unchecked) private var paragraphs: [ParagraphBuilder] = []
    @exclusivity(unchecked) private var tables: [TableBuilder] = []
    @exclusivity(unchecked) private var pendingBookmarks: [BookmarkMarker] = []
    @exclusivity(unchecked) private var bodyParagraphCount = 0
    @exclusivity(unchecked) private var topTableCount = 0

    @exclusivity(unchecked) private var inRun = false
    @exclusivity(unchecked) private var inText = false
    @exclusivity(unchecked) private var runHidden = false
    @exclusivity(unchecked) private var runText = ""

    struct ParagraphBuilder {
        var text = ""
        var hidden = ""
        var style: String?
        var bookmarks: [BookmarkMarker] = []
        var source: SourceLocation
        /// A text box's text was just joined in: the next run's text starts a new line, so a cell
        /// `0` with a box holding `8` reads `8` and `0` on two lines, never the number 80.
        var afterBox = false
        /// Direct list numbering (`w:numPr`); a style may number the paragraph instead.
        var numId: String?
        var ilvl: Int?
        /// Blocks of the text boxes anchored in this paragraph, placed after it.
        var floating: [Block] = []
    }

    /// An open text box: how many paragraphs and tables were open when it began, and what it holds.
    private struct Frame {
        let paragraphs: Int
        let tables: Int
        /// Whether the run holding the box was hidden, restored when the box ends.
        let runHidden: Bool
        var blocks: [Block] = []
    }
    @exclusivity(unchecked) private var frames: [Frame] = []
    /// `w:altChunk`s in the body: the relationship id and where in `blocks` its content goes.
    @exclusivity(unchecked) private(set) var altChunks: [(id: String, at: Int, source: SourceLocation)] = []

    /// True when a block ending now stands directly in the innermost open text box.
    private var atFrameLevel: Bool {
        guard let frame = frames.last else { return false }
        return paragraphs.count == frame.paragraphs && tables.count == frame.tables
    }

    /// Where a finished paragraph or table goes: the text box it stands in, the table cell it
    /// stands in, the body; a paragraph nested in another with no text box between (not valid
    /// WordprocessingML) joins the one holding it.
    private func place(_ block: Block) {
        if atFrameLevel {
            frames[frames.count - 1].blocks.append(block)
        } else if !tables.isEmpty, tables.count > (frames.last?.tables ?? 0), tables[tables.count - 1].isInCell,
                  paragraphs.count == tables[tables.count - 1].paragraphDepth {
            tables[tables.count - 1].cell?.blocks.append(block)
        } else if paragraphs.isEmpty, tables.isEmpty {
            blocks.append(block)
        } else if !paragraphs.isEmpty {
            let outer = paragraphs.count - 1
            switch block {
            case .paragraph(let paragraph):
                let shift = paragraphs[outer].text.count + (paragraphs[outer].text.isEmpty ? 0 : 1)
                if !paragraph.text.isEmpty {
                    paragraphs[outer].text += (paragraphs[outer].text.isEmpty ? "" : "\n") + paragraph.text
                    paragraphs[outer].afterBox = true
                }
                paragraphs[outer].bookmarks += paragraph.bookmarks.map {
                    BookmarkMarker(name: $0.name, offset: $0.offset + shift, source: $0.source)
                }
            case .table(let table):
                paragraphs[outer].text += "\n" + table.allText
            }
        }
    }

    /// Word's list numbering, when the package has any: each numbered paragraph gets the number Word shows.
    @exclusivity(unchecked) private var lists: ListCounter?

    init(part: String, limits: ReadLimits, numbering: NumberingDefinitions? = nil) {
        self.part = part
        self.limits = limits
        if let numbering, !numbering.isEmpty { lists = ListCounter(numbering) }
    }

    // MARK: events

    func startElement(_ element: SAXElement, parser: SAXParser) throws {
        if ignoreDepth > 0 { ignoreDepth += 1; return }
        let name = element.name
        let namespace = element.namespace.map { namespaces.value(of: $0) { XMLNamespace($0) } } ?? .other
        if !sawRoot {
            sawRoot = true
            guard namespace == .word, name.is("document") else {
                throw GXError(.notDocx, "the main part's root is <\(name.string)>, not a WordprocessingML document",
                              hint: "this package is not a Word document (a spreadsheet or presentation?)")
            }
        }
        switch namespace {
        case .markupCompatibility:
            if name.is("AlternateContent") {
                alternateContent.append(false)
                stack.append(Open(kind: .other, element: nil, isAlternateContent: true))
                return
            }
            if name.is("Choice") || name.is("Fallback") {
                if alternateContent.last == true { ignoreDepth = 1; return }
                if !alternateContent.isEmpty { alternateContent[alternateContent.count - 1] = true }
            }
            stack.append(Open(kind: .other, element: nil))
        case .word:
            guard let word = names.value(of: name, { WordElement(rawValue: $0.string) }) else {
                stack.append(Open(kind: .other, element: nil))
                return
            }
            try startWord(word, element.attributes, driver: parser)
        default:
            stack.append(Open(kind: .other, element: nil))
        }
    }

    private func startWord(_ element: WordElement, _ attributes: SAXAttributes, driver: SAXParser) throws {
        let parent = stack.last?.kind
        var kind = Kind.other
        if element.skipsSubtree {
            ignoreDepth = 1
            return
        }
        switch element {
        case .p:
            if inRun, !runText.isEmpty, !runHidden, !paragraphs.isEmpty {
                // A text box opens inside a run: what the run said before it belongs to the outer
                // paragraph, ahead of the box (the box's runs would otherwise overwrite it).
                paragraphs[paragraphs.count - 1].text += runText
                runText = ""
            }
            var source = SourceLocation(part: part, line: driver.line)
            if !tables.isEmpty, let cellSource = tables[tables.count - 1].cell?.source { source = cellSource; source.line = driver.line }
            else if paragraphs.isEmpty, tables.isEmpty { bodyParagraphCount += 1; source.paragraph = bodyParagraphCount }
            var builder = ParagraphBuilder(source: source)
            if tables.isEmpty || tables[tables.count - 1].isInCell {
                builder.bookmarks = pendingBookmarks.map { BookmarkMarker(name: $0.name, offset: 0, source: source) }
                pendingBookmarks = []
            }
            paragraphs.append(builder)
        case .txbxContent:
            // The run holding the box may have text before it: that text is the paragraph's, kept
            // before the box's own runs start.
            if inRun, !paragraphs.isEmpty, !runText.isEmpty, !fields.contains(true) {
                if runHidden { paragraphs[paragraphs.count - 1].hidden += runText }
                else { paragraphs[paragraphs.count - 1].text += runText }
            }
            runText = ""
            frames.append(Frame(paragraphs: paragraphs.count, tables: tables.count, runHidden: runHidden))
        case .altChunk:
            // Another document embedded whole (OA systems paste HTML or DOCX this way).
            let source = SourceLocation(part: part, line: driver.line)
            if let id = attributes.value("id"), paragraphs.isEmpty, tables.isEmpty, frames.isEmpty {
                altChunks.append((id, blocks.count, source))
            } else {
                diagnostics.append(Diagnostic(code: "GX-W-ALTCHUNK-SKIPPED", severity: .warning,
                    message: "an embedded document (w:altChunk) inside a table or text box was not read", messageZh: "表格或文本框内的嵌入文档未读取", source: source))
            }
            ignoreDepth = 1
            return
        case .pPr: kind = .pPr
        case .pStyle:
            if parent == .pPr, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].style = attributes.value("val") }
        case .numPr:
            if parent == .pPr { kind = .numPr }
        case .numId:
            if parent == .numPr, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].numId = attributes.value("val") }
        case .ilvl:
            if parent == .numPr, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].ilvl = attributes.value("val").flatMap { Int($0) } }
        case .r:
            kind = .r
            inRun = true
            runHidden = false
            runText = ""
        case .rPr: kind = .rPr
        case .vanish:
            if parent == .rPr, stack.count >= 2, stack[stack.count - 2].kind == .r { runHidden = !isOff(attributes.value("val")) }
        case .t:
            inText = parent == .r
        case .tab:
            if parent == .r { runText.append("\t") }
        case .br, .cr:
            if parent == .r { runText.append("\n") }
        case .noBreakHyphen:
            if parent == .r { runText.append("-") }
        case .sym:
            if parent == .r, let hex = attributes.value("char"), var v = UInt32(hex, radix: 16) {
                if (0xF000...0xF0FF).contains(v) { v -= 0xF000 }  // Symbol-font private-use mapping
                if let scalar = Unicode.Scalar(v) { runText.unicodeScalars.append(scalar) }
            }
        case .fldChar:
            switch attributes.value("fldCharType") {
            case "begin": fields.append(true)
            case "separate": if !fields.isEmpty { fields[fields.count - 1] = false }
            case "end": _ = fields.popLast()
            default: break
            }
        case .del:
            if parent == .trPr, !tables.isEmpty { tables[tables.count - 1].rowDeleted = true }
            ignoreDepth = 1
            return
        case .bookmarkStart:
            guard let bookmarkName = attributes.value("name") else { break }
            var source = SourceLocation(part: part, line: driver.line)
            if !paragraphs.isEmpty {
                let last = paragraphs.count - 1
                source = paragraphs[last].source
                source.line = driver.line
                paragraphs[last].bookmarks.append(
                    BookmarkMarker(name: bookmarkName, offset: paragraphs[last].text.count, source: source))
            } else if !tables.isEmpty, tables[tables.count - 1].isInCell == false {
                source.table = tables[tables.count - 1].table.source.table
                tables[tables.count - 1].pendingBookmarks.append(BookmarkMarker(name: bookmarkName, offset: 0, source: source))
            } else {
                pendingBookmarks.append(BookmarkMarker(name: bookmarkName, offset: 0, source: source))
            }
        case .tbl:
            // Tables in the body and in text boxes are numbered in reading order; nested ones take their outer table's number.
            let standsAlone = (paragraphs.isEmpty && tables.isEmpty) || atFrameLevel
            if standsAlone { topTableCount += 1 }
            let number = standsAlone ? topTableCount : tables.first.map { $0.table.source.table ?? topTableCount } ?? topTableCount
            var builder = TableBuilder(tableNumber: number, part: part, line: driver.line, limits: limits)
            builder.paragraphDepth = paragraphs.count
            if tables.isEmpty { builder.pendingBookmarks = pendingBookmarks; pendingBookmarks = [] }
            tables.append(builder)
        case .tblGrid:
            kind = .tblGrid
            if !tables.isEmpty { tables[tables.count - 1].sawGrid = true }
        case .gridCol:
            if parent == .tblGrid, !tables.isEmpty { tables[tables.count - 1].declaredGridColumns += 1 }
        case .tr:
            if !tables.isEmpty { tables[tables.count - 1].startRow() }
        case .trPr: kind = .trPr
        case .gridBefore:
            if parent == .trPr, !tables.isEmpty { tables[tables.count - 1].setGridBefore(intValue(attributes)) }
        case .tc:
            if !tables.isEmpty {
                if tables[tables.count - 1].rowDeleted { ignoreDepth = 1; return }
                tables[tables.count - 1].startCell(line: driver.line)
            }
        case .tcPr: kind = .tcPr
        case .gridSpan:
            if parent == .tcPr, !tables.isEmpty {
                let span = intValue(attributes)
                guard span <= limits.maxTableColumns else {
                    throw GXError(.limit, "a cell spans \(span) grid columns, over the limit of \(limits.maxTableColumns)")
                }
                tables[tables.count - 1].cell?.span = max(1, span)
            }
        case .vMerge:
            if parent == .tcPr, !tables.isEmpty {
                tables[tables.count - 1].cell?.vMerge = attributes.value("val") == "restart" ? .restart : .continue
            }
        case .hMerge:
            if parent == .tcPr, !tables.isEmpty {
                tables[tables.count - 1].cell?.hMerge = attributes.value("val") == "restart" ? .restart : .continue
            }
        default:
            break
        }
        stack.append(Open(kind: kind, element: element))
    }

    func endElement(_ name: SAXName, parser: SAXParser) {
        if ignoreDepth > 0 { ignoreDepth -= 1; return }
        guard let open = stack.popLast() else { return }
        if open.isAlternateContent { _ = alternateContent.popLast() }
        if let element = open.element { endWord(element) }
    }

    private func endWord(_ element: WordElement) {
        switch element {
        case .t:
            inText = false
        case .r:
            inRun = false
            guard !paragraphs.isEmpty, !fields.contains(true) else { return }
            if runHidden { paragraphs[paragraphs.count - 1].hidden += runText }
            else if !runText.isEmpty {
                if paragraphs[paragraphs.count - 1].afterBox { paragraphs[paragraphs.count - 1].text += "\n" }
                paragraphs[paragraphs.count - 1].afterBox = false
                paragraphs[paragraphs.count - 1].text += runText
            }
            runText = ""
        case .p:
            guard var builder = paragraphs.popLast() else { return }
            if lists != nil { number(&builder) }
            let paragraph = Paragraph(text: builder.text, style: builder.style, hiddenText: builder.hidden,
                                      bookmarks: builder.bookmarks, source: builder.source)
            if !builder.hidden.isEmpty {
                diagnostics.append(Diagnostic(code: "GX-I-HIDDEN-TEXT", severity: .info,
                    message: "hidden text excluded: '\(builder.hidden)'", messageZh: "已排除隐藏文字", source: builder.source))
            }
            place(.paragraph(paragraph))
            for block in builder.floating { place(block) }
        case .tc:
            guard !tables.isEmpty else { return }
            do { try tables[tables.count - 1].endCell() } catch { deferred = deferred ?? (error as? GXError) }
        case .tr:
            guard !tables.isEmpty else { return }
            do { try tables[tables.count - 1].endRow() } catch { deferred = deferred ?? (error as? GXError) }
        case .tbl:
            guard var builder = tables.popLast() else { return }
            let (table, notes) = builder.finish()
            diagnostics += notes
            place(.table(table))
        case .txbxContent:
            guard let frame = frames.popLast() else { return }
            runText = ""
            runHidden = frame.runHidden
            inRun = !paragraphs.isEmpty
            // The text box's blocks follow the paragraph that anchors it.
            if !paragraphs.isEmpty, paragraphs.count == frame.paragraphs {
                paragraphs[paragraphs.count - 1].floating += frame.blocks
            } else {
                for block in frame.blocks { place(block) }
            }
        default:
            break
        }
    }

    /// Puts the number Word shows (`一、`, `（二）`) before a numbered paragraph's text.
    private func number(_ builder: inout ParagraphBuilder) {
        var numId = builder.numId
        var ilvl = builder.ilvl
        if numId == nil, let style = builder.style, let styled = lists!.definitions.numbering(ofStyle: style) {
            numId = styled.numId
            ilvl = ilvl ?? styled.ilvl
        }
        guard let numId, let label = lists!.label(numId: numId, ilvl: ilvl ?? 0) else { return }
        builder.text = label + builder.text
        let shift = label.count
        for i in builder.bookmarks.indices { builder.bookmarks[i].offset += shift }
    }

    func characters(_ text: SAXText, parser: SAXParser) {
        guard ignoreDepth == 0, inText else { return }
        runText += text.string
    }

    /// A limit hit inside an end-element event, which cannot throw; raised after parsing.
    @exclusivity(unchecked) private(set) var deferred: GXError?

    func finish() throws -> Document {
        if let deferred { throw deferred }
        guard sawRoot else { throw GXError(.notDocx, "the main part is empty") }
        if !pendingBookmarks.isEmpty, let i = blocks.lastIndex(where: { if case .paragraph = $0 { true } else { false } }),
           case .paragraph(var p) = blocks[i] {
            p.bookmarks += pendingBookmarks.map { BookmarkMarker(name: $0.name, offset: p.text.count, source: $0.source) }
            blocks[i] = .paragraph(p)
        }
        return Document(format: .docx, blocks: blocks, diagnostics: diagnostics)
    }

    private func isOff(_ value: String?) -> Bool {
        guard let value else { return false }
        return value == "0" || value == "false" || value == "off"
    }

    private func intValue(_ attributes: SAXAttributes) -> Int {
        attributes.value("val").flatMap { Int($0) } ?? 0
    }
}
