import GXModel
import GXTemplate

/// Walks the parsed page into document blocks: paragraphs from block elements and loose inline
/// text, tables through `readTable`, bookmarks from `<a name>`. Every block remembers the element it
/// came from so the body locator can tell the report from the page around it.
final class BlockBuilder {
    struct Placed {
        var block: Block
        var node: Int
    }

    let tree: NodeTree
    let limits: ReadLimits
    var diagnostics: [Diagnostic] = []

    /// Output lists: the page body, then one per open table cell.
    var sinks: [[Placed]] = [[]]
    var paragraph: ParagraphText?
    /// `<a name>` seen outside any paragraph: it marks the next paragraph (or table row).
    var pendingBookmarks: [(name: String, line: Int)] = []
    /// The source of the innermost open table cell.
    var cellSources: [SourceLocation] = []
    private var preformatted = 0
    private var protectedCache: [Int: Bool] = [:]
    /// The `element` of every block's and cell's source.
    var paths: ElementPaths

    init(tree: NodeTree, limits: ReadLimits) {
        self.tree = tree
        self.limits = limits
        self.paths = ElementPaths(tree: tree)
    }

    /// The page body's blocks, in reading order.
    func build() throws -> [Placed] {
        let body = findBody() ?? 0
        try visitChildren(body)
        flush()
        if !pendingBookmarks.isEmpty, let i = sinks[0].lastIndex(where: { if case .paragraph = $0.block { true } else { false } }),
           case .paragraph(var p) = sinks[0][i].block {
            p.bookmarks += pendingBookmarks.map { BookmarkMarker(name: $0.name, offset: p.text.count, source: p.source) }
            sinks[0][i].block = .paragraph(p)
            pendingBookmarks = []
        }
        return sinks[0]
    }

    private func findBody() -> Int? {
        var stack = [0]
        var seen = 0
        while let n = stack.popLast(), seen < 64 {
            seen += 1
            if tree[n].name == "body" { return n }
            if tree[n].name == "html" || n == 0 { stack += tree.children(n).reversed() }
        }
        return nil
    }

    // MARK: walking

    func visitChildren(_ node: Int) throws {
        for child in tree.children(node) { try visit(child) }
    }

    func visit(_ i: Int) throws {
        let node = tree.nodes[i]
        if node.isText {
            if paragraph == nil {
                guard node.text.utf8.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0x0C }) else { return }
                open(node: blockAncestor(i), line: Int(node.line), explicit: false)
            }
            paragraph!.append(node.text, preformatted: preformatted > 0)
            return
        }
        let name = node.name
        if ChromeRules.isSkippedTag(name) { return }
        if ChromeRules.isHidden(node) {
            if paragraph != nil { paragraph!.hidden += tree.rawText(i, limit: 4096) }
            return
        }
        if ChromeRules.hasChromeClassOrID(node), !isProtected(i) { return }
        switch name {
        case "br":
            if paragraph != nil { paragraph!.lineBreak() }
            return
        case "img", "wbr", "col", "colgroup":
            return
        case "table":
            flush()
            try readTable(i)
            return
        case "a":
            if let anchor = node.attribute("name"), !anchor.isEmpty {
                bookmark(anchor, line: Int(node.line))
            }
        default:
            break
        }
        if ChromeRules.blockTags.contains(name) {
            flush()
            if ChromeRules.paragraphTags.contains(name) {
                open(node: i, line: Int(node.line), explicit: true, style: name.first == "h" && name.count == 2 ? name : nil)
            }
            if name == "pre" || name == "xmp" || name == "listing" { preformatted += 1 }
            try visitChildren(i)
            if name == "pre" || name == "xmp" || name == "listing" { preformatted -= 1 }
            flush()
        } else {
            try visitChildren(i)
        }
    }

    /// A chrome-looking element that nevertheless holds the report (a site that calls its article
    /// container `main-top`): never skipped.
    private func isProtected(_ i: Int) -> Bool {
        if let known = protectedCache[i] { return known }
        let text = TextFold.fold(tree.rawText(i))
        let result = Template.headingWords.filter { text.contains(utf8: $0) }.count >= 2
        protectedCache[i] = result
        return result
    }

    private func blockAncestor(_ i: Int) -> Int {
        var at = tree.parent(i)
        while let n = at {
            if ChromeRules.blockTags.contains(tree[n].name) { return n }
            at = tree.parent(n)
        }
        return tree.parent(i) ?? 0
    }

    // MARK: paragraphs

    func open(node: Int, line: Int, explicit: Bool, style: String? = nil) {
        flush()
        var p = ParagraphText(node: node, line: line, explicit: explicit, style: style)
        for mark in pendingBookmarks { p.bookmark(mark.name, line: mark.line, atStart: true) }
        pendingBookmarks = []
        paragraph = p
    }

    func bookmark(_ name: String, line: Int) {
        if paragraph != nil { paragraph!.bookmark(name, line: line) }
        else { pendingBookmarks.append((name, line)) }
    }

    func source(for node: Int, line: Int) -> SourceLocation {
        var source = cellSources.last ?? SourceLocation()
        source.line = line
        source.element = paths.path(node)
        return source
    }

    func flush() {
        guard let p = paragraph else { return }
        paragraph = nil
        if p.isBlank, !p.explicit, p.bookmarks.isEmpty, p.hidden.isEmpty { return }
        let where_ = source(for: p.node, line: p.line)
        // In a table cell a `<br>` stays a line break inside the cell (`结果<br>维持`).
        let paragraph = p.paragraph(source: where_)
        let paragraphs = cellSources.isEmpty && preformatted == 0 ? LineSplitter.split(paragraph) : [paragraph]
        if !p.hidden.isEmpty {
            diagnostics.append(Diagnostic(code: "GX-I-HIDDEN-TEXT", severity: .info,
                message: "hidden text excluded: '\(p.hidden.prefix(80))'", messageZh: "已排除隐藏文字", source: where_))
        }
        for paragraph in paragraphs {
            sinks[sinks.count - 1].append(Placed(block: .paragraph(paragraph), node: p.node))
        }
    }

    func note(_ code: String, _ severity: Severity = .warning, _ message: String, _ source: SourceLocation) {
        diagnostics.append(Diagnostic(code: code, severity: severity, message: message, source: source))
    }
}
