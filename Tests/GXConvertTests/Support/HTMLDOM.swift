import CLibXML2

/// An HTML page parsed by libxml2's HTML parser into a plain Swift tree, with every parser error
/// kept. All libxml2 pointers stay inside `parse`.
struct HTMLNode {
    var name: String
    var attributes: [String: String]
    var children: [HTMLNode]
    var text: String

    /// All text below this node.
    var allText: String { text + children.map(\.allText).joined() }

    func all(_ name: String) -> [HTMLNode] {
        (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
    }

    func first(_ name: String) -> HTMLNode? { all(name).first }

    static func parse(_ bytes: [UInt8]) -> (root: HTMLNode?, errors: [String]) {
        guard let ctxt = htmlNewParserCtxt() else { return (nil, ["no parser context"]) }
        defer { htmlFreeParserCtxt(ctxt) }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NOBLANKS.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlCtxtReadMemory(ctxt, $0, Int32(buf.count), "page.html", "UTF-8", options)
            }
        }
        var errors: [String] = []
        if ctxt.pointee.wellFormed == 0 || ctxt.pointee.errNo != 0 {
            let last = xmlCtxtGetLastError(UnsafeMutableRawPointer(ctxt))
            let message = last?.pointee.message.map { String(cString: $0) } ?? "error \(ctxt.pointee.errNo)"
            errors.append("line \(last?.pointee.line ?? 0): \(message)")
        }
        guard let doc else { return (nil, errors + ["no document"]) }
        defer { xmlFreeDoc(doc) }

        func convert(_ node: xmlNodePtr) -> HTMLNode {
            var result = HTMLNode(name: String(cString: node.pointee.name), attributes: [:], children: [], text: "")
            var attribute = node.pointee.properties
            while let a = attribute {
                let name = String(cString: a.pointee.name)
                if let value = xmlGetProp(node, a.pointee.name) {
                    result.attributes[name] = String(cString: value)
                    gx_xmlFree(value)
                }
                attribute = a.pointee.next
            }
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE {
                    result.children.append(convert(c))
                } else if c.pointee.type == XML_TEXT_NODE, let content = xmlNodeGetContent(c) {
                    result.children.append(HTMLNode(name: "#text", attributes: [:], children: [], text: String(cString: content)))
                    gx_xmlFree(content)
                }
                child = c.pointee.next
            }
            return result
        }
        guard let root = xmlDocGetRootElement(doc) else { return (nil, errors + ["no root"]) }
        return (convert(root), errors)
    }
}
