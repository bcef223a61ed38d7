import GXModel

/// Byte-level readings of `class`, `id` and `style` values for `ChromeRules`. Every element of a
/// page is asked whether it is furniture or hidden; Word exports give nearly every element a
/// `class=MsoNormal` and a long `style`, and lower-casing, filtering Characters and searching with
/// `String.contains` made those questions most of the cost of reading a page. Each reading here
/// answers nil for a value it cannot read exactly as the general one does, and the caller then
/// takes the general path.
enum AttributeScan {
    /// Whether an ASCII `class`/`id` value holds a chrome token (as `ChromeRules.tokens` splits
    /// it), or nil for a value with non-ASCII characters: their lower-case forms may hold ASCII
    /// letters (K for U+212A) and join a token.
    static func hasChromeToken(_ value: String) -> Bool? {
        var value = value
        return value.withUTF8 { bytes -> Bool? in
            for b in bytes where b >= 0x80 { return nil }
            var start = 0
            while start < bytes.count {
                guard isTokenByte(bytes[start]) else { start += 1; continue }
                var end = start + 1
                while end < bytes.count, isTokenByte(bytes[end]) { end += 1 }
                let token = String(unsafeUninitializedCapacity: end - start) { out in
                    for k in start..<end { out[k - start] = lowered(bytes[k]) }
                    return end - start
                }
                if ChromeRules.chromeTokens.contains(token) { return true }
                if end - start > 5, ChromeRules.embeddedWords.contains(where: { token.contains(utf8: $0) }) { return true }
                start = end
            }
            return false
        }
    }

    /// Whether a `style` value hides its element (`display:none`, `visibility:hidden`,
    /// `mso-hide:all`, in any case and with any white space inside), or nil when the value holds
    /// a character other than ASCII and CJK ideographs (`font-family:宋体` is common): other
    /// characters may be white space, lower-case to ASCII or combine with their neighbours, so
    /// only the general reading over Characters is exact for them.
    static func hidesContent(_ style: String) -> Bool? {
        var style = style
        return style.withUTF8 { bytes -> Bool? in
            var folded = [UInt8]()
            folded.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b != 0x20, b < 0x09 || b > 0x0D { folded.append(lowered(b)) }
                    i += 1
                    continue
                }
                let (scalar, length) = UTF8Scalar.decode(bytes, at: i)
                guard (0x3400...0x4DBF).contains(scalar) || (0x4E00...0x9FFF).contains(scalar) else { return nil }
                folded.append(0xFF)  // stands for the ideograph: no byte of an ASCII needle matches it
                i += length
            }
            return hidingDeclarations.contains { ByteSearch.firstIndex(of: $0, in: folded) != nil }
        }
    }

    static let hidingDeclarations: [[UInt8]] = ["display:none", "visibility:hidden", "mso-hide:all"].map { Array($0.utf8) }

    private static func isTokenByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    private static func lowered(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }
}
