/// The one UTF-8 decoder of the byte routes. Text arrives here from a Swift `String`'s storage, which
/// is always valid UTF-8, so it reads a scalar from its lead byte without checking what follows;
/// untrusted bytes are checked first (`String(validating:)`, `PageDecoder`'s `UTF8Check`).
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
}
