/// Substring search on UTF-8 bytes. UTF-8 is self-synchronising, so a byte match is a character
/// match; on text that is already normalised this is all the comparison that is needed, and far
/// cheaper than String's canonical-equivalence search.
public enum ByteSearch {
    /// The first index at or after `from` where `needle` starts in `hay`.
    public static func firstIndex(of needle: [UInt8], in hay: [UInt8], from: Int = 0) -> Int? {
        needle.withUnsafeBufferPointer { n in hay.withUnsafeBufferPointer { h in firstIndex(of: n, in: h, from: from) } }
    }

    static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
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

extension String {
    /// Whether `needle` occurs in the text, compared as UTF-8 bytes (see `ByteSearch`). The
    /// standard library's `contains(_: String)` runs generic string processing at tens of
    /// thousands of instructions a call; headings and labels are tested this way thousands of
    /// times per report.
    public func contains(utf8 needle: String) -> Bool {
        if needle.isEmpty { return true }
        var hay = self, needle = needle
        return hay.withUTF8 { h in needle.withUTF8 { n in ByteSearch.firstIndex(of: n, in: h, from: 0) != nil } }
    }
}
