import GXModel

/// The DOCX adapter: package → main part → document layer.
public enum DocxReader {
    /// Reads a DOCX held in memory. Errors are `GXError`s with stable codes.
    public static func read(_ bytes: [UInt8], limits: ReadLimits = .standard) throws -> Document {
        guard bytes.count <= limits.maxInputBytes else {
            throw GXError(.limit, "input is \(bytes.count) bytes, over the \(limits.maxInputBytes)-byte limit")
        }
        return try bytes.withUnsafeBytes { raw in
            let zip = try ZipArchive(bytes: raw, limits: limits)
            let main = try mainPart(zip, limits: limits)
            let related = try relationships(of: main, in: zip)
            let numbering = try numberingDefinitions(related, in: zip, limits: limits)
            return try readMainPart(try zip.read(main), part: main, limits: limits, numbering: numbering)
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
        guard xml.count <= limits.maxPartBytes else {
            throw GXError(.limit, "part \(part) is \(xml.count) bytes, over the \(limits.maxPartBytes)-byte limit")
        }
        guard !xml.isEmpty else { throw GXError(.notDocx, "the main part is empty") }
        let reader = WordprocessingReader(part: part, limits: limits, numbering: numbering)
        try SAXDriver(handler: reader, part: part, maxElements: limits.maxXMLElements, maxDepth: limits.maxXMLDepth,
                          deadline: limits.deadline, maxAttributes: limits.maxAttributesPerElement).parse(xml)
        return try reader.finish()
    }

    /// Unzips and parses the main part with no handler work: the floor the benchmark compares with.
    public static func parseOnly(_ bytes: [UInt8], limits: ReadLimits = .standard) throws -> Int {
        try bytes.withUnsafeBytes { raw in
            let zip = try ZipArchive(bytes: raw, limits: limits)
            let main = try mainPart(zip, limits: limits)
            let xml = try zip.read(main)
            final class Null: SAXHandler {
                var count = 0
                func startElement(_ name: XMLName, _ attributes: XMLAttributes, driver: SAXDriver) throws { count += 1 }
                func endElement(driver: SAXDriver) {}
                func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
            }
            let null = Null()
            try SAXDriver(handler: null, part: main, maxElements: limits.maxXMLElements, maxDepth: limits.maxXMLDepth,
                          deadline: limits.deadline, maxAttributes: limits.maxAttributesPerElement).parse(xml)
            return null.count
        }
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
