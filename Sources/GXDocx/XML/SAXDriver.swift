import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GXModel

/// Receives the events of one XML part. Pointers are only valid during the call.
protocol SAXHandler: AnyObject {
    func startElement(_ name: XMLName, _ attributes: XMLAttributes, driver: SAXDriver) throws
    /// Handlers keep their own stack of what is open, so the end event carries no name.
    func endElement(driver: SAXDriver)
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// Which vocabulary an element belongs to. Matching by namespace, never by prefix, is what lets
/// Strict OOXML and oddly-prefixed files read like ordinary ones.
enum XMLNamespace {
    case word, markupCompatibility, relationships, packageRelationships, other
}

struct XMLName {
    let local: UnsafePointer<xmlChar>
    let namespace: XMLNamespace

    func `is`(_ literal: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    var string: String { String(cString: local) }
}

/// SAX2's attribute array: five pointers per attribute (local, prefix, URI, value begin, value end).
struct XMLAttributes {
    let count: Int
    let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// The value of the attribute with this local name (any namespace), if present.
    func value(_ local: StaticString) -> String? {
        guard let raw else { return nil }
        let want = UnsafeRawPointer(local.utf8Start).assumingMemoryBound(to: CChar.self)
        for i in 0..<count {
            let base = raw + i * 5
            guard let name = base[0], strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), want) == 0,
                  let begin = base[3], let end = base[4] else { continue }
            return Self.decoded(UnsafeBufferPointer(start: begin, count: end - begin))
        }
        return nil
    }

