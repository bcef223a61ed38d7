/// A file name as the kernel has it: bytes, not necessarily UTF-8. Folders copied from Chinese
/// Windows shares often carry GBK names; a Swift `String` cannot hold those bytes (decoding
/// replaces them with U+FFFD and the file can no longer be opened), so files are walked and opened
/// by these bytes, and only shown as text.
public struct RawPath: Hashable, Sendable {
    /// The name's bytes, without a terminating NUL.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes.prefix { $0 != 0 }.map { $0 }
    }

    public init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// The name as text for messages and records: valid UTF-8 as it is, every byte that is not
    /// part of a valid UTF-8 sequence as `\xHH` (uppercase hex) — deterministic, and the same bytes
    /// always give the same text. A valid name is shown unchanged, so it can coincide with an
    /// invalid one that spells `\xHH` literally; such pairs are not told apart in records.
    public var display: String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var i = 0
        while i < bytes.count {
            let length = UTF8Scalar.validLength(bytes, at: i)
            if length > 0 {
                out += String(decoding: bytes[i..<(i + length)], as: UTF8.self)
                i += length
            } else {
                out += "\\x" + String(bytes[i], radix: 16, uppercase: true).leftPadded(to: 2)
                i += 1
            }
        }
        return out
    }

    /// Whether the name is valid UTF-8 (then `display` is exactly the name).
    public var isUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// `self/name`.
    public func appending(_ name: [UInt8]) -> RawPath {
        RawPath(bytes: bytes.last == UInt8(ascii: "/") ? bytes + name : bytes + [UInt8(ascii: "/")] + name)
    }

    /// The last component's bytes.
    public var lastComponent: ArraySlice<UInt8> {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return bytes[...] }
        return bytes[(slash + 1)...]
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
