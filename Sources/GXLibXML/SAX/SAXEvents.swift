import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Receives the events of one parse, on the thread that called `SAXParser.parse…`, one at a time.
/// The names, attributes and text handed over are views into libxml2's buffers: read them during
/// the call (`string`, `value(_:)`), never keep them.
public protocol SAXHandler: AnyObject {
    /// Throwing stops the parse; `parse` then throws `SAXFailure.handler` with what was thrown.
    func startElement(_ element: SAXElement, parser: SAXParser) throws
    func endElement(_ name: SAXName, parser: SAXParser)
    func characters(_ text: SAXText, parser: SAXParser)
    /// A markup error the HTML parser recovered from. Throwing stops the parse. (XML errors are
    /// never recovered from: they end the parse as `SAXFailure.malformed`.)
    func recoveredError(_ error: LibXMLError) throws
}

extension SAXHandler {
    public func recoveredError(_ error: LibXMLError) throws {}
}

/// One start tag. `namespace` is the element's namespace URI (XML only).
public struct SAXElement {
    public let name: SAXName
    public let namespace: SAXName?
    public let attributes: SAXAttributes
}

/// A NUL-terminated UTF-8 name from the parser's dictionary (element names, namespace URIs).
/// libxml2 interns these: within one parse a name is always at the same address, which is what
/// `InternedNames` keys on.
public struct SAXName {
    @usableFromInline let pointer: UnsafePointer<UInt8>

    @inlinable init(_ pointer: UnsafePointer<UInt8>) { self.pointer = pointer }

    /// Whether the name is exactly this ASCII literal.
    @inlinable public func `is`(_ literal: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// Whether the name is exactly these bytes. A shorter name stops the loop at its NUL, which no
    /// name byte equals.
    @inlinable public func spells(_ bytes: [UInt8]) -> Bool {
        for (k, b) in bytes.enumerated() where pointer[k] != b { return false }
        return pointer[bytes.count] == 0
    }

    /// The first byte (0 for an empty name): a cheap first test before `spells`.
    @inlinable public var firstByte: UInt8 { pointer[0] }

    public var string: String { String(cString: pointer) }
}

/// Text between tags: a run of UTF-8 bytes in libxml2's buffer.
public struct SAXText {
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>

    @inlinable init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    @inlinable public var isEmpty: Bool { bytes.isEmpty }
    @inlinable public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// A start tag's attributes. XML (SAX2): five pointers per attribute (local name, prefix, URI,
/// value begin, value end). HTML: name/value pairs ending in a NULL name, a value NULL when the
/// attribute stood bare (`<td nowrap>`).
public struct SAXAttributes {
    @usableFromInline let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    /// XML: the number of attributes; HTML: -1 (the list ends at a NULL name).
    @usableFromInline let count: Int

    /// The value of the attribute with this local name (any namespace), if present (XML).
    public func value(_ local: StaticString) -> String? {
        guard let raw, count > 0 else { return nil }
        let want = UnsafeRawPointer(local.utf8Start).assumingMemoryBound(to: CChar.self)
        for i in 0..<count {
            let base = raw + i * 5
            guard let name = base[0], strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), want) == 0,
                  let begin = base[3], let end = base[4] else { continue }
            return Self.decoded(UnsafeBufferPointer(start: begin, count: end - begin))
        }
        return nil
    }

    /// Every attribute of an HTML start tag in order: its name, and its value cut to at most
    /// `maxValueBytes` bytes ("" for a bare attribute) — read only when `keep` picks the name.
    public func forEachHTML(maxValueBytes: Int, keep: (SAXName) -> String?, _ body: (String, String) -> Void) {
        guard let raw, count < 0 else { return }
        var i = 0
        while let key = raw[i] {
            if let name = keep(SAXName(key)) {
                if let value = raw[i + 1] {
                    let length = strnlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self), maxValueBytes)
                    body(name, String(decoding: UnsafeBufferPointer(start: value, count: length), as: UTF8.self))
                } else {
                    body(name, "")
                }
            }
            i += 2
        }
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