    /// Without entity substitution libxml2 hands an attribute's `&amp;` (and `&#38;`) over as the
    /// five bytes `&#38;`; everything else arrives decoded, and any other `&` would have been an
    /// undeclared entity (refused). So `&#38;` back to `&` is exact — and keeps `&` in a bookmark
    /// name from growing on every `--to docx` round trip.
    static func decoded(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let amp: [UInt8] = Array("&#38;".utf8)
        while i < bytes.count {
            if bytes[i] == 0x26, i + 5 <= bytes.count, bytes[i..<(i + 5)].elementsEqual(amp) {
                out.append(0x26)
                i += 5
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Drives libxml2's SAX2 parser over one in-memory part with the safe options: no network, no
/// entity substitution, no DTD loading, libxml2's default depth cap, and any DOCTYPE refused
/// outright (WordprocessingML never carries one) — that alone stops XXE and entity bombs.
final class SAXDriver {
    private let handler: SAXHandler
    let part: String
    private let maxElements: Int
    private let maxDepth: Int
    private let deadline: ContinuousClock.Instant?
    private let maxAttributes: Int
    // One parse runs on one thread, callback after callback, so these need no dynamic
    // exclusivity checks; those checks were a tenth of the reader's own cost.
    @exclusivity(unchecked) private var elements = 0
    @exclusivity(unchecked) private var depth = 0
    /// Set with `failure`: a flag is cheaper to test on every event than the optional error.
    @exclusivity(unchecked) private var stopped = false
    fileprivate var failure: GXError?
    fileprivate var context: xmlParserCtxtPtr?
    @exclusivity(unchecked) private var namespaceCache: [(UnsafePointer<xmlChar>, XMLNamespace)] = []

    init(handler: SAXHandler, part: String, maxElements: Int, maxDepth: Int = 256,
         deadline: ContinuousClock.Instant? = nil, maxAttributes: Int = ReadLimits.standard.maxAttributesPerElement) {
        self.handler = handler
        self.maxAttributes = maxAttributes
        self.part = part
        self.maxElements = maxElements
        self.maxDepth = maxDepth
        self.deadline = deadline
    }

    /// Current line in the part, for source locations.
    var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

    func parse(_ bytes: [UInt8]) throws {
        guard bytes.count < Int(Int32.max) else { throw GXError(.limit, "part \(part) is too large to parse") }
        if let line = bytes.withUnsafeBufferPointer({ MarkupScan.tagOverAttributeCap($0, cap: maxAttributes) }) {
            throw GXError(.limit, "an element of \(part) has more than \(maxAttributes) attributes",
                          location: SourceLocation(part: part, line: line))
        }
        SAXDriver.initialiseOnce
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { ctx, local, _, uri, _, _, nbAttributes, _, attributes in
            SAXDriver.with(ctx) { $0.start(local, uri, Int(nbAttributes), attributes) }
        }
        sax.endElementNs = { ctx, local, _, uri in
            SAXDriver.with(ctx) { $0.end(local, uri) }
        }
        sax.characters = { ctx, ch, len in
            guard let ch else { return }
            SAXDriver.with(ctx) { driver in
                if !driver.stopped { driver.handler.characters(UnsafeBufferPointer(start: ch, count: Int(len))) }
            }
        }
        sax.internalSubset = { ctx, _, _, _ in
            SAXDriver.from(ctx).fail(GXError(.dtd, "the part declares a DOCTYPE, which a WordprocessingML part never has; refused unread",
                                             hint: "the file may be crafted to read local files or exhaust memory"))
        }
        sax.entityDecl = { ctx, _, _, _, _, _ in
            SAXDriver.from(ctx).fail(GXError(.dtd, "the part declares an entity; refused unread"))
        }
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            SAXDriver.from(ctx).libxmlError(error.pointee)
        }

        let unmanaged = Unmanaged.passRetained(self)
        defer { unmanaged.release() }
        let parsed: Bool = bytes.withUnsafeBufferPointer { buf in
            let raw = UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self)
            let head = Int32(min(4, buf.count))
            guard let ctxt = xmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), raw, head, part) else { return false }
            context = ctxt
            defer { context = nil; xmlFreeParserCtxt(ctxt) }
            // XML_PARSE_HUGE lifts libxml2's own 10 MB ceilings (one chunk, one text node), which
            // refused legitimate parts; ours hold instead: part size, elements, depth, attributes, time.
            xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_HUGE.rawValue))
            _ = xmlParseChunk(ctxt, raw + Int(head), Int32(buf.count) - head, 1)
            return ctxt.pointee.wellFormed != 0
        }
        if let failure { throw failure }
        if !parsed { throw GXError(.xml, "part \(part) is not well-formed XML", location: SourceLocation(part: part)) }
    }

    fileprivate static func from(_ ctx: UnsafeMutableRawPointer?) -> SAXDriver {
        Unmanaged<SAXDriver>.fromOpaque(ctx!).takeUnretainedValue()
    }

    /// The per-element callbacks borrow the driver: `parse` holds it retained for the whole
    /// parse, so a retain/release pair on every event would be pure overhead.
    fileprivate static func with(_ ctx: UnsafeMutableRawPointer?, _ body: (SAXDriver) -> Void) {
        Unmanaged<SAXDriver>.fromOpaque(ctx!)._withUnsafeGuaranteedRef(body)
    }

    private static let initialiseOnce: Void = { xmlInitParser() }()

    @inline(never)
    private func fail(_ error: any Error) {
        fail(error as? GXError ?? GXError(.xml, "\(error)"))
    }

    @inline(never)
    private func fail(_ error: GXError) {
        if !stopped {
            var e = error
            if e.location == nil { e.location = SourceLocation(part: part, line: line) }
            failure = e
            stopped = true
        }
        if let context { xmlStopParser(context) }
    }

    private func libxmlError(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, !stopped else { return }
        let text = error.message.map { String(cString: $0).trimmingTrailingNewline } ?? "error \(error.code)"
        let location = SourceLocation(part: part, line: Int(error.line), column: Int(error.int2))
        if text.contains("depth") || text.contains("huge") || text.contains("Huge") {
            fail(GXError(.limit, "XML nesting or size beyond the parser's fixed limit: \(text)", location: location))
        } else if error.code == Int32(XML_ERR_UNDECLARED_ENTITY.rawValue) || error.code == Int32(XML_WAR_UNDECLARED_ENTITY.rawValue) {
            fail(GXError(.dtd, "reference to an undeclared entity: \(text)", location: location))
        } else {
            fail(GXError(.xml, "malformed XML: \(text)", location: location,
                         hint: "the file is damaged; open and re-save it in Word or LibreOffice"))
        }
    }

    private func namespace(_ uri: UnsafePointer<xmlChar>?) -> XMLNamespace {
        guard let uri else { return .other }
        for (p, ns) in namespaceCache where p == uri { return ns }
        let s = String(cString: uri)
        let ns: XMLNamespace
        switch s {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
             "http://purl.oclc.org/ooxml/wordprocessingml/main": ns = .word
        case "http://schemas.openxmlformats.org/markup-compatibility/2006": ns = .markupCompatibility
        case "http://schemas.openxmlformats.org/package/2006/relationships": ns = .packageRelationships
        case "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             "http://purl.oclc.org/ooxml/officeDocument/relationships": ns = .relationships
        default: ns = .other
        }
        // libxml2 interns namespace names in the parser's dictionary, so pointers repeat.
        if namespaceCache.count < 16 { namespaceCache.append((uri, ns)) }
        return ns
    }

    private func start(_ local: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ count: Int,
                       _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !stopped, let local else { return }
        elements &+= 1
        depth &+= 1
        // One combined test keeps the per-event cost to a compare; the clock is read every 4096 elements.
        if elements > maxElements || depth > maxDepth || elements & 4095 == 0 {
            checkLimits()
            if stopped { return }
        }
        do {
            try handler.startElement(XMLName(local: local, namespace: namespace(uri)),
                                     XMLAttributes(count: count, raw: attributes), driver: self)
        } catch {
            fail(error)
        }
    }

    @inline(never)
    private func checkLimits() {
        if elements > maxElements {
            fail(GXError(.limit, "part \(part) has more than \(maxElements) elements"))
        } else if depth > maxDepth {
            fail(GXError(.limit, "part \(part) nests elements more than \(maxDepth) deep"))
        } else if let deadline, ContinuousClock.now > deadline {
            fail(GXError(.limit, "reading took longer than the per-document time budget"))
        }
    }

    private func end(_ local: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
        depth &-= 1
        guard !stopped, local != nil else { return }
        handler.endElement(driver: self)
    }
}

extension String {
    var trimmingTrailingNewline: String {
        var s = self
        while s.last == "\n" || s.last == "\r" { s.removeLast() }
        return s
    }
}
