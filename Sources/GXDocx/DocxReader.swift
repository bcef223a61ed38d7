import GXLibXML
import GXModel

/// The DOCX adapter: package → main part → document layer.
public enum DocxReader {
    /// Reads an HTML document embedded in a DOCX (`w:altChunk`): the HTML adapter, handed in by
    /// whoever has one (GXDocx does not depend on it).
    public typealias EmbeddedHTMLReader = @Sendable (_ bytes: [UInt8], _ limits: ReadLimits) throws -> Document

    /// Reads a DOCX held in memory. Errors are `GXError`s with stable codes.
    public static func read(_ bytes: [UInt8], limits: ReadLimits = .standard, html: EmbeddedHTMLReader? = nil) throws -> Document {
        try read(bytes, limits: limits, html: html, depth: 0)
    }

    /// An embedded DOCX may embed another; deeper than this is not followed.
    static let maxEmbeddingDepth = 2

    static func read(_ bytes: [UInt8], limits: ReadLimits, html: EmbeddedHTMLReader?, depth: Int) throws -> Document {
        guard bytes.count <= limits.maxInputBytes else {
            throw GXError(.limit, "input is \(bytes.count) bytes, over the \(limits.maxInputBytes)-byte limit")
        }
        let zip = try ZipArchive(bytes: bytes, limits: limits)
        let main = try mainPart(zip, limits: limits)
        let related = try relationships(of: main, in: zip)
        let numbering = try numberingDefinitions(related, in: zip, limits: limits)
        let reader = try parseMainPart(try zip.read(main), part: main, limits: limits, numbering: numbering)
        var document = try reader.finish()
        for chunk in reader.altChunks.reversed() {
            let embedded = try readAltChunk(chunk, related: related, zip: zip, limits: limits, html: html, depth: depth)
            document.blocks.insert(contentsOf: embedded.blocks, at: min(chunk.at, document.blocks.count))
            document.diagnostics += embedded.diagnostics
        }
        return document
    }

    /// One `w:altChunk`'s document: another DOCX through this reader, HTML through the HTML
    /// adapter, plain text as paragraphs. Its places name the embedded part.
    static func readAltChunk(_ chunk: (id: String, at: Int, source: SourceLocation), related: [(id: String, type: String, part: String)],
                             zip: ZipArchive, limits: ReadLimits, html: EmbeddedHTMLReader?, depth: Int) throws -> Document {
        func skipped(_ why: String) -> Document {
            Document(format: .docx, diagnostics: [Diagnostic(code: "GX-W-ALTCHUNK-SKIPPED", severity: .warning,
                message: "an embedded document (w:altChunk \(chunk.id)) was not read: \(why)", messageZh: "嵌入文档未读取", source: chunk.source)])
        }
        guard let part = related.first(where: { $0.id == chunk.id })?.part, zip.contains(part) else {
            return skipped("its part is missing")
        }
        let bytes = try zip.read(part)
        var document: Document
        let head = String(decoding: bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard depth < maxEmbeddingDepth else { return skipped("embedded documents nest deeper than \(maxEmbeddingDepth)") }
            document = try read(bytes, limits: limits, html: html, depth: depth + 1)
        } else if head.contains("<html") || head.contains("<body") || head.contains("<table") || head.contains("<p") {
            guard let html else { return skipped("it is HTML and no HTML reader was given") }
            document = try html(bytes, limits)
        } else if head.hasPrefix("mime-version") || head.contains("content-type: multipart") {
            return skipped("MIME HTML (.mht) is not read; save the embedded page as .htm")
        } else if let text = String(validating: bytes, as: UTF8.self) {
            document = Document(format: .docx, blocks: text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .enumerated().map { i, line in .paragraph(Paragraph(text: String(line), source: SourceLocation(part: part, line: i + 1))) })
        } else {
            return skipped("its format is not one gxconvert reads")
        }
        document.blocks = document.blocks.map { relocated($0, part: part) }
        document.diagnostics.insert(Diagnostic(code: "GX-I-ALTCHUNK", severity: .info,
            message: "an embedded document (\(part)) was read in its place", messageZh: "已读取嵌入文档", source: chunk.source), at: 0)
        return document
    }

    /// The block with every place in it naming `part` (an embedded document's places are in its own terms).
    static func relocated(_ block: Block, part: String) -> Block {
        switch block {
        case .paragraph(var p):
            p.source.part = part
            p.bookmarks = p.bookmarks.map { var b = $0; b.source.part = part; return b }
            return .paragraph(p)
        case .table(var t):
            t.source.part = part
            for i in t.cells.indices {
                t.updateCell(i) { cell in
                    cell.source.part = part
                    cell.blocks = cell.blocks.map { relocated($0, part: part) }
                }
            }
            t.rowBookmarks = t.rowBookmarks.map { var b = $0; b.marker.source.part = part; return b }
            return .table(t)
        }
    }

