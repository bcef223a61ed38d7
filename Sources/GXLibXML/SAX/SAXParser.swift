import CLibXML2

/// Why a parse stopped, as a typed value; each adapter words it for its users. `line` is where
/// the parser was when it stopped.
public enum SAXFailure: Error {
    /// A start tag holds more than `SAXLimits.maxAttributes` attributes (found before parsing).
    case tooManyAttributes(limit: Int, line: Int)
    /// More start tags than `SAXLimits.maxElements`.
    case tooManyElements(limit: Int, line: Int)
    /// Elements open more than `SAXLimits.maxDepth` deep.
    case tooDeep(limit: Int, line: Int)
    /// `SAXLimits.deadline` passed (checked every 4096 elements).
    case deadline(line: Int)
    /// XML: the input declares a DOCTYPE (refused unread: no DTD is ever loaded or expanded).
    case doctype(line: Int)
    /// XML: the input declares an entity.
    case entityDeclaration(line: Int)
    /// XML: libxml2 found the input not well-formed; its first error.
    case malformed(LibXMLError)
    /// XML: the parse ended without an error report but not well-formed (or could not start).
    case notWellFormed
    /// HTML: libxml2 could not start a parser.
    case cannotStart
    /// A handler threw.
    case handler(any Error, line: Int)
}

/// The ceilings enforced in the callbacks, before the handler sees the event.
public struct SAXLimits: Sendable {
    public var maxElements: Int
    public var maxDepth: Int
    public var deadline: ContinuousClock.Instant?
    /// Attributes per start tag, checked by `MarkupScan` before libxml2 sees the bytes.
    public var maxAttributes: Int

    public init(maxElements: Int, maxDepth: Int = 256, deadline: ContinuousClock.Instant? = nil, maxAttributes: Int) {
        self.maxElements = maxElements
        self.maxDepth = maxDepth
        self.deadline = deadline
        self.maxAttributes = maxAttributes
    }
}

/// Drives libxml2's push parsers, XML (SAX2, namespaces) and HTML, over bytes in memory, and hands
/// the events to a `SAXHandler`. Safe options only: no network, no entity substitution, no DTD
/// loading, and in XML any DOCTYPE or entity declaration refused outright — that alone stops XXE
/// and entity bombs. One parser, one parse, one thread.
public final class SAXParser {
    private let handler: SAXHandler
    private let limits: SAXLimits
    // One parse runs on one thread, callback after callback, so these need no dynamic
    // exclusivity checks; those checks were a tenth of the DOCX reader's own cost.
    @exclusivity(unchecked) private var elements = 0
    @exclusivity(unchecked) private var depth = 0
    /// Set with `failure`: a flag is cheaper to test on every event than the optional error.
    @exclusivity(unchecked) private var stopped = false
    private var failure: SAXFailure?
    private var context: xmlParserCtxtPtr?

    public init(handler: SAXHandler, limits: SAXLimits) {
        self.handler = handler
        self.limits = limits
    }

    /// Current line of the input, for source locations.
    public var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

    /// Parses a complete XML document (`name` names it in libxml2's own messages).
    public func parseXML(_ bytes: [UInt8], name: String) throws(SAXFailure) {
        try checkAttributes(bytes)
        LibXML.initialised
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { ctx, local, _, uri, _, _, nbAttributes, _, attributes in
            guard let local else { return }
            SAXParser.with(ctx) {
                $0.start(SAXName(local), uri.map(SAXName.init), SAXAttributes(raw: attributes, count: Int(nbAttributes)))
            }
        }
        sax.endElementNs = { ctx, local, _, _ in
            SAXParser.with(ctx) { $0.end(local) }
        }
        sax.characters = { ctx, ch, len in
            guard let ch else { return }
            SAXParser.with(ctx) { parser in
                if !parser.stopped { parser.handler.characters(SAXText(UnsafeBufferPointer(start: ch, count: Int(len))), parser: parser) }
            }
        }
        sax.internalSubset = { ctx, _, _, _ in
            SAXParser.with(ctx) { $0.stop(.doctype(line: $0.line)) }
        }
        sax.entityDecl = { ctx, _, _, _, _, _ in
            SAXParser.with(ctx) { $0.stop(.entityDeclaration(line: $0.line)) }
        }
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            SAXParser.with(ctx) { parser in
                guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue, !parser.stopped else { return }
                parser.stop(.malformed(LibXMLError(error.pointee)))
            }
        }

