import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GXModel

/// Runs libxml2's HTML parser (SAX, push mode) over a page already converted to UTF-8 and copies
/// what it reports into a `NodeTree`. Safe options only: no network, the page's own charset hint
/// ignored (we decided the encoding), errors collected instead of printed, and fixed ceilings on
/// nesting depth and element count enforced here, in the callbacks.
final class HTMLParser {
    /// Attributes worth keeping; everything else (`src="data:…"`, `onclick`, …) is dropped at once.
    static let keptAttributes = CNames(["class", "id", "style", "name", "rowspan", "colspan", "hidden", "align"])
    static let maxAttributeLength = 4096

    struct Result {
        var tree: NodeTree
        /// Markup errors libxml2 recovered from, and the first few messages.
        var repairedErrors: Int
        var firstErrors: [String]
    }

    private let maxDepth: Int
    private let maxElements: Int
    // The callbacks below are the only code touching the parser's state, one at a time, on the
    // thread that called `parse`: no exclusivity checks needed on what they update per element.
    @exclusivity(unchecked) private var tree = NodeTree()
    /// Open elements' node indices.
    @exclusivity(unchecked) private var open: [Int] = [0]
    /// Element children counted by name, for `sameNameIndex`: the counts of the element at
    /// `open[depth]`, deeper entries after shallower ones, so the open elements' entries are a
    /// stack and the innermost element's are at its end.
    @exclusivity(unchecked) private var sameNameCounts: [(depth: Int, name: String, count: Int32)] = []
    /// libxml2 hands over element names interned in its dictionary: each is read into a String once.
    private var tagNames = InternedNames()
    private var elements = 0
    private var failure: GXError?
    private var context: htmlParserCtxtPtr?
    private var errorCount = 0
    private var firstErrors: [String] = []
    private var lastTextChild: Int = -1

    private let maxAttributes: Int
    private let deadline: ContinuousClock.Instant?

    init(limits: ReadLimits) {
        self.maxDepth = limits.maxXMLDepth
        self.maxElements = limits.maxXMLElements
        self.maxAttributes = limits.maxAttributesPerElement
        self.deadline = limits.deadline
    }

    private var line: Int32 {
        guard let ctxt = context, let input = ctxt.pointee.input else { return 0 }
        return Int32(clamping: input.pointee.line)
    }

    static func parse(_ utf8: [UInt8], limits: ReadLimits) throws -> Result {
        guard utf8.count < Int(Int32.max) else { throw GXError(.limit, "the page is too large to parse") }
        let parser = HTMLParser(limits: limits)
        try parser.run(utf8)
        return Result(tree: parser.tree, repairedErrors: parser.errorCount, firstErrors: parser.firstErrors)
    }

    private static let initialiseOnce: Void = { xmlInitParser() }()

    private func run(_ utf8: [UInt8]) throws {
        if let line = utf8.withUnsafeBufferPointer({ MarkupScan.tagOverAttributeCap($0, cap: maxAttributes) }) {
            throw GXError(.limit, "an element has more than \(maxAttributes) attributes", location: SourceLocation(line: line))
        }
        HTMLParser.initialiseOnce
        var sax = htmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElement = { ctx, name, atts in
            HTMLParser.from(ctx).start(name, atts)
        }
        sax.endElement = { ctx, name in
            HTMLParser.from(ctx).end(name)
        }
        sax.characters = { ctx, ch, len in
            guard let ch else { return }
            HTMLParser.from(ctx).text(ch, Int(len))
        }
        sax.ignorableWhitespace = sax.characters
        // Script and style bodies: never content.
        sax.cdataBlock = { _, _, _ in }
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            HTMLParser.from(ctx).libxmlError(error.pointee)
        }

