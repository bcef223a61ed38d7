import GXModel

/// Character-exact tests at the cost of byte tests. Swift compares Strings Character by Character
/// under canonical equivalence, which makes `contains`, `hasPrefix`, `prefix` and `count` walk
/// grapheme clusters, tens of thousands of instructions for a label search. On plain text —
/// every scalar one that is a Character on its own and canonically equal to no other: ASCII
/// except CR, CJK ideographs, CJK and full-width punctuation, as report text nearly always is —
/// Characters are scalars and comparing them is comparing bytes, so these take the byte route
/// there and the standard library's everywhere else. Needles must be plain themselves (they are
/// literals of the reader's; a test keeps them so).
struct PlainText {
    let text: String
    /// Whether the byte route is exact for `text`.
    let isPlain: Bool

    init(_ text: String) {
        self.text = text
        self.isPlain = PlainText.isPlain(text)
    }

    func contains(_ needle: String) -> Bool {
        isPlain ? text.contains(utf8: needle) : text.contains(needle)
    }

    func hasPrefix(_ prefix: String) -> Bool {
        isPlain ? text.utf8.starts(with: prefix.utf8) : text.hasPrefix(prefix)
    }

    /// `String(text.prefix(n))`.
    func prefix(_ n: Int) -> String {
        guard isPlain else { return String(text.prefix(n)) }
        var scalars = 0
        for (offset, byte) in text.utf8.enumerated() where byte & 0xC0 != 0x80 {
            if scalars == n { return String(decoding: text.utf8.prefix(offset), as: UTF8.self) }
            scalars += 1
        }
        return text
    }

    /// `text.count`.
    var count: Int {
        isPlain ? text.utf8.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } : text.count
    }

    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x0D { return false }
                    i += 1
                    continue
                }
                // Plain scalars outside ASCII are all three bytes long.
                guard b & 0xF0 == 0xE0, i + 2 < bytes.count else { return false }
                let scalar = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                guard isPlainScalar(scalar) else { return false }
                i += 3
            }
            return true
        }
    }

    /// Three-byte scalars that are always a Character of their own (no Extend, SpacingMark,
    /// Prepend, ZWJ or Hangul jamo) and have no canonical decomposition.
    static func isPlainScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x2010...0x2027,   // dashes, quotes, ellipsis
             0x3000...0x3029,   // ideographic space and punctuation, brackets (0x302A… combine)
             0x3400...0x4DBF, 0x4E00...0x9FFF,   // CJK ideographs (not the compatibility block)
             0xFF01...0xFF5E:   // full-width ASCII
            return true
        default:
            return false
        }
    }
}
