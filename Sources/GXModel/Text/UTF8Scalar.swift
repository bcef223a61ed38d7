/// The one UTF-8 decoder of the byte routes, and the one check of untrusted bytes. Text reaches
/// `decode` from a Swift `String`'s storage, which is always valid UTF-8, so it reads a scalar from
/// its lead byte without checking what follows; bytes from outside (a page before its encoding is
/// known, a file name) go through `validLength` first.
/// `Tests/GXModelTests/TextPrimitivesTests` checks it against `String.unicodeScalars`.
public enum UTF8Scalar {
    /// How many bytes the scalar led by `lead` takes (a continuation byte counts one).
    @inlinable @inline(__always)
    public static func length(lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar starting at `i` and its length in bytes. `b` holds valid UTF-8 from `i` on.
    @inlinable @inline(__always)
    public static func decode<C: RandomAccessCollection>(_ b: C, at i: Int) -> (value: UInt32, length: Int)
    where C.Element == UInt8, C.Index == Int {
        let lead = b[i]
        switch length(lead: lead) {
        case 1: return (UInt32(lead), 1)
        case 2: return (UInt32(lead & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2)
        case 3: return (UInt32(lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
        default:
            return (UInt32(lead & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                    | UInt32(b[i + 3] & 0x3F), 4)
        }
    }

    /// Calls `body` with each scalar of `text` (value, UTF-8 offset) until it returns false; returns
    /// whether the walk reached the end. Reads the string's bytes in place when it is contiguous.
    @inlinable
    public static func allScalars<S: StringProtocol>(_ text: S, _ body: (UInt32, Int) -> Bool) -> Bool {
        func walk<C: RandomAccessCollection>(_ b: C) -> Bool where C.Element == UInt8, C.Index == Int {
            var i = b.startIndex
            while i < b.endIndex {
                let (value, n) = decode(b, at: i)
                guard body(value, i - b.startIndex) else { return false }
                i += n
            }
            return true
        }
        return text.utf8.withContiguousStorageIfAvailable(walk) ?? walk(Array(text.utf8))
    }

    /// The length of the valid UTF-8 sequence starting at `i` (RFC 3629: no overlongs, no
    /// surrogates, nothing past U+10FFFF), or 0 when the byte there starts none.
    @inlinable
    public static func validLength<C: RandomAccessCollection>(_ b: C, at i: Int) -> Int where C.Element == UInt8, C.Index == Int {
        let lead = b[i]
        func cont(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool { i + k < b.endIndex && range.contains(b[i + k]) }
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0...0xBF) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80...0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90...0xBF) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80...0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}