        let unmanaged = Unmanaged.passRetained(self)
        defer { unmanaged.release() }
        var bytes = utf8
        if bytes.isEmpty { bytes = [0x20] }
        bytes.withUnsafeBufferPointer { buf in
            let raw = UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard let ctxt = htmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), nil, 0, "page.html", XML_CHAR_ENCODING_UTF8) else {
                failure = GXError(.xml, "libxml2 could not start an HTML parser")
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
            while offset < buf.count, failure == nil {
                let n = min(slice, buf.count - offset)
                let last: Int32 = offset + n >= buf.count ? 1 : 0
                _ = htmlParseChunk(ctxt, raw + offset, Int32(n), last)
                offset += n
            }
        }
        if let failure { throw failure }
    }

    fileprivate static func from(_ ctx: UnsafeMutableRawPointer?) -> HTMLParser {
        Unmanaged<HTMLParser>.fromOpaque(ctx!).takeUnretainedValue()
    }

    private func fail(_ error: GXError) {
        if failure == nil {
            var e = error
            if e.location == nil { e.location = SourceLocation(line: Int(line)) }
            failure = e
        }
        if let context { xmlStopParser(context) }
    }

    private func libxmlError(_ error: xmlError) {
        guard failure == nil else { return }
        let text = error.message.map { String(cString: $0).trimmingTrailingNewlines } ?? "error \(error.code)"
        if ["depth", "Huge", "huge"].contains(where: { HTMLParser.mentions(text, $0) }) {
            fail(GXError(.limit, "markup nesting or size beyond the parser's fixed limit: \(text)",
                         location: SourceLocation(line: Int(error.line))))
            return
        }
        // Office and HTML5 tags (`o:p`, `v:shape`, `section`) are unknown to libxml2's HTML 4 table
        // of elements: normal markup, not damage.
        if text.hasPrefix("Tag "), text.hasSuffix(" invalid") { return }
        errorCount += 1
        if firstErrors.count < 5 { firstErrors.append("line \(error.line): \(text)") }
    }

    /// `text.contains(word)` for an ASCII word, at the cost of a byte search: no character is
    /// canonically equivalent to a lower-case ASCII letter or `H`, so a byte match is needed for a
    /// Character match, and in ASCII text it is enough. libxml2's messages are ASCII unless they
    /// quote the page.
    static func mentions(_ text: String, _ word: String) -> Bool {
        text.contains(utf8: word) && (text.utf8.allSatisfy { $0 < 0x80 } || text.contains(word))
    }

    private func start(_ name: UnsafePointer<xmlChar>?, _ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard failure == nil, let name else { return }
        elements += 1
        if elements & 4095 == 0, let deadline, ContinuousClock.now > deadline {
            fail(GXError(.limit, "reading took longer than the per-document time budget"))
            return
        }
        if elements > maxElements {
            fail(GXError(.limit, "the page has more than \(maxElements) elements",
                         hint: "a report page has a few thousand; this one is not a report"))
            return
        }
        if open.count > maxDepth {
            fail(GXError(.limit, "the page nests elements more than \(maxDepth) deep",
                         hint: "real report pages stay under 60 levels; the page is broken or crafted"))
            return
        }
        let tag = tagNames.name(name)
        var attributes: [(String, String)] = []
        if let atts {
            var i = 0
            while let key = atts[i] {
                if let k = HTMLParser.keptAttributes.name(key) {
                    if let value = atts[i + 1] {
                        let length = strnlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self), HTMLParser.maxAttributeLength)
                        attributes.append((k, String(decoding: UnsafeBufferPointer(start: value, count: length), as: UTF8.self)))
                    } else {
                        attributes.append((k, ""))
                    }
                }
                i += 2
            }
        }
        let parentNode = open[open.count - 1]
        let node = NodeTree.Node(name: tag, attributes: attributes, parent: Int32(parentNode), line: line,
                                 sameNameIndex: countChild(named: tag))
        let id = tree.nodes.count
        tree.append(node, to: parentNode)
        open.append(id)
        lastTextChild = -1
    }

    private func end(_ name: UnsafePointer<xmlChar>?) {
        guard failure == nil, let name else { return }
        lastTextChild = -1
        guard open.count > 1 else { return }
        let tag = tagNames.name(name)
        // libxml2 closes implied elements itself; match by name, at most a few levels down.
        var k = open.count - 1
        while k >= 1, open.count - k <= 8 {
            if tree.nodes[open[k]].name == tag {
                open.removeSubrange(k...)
                while let last = sameNameCounts.last, last.depth >= k { sameNameCounts.removeLast() }
                return
            }
            k -= 1
        }
    }

    /// Counts one more child named `tag` of the innermost open element: its 1-based index among
    /// its same-name siblings.
    private func countChild(named tag: String) -> Int32 {
        let depth = open.count - 1
        var k = sameNameCounts.count - 1
        while k >= 0, sameNameCounts[k].depth == depth {
            if sameNameCounts[k].name == tag {
                sameNameCounts[k].count += 1
                return sameNameCounts[k].count
            }
            k -= 1
        }
        sameNameCounts.append((depth, tag, 1))
        return 1
    }

    private func text(_ ch: UnsafePointer<xmlChar>, _ len: Int) {
        guard failure == nil, len > 0 else { return }
        let s = String(decoding: UnsafeBufferPointer(start: ch, count: len), as: UTF8.self)
        if lastTextChild >= 0 {
            tree.nodes[lastTextChild].text += s
            return
        }
        let parentNode = open[open.count - 1]
        let id = tree.nodes.count
        tree.append(NodeTree.Node(name: "", text: s, parent: Int32(parentNode), line: line), to: parentNode)
        lastTextChild = id
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" || s.last == "\r" { s.removeLast() }
        return s
    }
}
