import GXLibXML
import GXModel

/// Reads `_rels/.rels` to find the main document part: Word Online writes `word/document2.xml`,
/// Strict OOXML uses other relationship URIs, so the name is never assumed.
final class RelationshipsReader: SAXHandler {
    private(set) var officeDocumentTarget: String?
    /// Every internal relationship: id, type (its last path step: `numbering`, `styles`, `aFChunk`), target.
    private(set) var relationships: [(id: String, type: String, target: String)] = []

    func startElement(_ element: SAXElement, parser: SAXParser) throws {
        guard element.name.is("Relationship") else { return }
        let attributes = element.attributes
        if let id = attributes.value("Id"), let type = attributes.value("Type"), let target = attributes.value("Target"),
           attributes.value("TargetMode") != "External", relationships.count < 10_000 {
            relationships.append((id, String(type.split(separator: "/").last ?? ""), target))
        }
        guard officeDocumentTarget == nil else { return }
        guard let type = attributes.value("Type"), type.hasSuffix("/officeDocument"),
              attributes.value("TargetMode") != "External", let target = attributes.value("Target") else { return }
        officeDocumentTarget = target
    }

    func endElement(_ name: SAXName, parser: SAXParser) {}
    func characters(_ text: SAXText, parser: SAXParser) {}

    /// Resolves a relationship target against the package root, refusing anything that leaves it.
    static func resolve(_ target: String) throws -> String {
        var parts: [Substring] = []
        let cleaned = target.hasPrefix("/") ? String(target.dropFirst()) : target
        for piece in cleaned.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." {
                guard !parts.isEmpty else { throw GXError(.notDocx, "the main part target '\(target)' leaves the package") }
                parts.removeLast()
            } else {
                parts.append(piece)
            }
        }
        guard !parts.isEmpty else { throw GXError(.notDocx, "empty main part target") }
        return parts.joined(separator: "/").removingPercentEncodingLite
    }
}

extension String {
    /// `%20`-style escapes in part names; anything odd is left as it is.
    var removingPercentEncodingLite: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var it = Array(utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%"), it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
