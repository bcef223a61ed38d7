import GXModel

/// The HTML adapter: bytes → our own encoding decision → UTF-8 → libxml2's HTML parser → element
/// tree → blocks → the report body found inside the page → document layer. Handles saved portal
/// pages, Word/WPS "Save as HTML" and LibreOffice exports alike.
public enum HTMLReader {
    /// Reads an HTML page held in memory. Errors are `GXError`s with stable codes.
    public static func read(_ bytes: [UInt8], limits: ReadLimits = .standard) throws -> Document {
        guard !bytes.isEmpty else { throw GXError(.empty, "the input is empty", hint: "check that the upload completed") }
        guard bytes.count <= limits.maxInputBytes else {
            throw GXError(.limit, "input is \(bytes.count) bytes, over the \(limits.maxInputBytes)-byte limit")
        }
        let page = try PageDecoder.decode(bytes)
        try refuseBinary(page.utf8)
        let (utf8, _) = ConditionalComments.strip(page.utf8)
        let parsed = try HTMLParser.parse(utf8, limits: limits)
        guard parsed.tree.nodes.contains(where: { $0.isText && $0.text.contains(where: { !$0.isWhitespace }) })
                || parsed.tree.nodes.contains(where: { $0.name == "table" }) else {
            throw GXError(.xml, "the page has no readable content" + (parsed.firstErrors.first.map { " (\($0))" } ?? ""),
                          hint: "check that the saved page is the report itself, not a redirect or a script-only page")
        }

        var diagnostics = page.diagnostics
        if parsed.repairedErrors > 0 {
            diagnostics.append(Diagnostic(code: "GX-I-HTML-REPAIRED", severity: .info,
                message: "libxml2 repaired \(parsed.repairedErrors) markup error(s), e.g. \(parsed.firstErrors.first ?? "")",
                messageZh: "已修复 \(parsed.repairedErrors) 处 HTML 标记错误"))
        }
        let builder = BlockBuilder(tree: parsed.tree, limits: limits)
        let placed = try builder.build()
        diagnostics += builder.diagnostics
        let located = BodyLocator(tree: parsed.tree).locate(placed)
        diagnostics += located.notes
        let blocks = Numbering.apply(located.blocks.map(\.block))
        return Document(format: .html, blocks: blocks, diagnostics: diagnostics)
    }

    /// NUL bytes in a page that is not UTF-16 mean a binary file handed in as HTML.
    static func refuseBinary(_ utf8: [UInt8]) throws {
        let head = min(utf8.count, 64 * 1024)
        var nuls = 0
        for k in 0..<head where utf8[k] == 0 { nuls += 1 }
        if nuls > 16, nuls * 100 > head {
            throw GXError(.xml, "the input holds binary data, not an HTML page",
                          hint: "check that the right file was uploaded")
        }
    }
}
