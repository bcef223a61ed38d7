import GXLibXML
import GXModel

/// Runs GXLibXML's HTML parser (SAX, push mode) over a page already converted to UTF-8 and copies
/// what it reports into a `NodeTree`. Safe options only: no network, the page's own charset hint
/// ignored (we decided the encoding), errors collected instead of printed, and fixed ceilings on
/// nesting depth and element count enforced in the callbacks.
final class HTMLParser: SAXHandler {
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
    private var tagNames = InternedNames<String>()
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

    static func parse(_ utf8: [UInt8], limits: ReadLimits) throws -> Result {
        guard utf8.count < Int(Int32.max) else { throw GXError(.limit, "the page is too large to parse") }
        let parser = HTMLParser(limits: limits)
        try parser.run(utf8)
        return Result(tree: parser.tree, repairedErrors: parser.errorCount, firstErrors: parser.firstErrors)
    }

    private func run(_ utf8: [UInt8]) throws {
        // The depth ceiling is on the open elements as this parser matches them (below), so the
        // parser's own count of start and end events is left unbounded.
        let parser = SAXParser(handler: self, limits: SAXLimits(maxElements: maxElements, maxDepth: .max, deadline: deadline,
                                                                maxAttributes: maxAttributes))
        do {
            try parser.parseHTML(utf8)
        } catch {
            let at = { (line: Int) in SourceLocation(line: line) }
            switch error {
            case .tooManyAttributes(let limit, let line):
                throw GXError(.limit, "an element has more than \(limit) attributes", location: at(line))
            case .tooManyElements(let limit, let line):
                throw GXError(.limit, "the page has more than \(limit) elements", location: at(line),
                              hint: "a report page has a few thousand; this one is not a report")
            case .deadline(let line):
                throw GXError(.limit, "reading took longer than the per-document time budget", location: at(line))
            case .handler(let error, let line):
                var e = error as? GXError ?? GXError(.xml, "\(error)")
                if e.location == nil { e.location = at(line) }
                throw e
            case .tooDeep, .doctype, .entityDeclaration, .malformed, .notWellFormed, .cannotStart:
                throw GXError(.xml, "libxml2 could not start an HTML parser")
            }
        }
    }

    func recoveredError(_ error: LibXMLError) throws {
        let text = error.message
        if ["depth", "Huge", "huge"].contains(where: { HTMLParser.mentions(text, $0) }) {
            throw GXError(.limit, "markup nesting or size beyond the parser's fixed limit: \(text)",
                          location: SourceLocation(line: error.line))
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

    func startElement(_ element: SAXElement, parser: SAXParser) throws {
        if open.count > maxDepth {
            throw GXError(.limit, "the page nests elements more than \(maxDepth) deep",
                          hint: "real report pages stay under 60 levels; the page is broken or crafted")
        }
        let line = Int32(clamping: parser.line)
        let tag = tagNames.value(of: element.name) { $0.string }
        var attributes: [(String, String)] = []
        element.attributes.forEachHTML(maxValueBytes: HTMLParser.maxAttributeLength, keep: HTMLParser.keptAttributes.name) {
            attributes.append(($0, $1))
        }
        let parentNode = open[open.count - 1]
        let node = NodeTree.Node(name: tag, attributes: attributes, parent: Int32(parentNode), line: line,
                                 sameNameIndex: countChild(named: tag))
        let id = tree.nodes.count
        tree.append(node, to: parentNode)
        open.append(id)
        lastTextChild = -1
    }

    func endElement(_ name: SAXName, parser: SAXParser) {
        lastTextChild = -1
        guard open.count > 1 else { return }
        let tag = tagNames.value(of: name) { $0.string }
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

    func characters(_ text: SAXText, parser: SAXParser) {
        guard !text.isEmpty else { return }
        let line = Int32(clamping: parser.line)
        let s = text.string
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
