import GXLibXML
import GXModel

/// Which vocabulary an element belongs to. Matching by namespace, never by prefix, is what lets
/// Strict OOXML and oddly-prefixed files read like ordinary ones.
enum XMLNamespace {
    case word, markupCompatibility, relationships, packageRelationships, other

    init(_ uri: SAXName?) {
        guard let uri else { self = .other; return }
        switch uri.string {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
             "http://purl.oclc.org/ooxml/wordprocessingml/main": self = .word
        case "http://schemas.openxmlformats.org/markup-compatibility/2006": self = .markupCompatibility
        case "http://schemas.openxmlformats.org/package/2006/relationships": self = .packageRelationships
        case "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             "http://purl.oclc.org/ooxml/officeDocument/relationships": self = .relationships
        default: self = .other
        }
    }
}

/// Parses one XML part of the package with GXLibXML's SAX parser under the reader's limits, and
/// words what stops it as a `GXError` naming the part. WordprocessingML never carries a DOCTYPE,
/// so one is refused unread.
struct SAXDriver {
    let handler: SAXHandler
    let part: String
    let maxElements: Int
    let maxDepth: Int
    let deadline: ContinuousClock.Instant?
    let maxAttributes: Int

    init(handler: SAXHandler, part: String, maxElements: Int, maxDepth: Int = 256,
         deadline: ContinuousClock.Instant? = nil, maxAttributes: Int = ReadLimits.standard.maxAttributesPerElement) {
        self.handler = handler
        self.part = part
        self.maxElements = maxElements
        self.maxDepth = maxDepth
        self.deadline = deadline
        self.maxAttributes = maxAttributes
    }

    func parse(_ bytes: [UInt8]) throws {
        guard bytes.count < Int(Int32.max) else { throw GXError(.limit, "part \(part) is too large to parse") }
        let parser = SAXParser(handler: handler, limits: SAXLimits(maxElements: maxElements, maxDepth: maxDepth, deadline: deadline,
                                                                   maxAttributes: maxAttributes))
        do {
            try parser.parseXML(bytes, name: part)
        } catch {
            throw gxError(error)
        }
    }

    private func gxError(_ failure: SAXFailure) -> GXError {
        let at = { (line: Int) in SourceLocation(part: part, line: line) }
        switch failure {
        case .tooManyAttributes(let limit, let line):
            return GXError(.limit, "an element of \(part) has more than \(limit) attributes", location: at(line))
        case .tooManyElements(let limit, let line):
            return GXError(.limit, "part \(part) has more than \(limit) elements", location: at(line))
        case .tooDeep(let limit, let line):
            return GXError(.limit, "part \(part) nests elements more than \(limit) deep", location: at(line))
        case .deadline(let line):
            return GXError(.limit, "reading took longer than the per-document time budget", location: at(line))
        case .doctype(let line):
            return GXError(.dtd, "the part declares a DOCTYPE, which a WordprocessingML part never has; refused unread",
                           location: at(line), hint: "the file may be crafted to read local files or exhaust memory")
        case .entityDeclaration(let line):
            return GXError(.dtd, "the part declares an entity; refused unread", location: at(line))
        case .malformed(let error):
            let text = error.message
            let location = SourceLocation(part: part, line: error.line, column: error.column)
            if text.contains("depth") || text.contains("huge") || text.contains("Huge") {
                return GXError(.limit, "XML nesting or size beyond the parser's fixed limit: \(text)", location: location)
            } else if error.isUndeclaredEntity {
                return GXError(.dtd, "reference to an undeclared entity: \(text)", location: location)
            } else {
                return GXError(.xml, "malformed XML: \(text)", location: location,
                               hint: "the file is damaged; open and re-save it in Word or LibreOffice")
            }
        case .notWellFormed, .cannotStart:
            return GXError(.xml, "part \(part) is not well-formed XML", location: SourceLocation(part: part))
        case .handler(let error, let line):
            var e = error as? GXError ?? GXError(.xml, "\(error)")
            if e.location == nil { e.location = at(line) }
            return e
        }
    }
}
