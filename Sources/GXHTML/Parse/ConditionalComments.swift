/// Word's HTML export wraps content shown only to non-Word readers in "downlevel-revealed"
/// conditional comments: `<![if !supportLists]>1.<![endif]>`. Browsers drop the two markers and
/// show what is between; libxml2 would show the markers as text. We drop the markers before
/// parsing. (`<!--[if gte mso 9]>…<![endif]-->` is an ordinary comment and needs nothing.)
enum ConditionalComments {
    static func strip(_ bytes: [UInt8]) -> (bytes: [UInt8], removed: Int) {
        let b = bytes
        let n = b.count
        // Pages without a `<![` (all but Word's) are handed back as they are.
        var first = nextLessThan(b, from: 0)
        while first < n, !(first + 2 < n && b[first + 1] == 0x21 && b[first + 2] == 0x5B) {
            first = nextLessThan(b, from: first + 1)
        }
        guard first < n else { return (bytes, 0) }
        var out = [UInt8]()
        out.reserveCapacity(n)
        var removed = 0
        var i = 0
        while i < n {
            // Text up to the next "<" goes across as it is.
            let next = nextLessThan(b, from: i)
            out.append(contentsOf: b[i..<next])
            i = next
            guard i < n else { break }
            if i + 4 < n, b[i + 1] == 0x21, b[i + 2] == 0x5B, isMarkerStart(b, i + 3) {
                // The marker ends at the first ">", which must follow "]"; a "<" first means it is
                // not a marker (`<![endif]-->` closes a comment and is left alone).
                var j = i + 3
                let limit = min(n, i + 256)
                while j < limit, b[j] != 0x3E, b[j] != 0x3C { j += 1 }
                if j < limit, b[j] == 0x3E, b[j - 1] == 0x5D {
                    // keep line breaks so line numbers stay right
                    for k in i..<j where b[k] == 0x0A { out.append(0x0A) }
                    i = j + 1
                    removed += 1
                    continue
                }
            }
            out.append(b[i])
            i += 1
        }
        return (out, removed)
    }

    /// The index of the next "<" at or after `from`, or the end.
    private static func nextLessThan(_ b: [UInt8], from: Int) -> Int {
        guard from < b.count else { return b.count }
        return b[from...].firstIndex(of: 0x3C) ?? b.count
    }

    /// `if` or `endif`, any case, after `<![`.
    private static func isMarkerStart(_ b: [UInt8], _ i: Int) -> Bool {
        func lower(_ k: Int) -> UInt8 { k < b.count ? (b[k] | 0x20) : 0 }
        if lower(i) == 0x69, lower(i + 1) == 0x66, i + 2 < b.count, b[i + 2] == 0x20 || b[i + 2] == 0x5D { return true }
        if lower(i) == 0x65, lower(i + 1) == 0x6E, lower(i + 2) == 0x64, lower(i + 3) == 0x69, lower(i + 4) == 0x66 { return true }
        return false
    }
}
