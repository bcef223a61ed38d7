import GXModel
/// Word's HTML export wraps content shown only to non-Word readers in "downlevel-revealed"
/// conditional comments: `<![if !supportLists]>1.<![endif]>`. Browsers drop the two markers and
/// show what is between; libxml2 would show the markers as text. We drop the markers before
/// parsing. (`<!--[if gte mso 9]>…<![endif]-->` is an ordinary comment and needs nothing.)
enum ConditionalComments {
    static func strip(_ bytes: [UInt8]) -> (bytes: [UInt8], removed: Int) {
        let open: [UInt8] = Array("<![".utf8)
        guard ByteSearch.firstIndex(of: open, in: bytes, from: 0) != nil else { return (bytes, 0) }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var removed = 0
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] == 0x3C, i + 4 < n, bytes[i + 1] == 0x21, bytes[i + 2] == 0x5B, isMarkerStart(bytes, i + 3) {
                // The marker ends at the first ">", which must follow "]"; a "<" first means it is
                // not a marker (`<![endif]-->` closes a comment and is left alone).
                var j = i + 3
                let limit = min(n, i + 256)
                while j < limit, bytes[j] != 0x3E, bytes[j] != 0x3C { j += 1 }
                if j < limit, bytes[j] == 0x3E, bytes[j - 1] == 0x5D {
                    // keep line breaks so line numbers stay right
                    for k in i..<j where bytes[k] == 0x0A { out.append(0x0A) }
                    i = j + 1
                    removed += 1
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return (out, removed)
    }

    /// `if` or `endif`, any case, after `<![`.
    private static func isMarkerStart(_ b: [UInt8], _ i: Int) -> Bool {
        func lower(_ k: Int) -> UInt8 { k < b.count ? (b[k] | 0x20) : 0 }
        if lower(i) == 0x69, lower(i + 1) == 0x66, i + 2 < b.count, b[i + 2] == 0x20 || b[i + 2] == 0x5D { return true }
        if lower(i) == 0x65, lower(i + 1) == 0x6E, lower(i + 2) == 0x64, lower(i + 3) == 0x69, lower(i + 4) == 0x66 { return true }
        return false
    }
}