    /// The main part's own relationships (`word/_rels/document.xml.rels`), targets resolved
    /// against the part's folder; none when the package has no such part.
    static func relationships(of part: String, in zip: ZipArchive) throws -> [(id: String, type: String, part: String)] {
        let slash = part.lastIndex(of: "/")
        let folder = slash.map { String(part[..<$0]) + "/" } ?? ""
        let file = slash.map { String(part[part.index(after: $0)...]) } ?? part
        let relsName = folder + "_rels/" + file + ".rels"
        guard zip.contains(relsName) else { return [] }
        let rels = RelationshipsReader()
        try SAXDriver(handler: rels, part: relsName, maxElements: 100_000).parse(try zip.read(relsName))
        return rels.relationships.compactMap { r in
            let target = r.target.hasPrefix("/") ? r.target : folder + r.target
            return (try? RelationshipsReader.resolve(target)).map { (r.id, r.type, $0) }
        }
    }

    /// List numbering and the paragraph styles that carry it, so numbered headings read as Word
    /// shows them. A damaged numbering or styles part costs the numbers, never the document.
    static func numberingDefinitions(_ related: [(id: String, type: String, part: String)], in zip: ZipArchive,
                                     limits: ReadLimits) throws -> NumberingDefinitions? {
        guard let numberingPart = related.first(where: { $0.type == "numbering" })?.part, zip.contains(numberingPart) else {
            return nil
        }
        let reader = NumberingReader()
        for part in [numberingPart, related.first(where: { $0.type == "styles" })?.part].compactMap({ $0 }) where zip.contains(part) {
            do {
                try SAXDriver(handler: reader, part: part, maxElements: limits.maxXMLElements, maxDepth: limits.maxXMLDepth,
                              deadline: limits.deadline, maxAttributes: limits.maxAttributesPerElement).parse(try zip.read(part))
            } catch let error as GXError where error.code == .xml {
                continue
            }
        }
        return reader.definitions
    }

    /// Reads a WordprocessingML main part given as bare XML, with the same safety as from a
    /// package: for fuzzing the XML reader directly, and for tests.
    public static func readMainPart(_ xml: [UInt8], part: String = "word/document.xml",
                                    limits: ReadLimits = .standard) throws -> Document {
        try readMainPart(xml, part: part, limits: limits, numbering: nil)
    }

    static func readMainPart(_ xml: [UInt8], part: String, limits: ReadLimits,
                             numbering: NumberingDefinitions?) throws -> Document {
        try parseMainPart(xml, part: part, limits: limits, numbering: numbering).finish()
    }

    static func parseMainPart(_ xml: [UInt8], part: String, limits: ReadLimits,
                              numbering: NumberingDefinitions?) throws -> WordprocessingReader {
        guard xml.count <= limits.maxPartBytes else {
            throw GXError(.limit, "part \(part) is \(xml.count) bytes, over the \(limits.maxPartBytes)-byte limit")
        }
        guard !xml.isEmpty else { throw GXError(.notDocx, "the main part is empty") }
        let reader = WordprocessingReader(part: part, limits: limits, numbering: numbering)
        try SAXDriver(handler: reader, part: part, maxElements: limits.maxXMLElements, maxDepth: limits.maxXMLDepth,
                          deadline: limits.deadline, maxAttributes: limits.maxAttributesPerElement).parse(xml)
        return reader
    }

    /// Unzips and parses the main part with no handler work: the floor the benchmark compares with.
    public static func parseOnly(_ bytes: [UInt8], limits: ReadLimits = .standard) throws -> Int {
        let zip = try ZipArchive(bytes: bytes, limits: limits)
        let main = try mainPart(zip, limits: limits)
        let xml = try zip.read(main)
        final class Null: SAXHandler {
            var count = 0
            func startElement(_ element: SAXElement, parser: SAXParser) throws { count += 1 }
            func endElement(_ name: SAXName, parser: SAXParser) {}
            func characters(_ text: SAXText, parser: SAXParser) {}
        }
        let null = Null()
        try SAXDriver(handler: null, part: main, maxElements: limits.maxXMLElements, maxDepth: limits.maxXMLDepth,
                      deadline: limits.deadline, maxAttributes: limits.maxAttributesPerElement).parse(xml)
        return null.count
    }

    static func mainPart(_ zip: ZipArchive, limits: ReadLimits) throws -> String {
        if zip.contains("_rels/.rels") {
            let rels = RelationshipsReader()
            try SAXDriver(handler: rels, part: "_rels/.rels", maxElements: 100_000).parse(try zip.read("_rels/.rels"))
            if let target = rels.officeDocumentTarget {
                let name = try RelationshipsReader.resolve(target)
                guard zip.contains(name) else {
                    throw GXError(.notDocx, "the package names \(name) as its main part, but it is missing",
                                  hint: "the file is damaged; re-save it in Word")
                }
                // The usual name is returned as the literal: every source location in the
                // document copies it, and a literal's copies need no reference counting.
                return name == "word/document.xml" ? "word/document.xml" : name
            }
        }
        if zip.contains("word/document.xml") { return "word/document.xml" }
        if zip.contains("content.xml"), zip.contains("mimetype") {
            throw GXError(.notDocx, "this is an OpenDocument (.odt) file, not a DOCX",
                          hint: "save it as .docx (Word 2007–365) and convert that")
        }
        throw GXError(.notDocx, "the zip holds no WordprocessingML document (no _rels/.rels main part, no word/document.xml)",
                      hint: "gxconvert reads .docx reports; check that the right file was uploaded")
    }
}
