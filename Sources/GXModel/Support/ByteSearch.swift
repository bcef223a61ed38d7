/// Substring search on UTF-8 bytes. UTF-8 is self-synchronising, so a byte match is a character
/// match; on text that is already normalised this is all the comparison that is needed, and far
/// cheaper than String's canonical-equivalence search.
public enum ByteSearch {
    /// The first index at or after `from` where `needle` starts in `hay`.
    public static func firstIndex(of needle: [UInt8], in hay: [UInt8], from: Int = 0) -> Int? {
        guard !needle.isEmpty, from >= 0, hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        let first = needle[0]
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == first {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
