/// JSON string escaping straight into the output: quotes, backslashes and control characters, and
/// U+2028/2029 for JavaScript consumers; everything else is copied as UTF-8, in runs.
enum JSONEscape {
    private static let hex: StaticString = "0123456789abcdef"

    /// The UTF-8 of `s` without copying it (native strings are contiguous; small ones are spilled to the stack).
    @inline(__always)
    static func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        s.utf8.withContiguousStorageIfAvailable(body) ?? Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// The bytes need no escaping.
    @inline(__always) static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = utf8.baseAddress else { return true }
        return plainPrefix(p, utf8.count, from: 0) == utf8.count
    }

    /// `s` in quotes.
    static func quoted(_ s: String, into out: ByteBuffer) {
        withUTF8(s) { utf8 in
            guard let p = utf8.baseAddress else { out.append(ascii: "\"\""); return }
            let n = utf8.count
            let plain = plainPrefix(p, n, from: 0)
            if plain == n {
                // Nearly every string: quotes and one copy, with room made once.
                out.write(n + 2) { q in
                    q.pointee = 0x22
                    let end = ByteBuffer.copy(p, n, to: q + 1)
                    end.pointee = 0x22
                    return end + 1
                }
            } else {
                out.append(0x22)
                body(p, n, plainPrefix: plain, into: out)
                out.append(0x22)
            }
        }
    }

    /// The text between the quotes for `utf8`.
    static func body(_ utf8: UnsafeBufferPointer<UInt8>, into out: ByteBuffer) {
        guard let p = utf8.baseAddress else { return }
        body(p, utf8.count, plainPrefix: plainPrefix(p, utf8.count, from: 0), into: out)
    }

    /// `p[0..<n]` escaped, where the first `plain` bytes are known to need nothing.
    private static func body(_ p: UnsafePointer<UInt8>, _ n: Int, plainPrefix plain: Int, into out: ByteBuffer) {
        var i = plain, run = 0
        while i < n {
            let b = p[i]
            if b == 0xE2 {
                // Only U+2028 and U+2029 are escaped; other punctuation (“”…) is copied.
                guard i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0xA8 || p[i + 2] == 0xA9 else {
                    i = plainPrefix(p, n, from: i + 1)
                    continue
                }
                out.append(p + run, count: i - run)
                unicodeEscape(p[i + 2] == 0xA8 ? 0x2028 : 0x2029, into: out)
                i += 3
            } else {
                out.append(p + run, count: i - run)
                escape(b, into: out)
                i += 1
            }
            run = i
            i = plainPrefix(p, n, from: i)
        }
        out.append(p + run, count: n - run)
    }

    /// Where the first byte at or after `i` that may need escaping is (`n` if none): eight bytes a
    /// step while none of them can (most text, ASCII or CJK), then byte by byte.
    @inline(__always) private static func plainPrefix(_ p: UnsafePointer<UInt8>, _ n: Int, from i: Int) -> Int {
        var i = i
        while n - i >= 8, !mayNeedEscape(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) { i += 8 }
        while i < n {
            let b = p[i]
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 { return i }
            i += 1
        }
        return n
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Some byte of `word` is below `limit` (at most 0x80); exact as a yes/no.
    @inline(__always) private static func hasByte(below limit: UInt64, _ word: UInt64) -> Bool {
        (word &- ones &* limit) & ~word & highs != 0
    }

    /// Some byte is a control character, `"`, `\` or 0xE2 (the lead byte of U+2028/2029).
    @inline(__always) private static func mayNeedEscape(_ word: UInt64) -> Bool {
        hasByte(below: 0x20, word) || hasByte(below: 1, word ^ (ones &* 0x22))
            || hasByte(below: 1, word ^ (ones &* 0x5C)) || hasByte(below: 1, word ^ (ones &* 0xE2))
    }

    private static func escape(_ b: UInt8, into out: ByteBuffer) {
        let short: UInt8
        switch b {
        case 0x22: short = 0x22
        case 0x5C: short = 0x5C
        case 0x0A: short = 0x6E
        case 0x0D: short = 0x72
        case 0x09: short = 0x74
        case 0x08: short = 0x62
        case 0x0C: short = 0x66
        default: unicodeEscape(UInt32(b), into: out); return
        }
        out.append(0x5C)
        out.append(short)
    }

    private static func unicodeEscape(_ v: UInt32, into out: ByteBuffer) {
        out.append(0x5C); out.append(0x75)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex.utf8Start[Int((v >> UInt32(shift)) & 0xF)]) }
    }
}
