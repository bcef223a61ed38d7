/// A small XML element tree, built in Swift and handed whole to `XMLWriter`, so that libxml2's
/// writer and its C pointers live inside a single function.
public struct XMLElement: Sendable {
    public enum Child: Sendable {
        case element(XMLElement)
        case text(String)
    }

    public var name: String
    public var attributes: [(String, String)]
    public var children: [Child]

    public init(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLElement] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children.map(Child.element)
    }

    public init(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        self.name = name
        self.attributes = attributes
        self.children = [.text(text)]
    }

    public mutating func append(_ child: XMLElement) { children.append(.element(child)) }
    public mutating func append(contentsOf more: [XMLElement]) { children += more.map(Child.element) }
}

extension String {
    /// Drops what XML 1.0 cannot carry at all (C0 controls except tab/newline/CR, U+FFFE/FFFF);
    /// libxml2 would write them as character references that no XML reader accepts.
    public var xmlSafe: String {
        guard unicodeScalars.contains(where: { !$0.isXMLChar }) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars where s.isXMLChar { out.append(s) }
        return String(out)
    }
}

extension Unicode.Scalar {
    public var isXMLChar: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
