/// A small XML element tree, built in Swift and handed whole to `LibXMLWriter`, so that libxml2's
/// writer and its C pointers live inside a single function.
struct XMLElement {
    enum Child {
        case element(XMLElement)
        case text(String)
    }

    var name: String
    var attributes: [(String, String)]
    var children: [Child]

    init(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLElement] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children.map(Child.element)
    }

    init(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        self.name = name
        self.attributes = attributes
        self.children = [.text(text)]
    }

    mutating func append(_ child: XMLElement) { children.append(.element(child)) }
    mutating func append(contentsOf more: [XMLElement]) { children += more.map(Child.element) }
}

extension String {
    /// Drops what XML 1.0 cannot carry at all (C0 controls except tab/newline/CR, U+FFFE/FFFF);
    /// libxml2 would write them as character references that no XML reader accepts.
    var xmlSafe: String {
        guard unicodeScalars.contains(where: { !$0.isXMLChar }) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars where s.isXMLChar { out.append(s) }
        return String(out)
    }
}

extension Unicode.Scalar {
    var isXMLChar: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