        let unmanaged = Unmanaged.passRetained(self)
        defer { unmanaged.release() }
        let parsed: Bool = bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return false }
            let raw = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            let head = Int32(min(4, buf.count))
            guard let ctxt = xmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), raw, head, name) else { return false }
            context = ctxt
            defer { context = nil; xmlFreeParserCtxt(ctxt) }
            // XML_PARSE_HUGE lifts libxml2's own 10 MB ceilings (one chunk, one text node), which
            // refused legitimate parts; the callers' hold instead: size, elements, depth, attributes, time.
            xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_HUGE.rawValue))
            _ = xmlParseChunk(ctxt, raw + Int(head), Int32(buf.count) - head, 1)
            return ctxt.pointee.wellFormed != 0
        }
        if let failure { throw failure }
        if !parsed { throw .notWellFormed }
    }

    /// Parses an HTML page already in UTF-8 (its own charset hint ignored), recovering from
    /// markup errors as browsers do and reporting each to `handler.recoveredError`.
    /// Script and style bodies are dropped: never content.
    public func parseHTML(_ utf8: [UInt8]) throws(SAXFailure) {
        try checkAttributes(utf8)
        LibXML.initialised
        var sax = htmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElement = { ctx, name, atts in
            guard let name else { return }
            SAXParser.with(ctx) { $0.start(SAXName(name), nil, SAXAttributes(raw: atts, count: -1)) }
        }
        sax.endElement = { ctx, name in
            SAXParser.with(ctx) { $0.end(name) }
        }
        sax.characters = { ctx, ch, len in
            guard let ch, len > 0 else { return }
            SAXParser.with(ctx) { parser in
                if !parser.stopped { parser.handler.characters(SAXText(UnsafeBufferPointer(start: ch, count: Int(len))), parser: parser) }
            }
        }
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = { _, _, _ in }
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            SAXParser.with(ctx) { parser in
                guard !parser.stopped else { return }
                do { try parser.handler.recoveredError(LibXMLError(error.pointee)) } catch { parser.stop(.handler(error, line: parser.line)) }
            }
        }

        let unmanaged = Unmanaged.passRetained(self)
        defer { unmanaged.release() }
        let bytes = utf8.isEmpty ? [0x20] : utf8
        bytes.withUnsafeBufferPointer { buf in
            let raw = UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard let ctxt = htmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), nil, 0, "page.html", XML_CHAR_ENCODING_UTF8) else {
                failure = .cannotStart
                return
            }
            context = ctxt
            defer { context = nil; htmlFreeParserCtxt(ctxt) }
            let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_RECOVER.rawValue
                                | HTML_PARSE_NODEFDTD.rawValue)
            _ = htmlCtxtUseOptions(ctxt, options)
            // Feed in slices: the parser's own buffers stay small, and a failure stops early.
            let slice = 1 << 20
            var offset = 0
            while offset < buf.count, !stopped {
                let n = min(slice, buf.count - offset)
                let last: Int32 = offset + n >= buf.count ? 1 : 0
                _ = htmlParseChunk(ctxt, raw + offset, Int32(n), last)
                offset += n
            }
        }
        if let failure { throw failure }
    }

    private func checkAttributes(_ bytes: [UInt8]) throws(SAXFailure) {
        let cap = limits.maxAttributes
        if let line = bytes.withUnsafeBufferPointer({ MarkupScan.tagOverAttributeCap($0, cap: cap) }) {
            throw .tooManyAttributes(limit: cap, line: line)
        }
    }

    /// The parser behind libxml2's user-data pointer; `parse…` holds it retained for the whole
    /// parse. (Borrowing it without a retain per event, through the underscored
    /// `_withUnsafeGuaranteedRef`, saved 3% of the floor's instructions and 2% of a DOCX
    /// conversion's under callgrind: not worth an underscored API.)
    private static func with(_ ctx: UnsafeMutableRawPointer?, _ body: (SAXParser) -> Void) {
        body(Unmanaged<SAXParser>.fromOpaque(ctx!).takeUnretainedValue())
    }

    @inline(never)
    private func stop(_ reason: SAXFailure) {
        if !stopped {
            failure = reason
            stopped = true
        }
        if let context { xmlStopParser(context) }
    }

    private func start(_ name: SAXName, _ namespace: SAXName?, _ attributes: SAXAttributes) {
        guard !stopped else { return }
        elements &+= 1
        depth &+= 1
        // One combined test keeps the per-event cost to a compare; the clock is read every 4096 elements.
        if elements > limits.maxElements || depth > limits.maxDepth || elements & 4095 == 0 {
            checkLimits()
            if stopped { return }
        }
        do {
            try handler.startElement(SAXElement(name: name, namespace: namespace, attributes: attributes), parser: self)
        } catch {
            stop(.handler(error, line: line))
        }
    }

    @inline(never)
    private func checkLimits() {
        if elements > limits.maxElements {
            stop(.tooManyElements(limit: limits.maxElements, line: line))
        } else if depth > limits.maxDepth {
            stop(.tooDeep(limit: limits.maxDepth, line: line))
        } else if let deadline = limits.deadline, ContinuousClock.now > deadline {
            stop(.deadline(line: line))
        }
    }

    private func end(_ name: UnsafePointer<xmlChar>?) {
        depth &-= 1
        guard !stopped, let name else { return }
        handler.endElement(SAXName(name), parser: self)
    }
}
