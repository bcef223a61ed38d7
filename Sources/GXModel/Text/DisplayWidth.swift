/// The one display width: columns of a text as `pdftotext -layout` and terminals count them, a CJK
/// or full-width character taking two. The text reader measures hard-wrapped lines and column
/// gaps with it; the PDF reader lays positioned words out into the same columns.
public enum DisplayWidth {
    /// Columns of `text`: one per scalar, two for a wide one.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var width = 0
        _ = UTF8Scalar.allScalars(text) { v, _ in
            width += columns(v)
            return true
        }
        return width
    }

    @inlinable @inline(__always)
    public static func columns(_ value: UInt32) -> Int { isWide(value) ? 2 : 1 }

    /// East Asian wide and full-width scalars (Hangul, kana, CJK, their punctuation and
    /// compatibility forms, full-width ASCII), and the curly double quotes Chinese fonts print wide.
    @inlinable
    public static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x201C, 0x201D:
            return true
        default:
            return false
        }
    }
}
