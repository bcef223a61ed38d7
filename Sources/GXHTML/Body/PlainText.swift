import GXModel

/// Character-exact tests at the cost of byte tests. Swift compares Strings Character by Character
/// under canonical equivalence, which makes `contains`, `hasPrefix`, `prefix` and `count` walk
/// grapheme clusters, tens of thousands of instructions for a label search. On plain text
/// (`Scalars.isPlain`, as report text nearly always is) Characters are scalars and comparing them
/// is comparing bytes, so these take the byte route there and the standard library's everywhere
/// else. Needles must be plain themselves (they are literals of the reader's; a test keeps them so).
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

    /// Whether the byte route is exact: every scalar plain (`Scalars.isPlain`).
    static func isPlain(_ text: String) -> Bool { Scalars.isPlain(text) }
}
