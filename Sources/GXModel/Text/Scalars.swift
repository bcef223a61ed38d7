/// The one table of which Unicode scalars the byte and scalar routes may treat as whole Characters.
///
/// Grapheme breaking costs a few hundred instructions a Character, and `String` compares under
/// canonical equivalence. Report text is almost all ASCII, CJK ideographs and CJK or full-width
/// punctuation, where every scalar is a Character of its own and equal only to itself, so most text
/// can be walked scalar by scalar, or compared byte by byte, with the Character-level result. The
/// tests (`ScalarPathTests`, `ByteRouteTests`, `TextPrimitivesTests`) hold the Character-level
/// references.
public enum Scalars {
    /// The scalar always forms a Character by itself next to any other scalar this accepts: its
    /// grapheme break property is Other (or Control other than CR), and none accepted is Extend,
    /// SpacingMark, Prepend, ZWJ, a regional indicator, a Hangul jamo or an Indic conjunct part, so
    /// no rule of UAX #29 joins two of them. (LF is accepted: only a CR, never accepted, joins it.)
    @inlinable
    public static func standsAlone(_ v: UInt32) -> Bool {
        switch v {
        case 0x00...0x0C, 0x0E...0x7F, 0xA0...0xFF,
             0x2010...0x2027, 0x2030...0x205E, 0x2150...0x218F, 0x2460...0x25FF,
             0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xFE30...0xFE4F, 0xFF01...0xFF9D, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }

    /// Stands alone and has no canonical decomposition, and no other scalar decomposes to it: text
    /// of such scalars is its own normal form, so comparing its bytes is comparing its Characters.
    /// (CJK punctuation stops at U+3029: U+302A…302F are combining tone marks. The compatibility
    /// ideographs U+F900… decompose to other ideographs; Latin-1 letters decompose.)
    @inlinable
    public static func isPlain(_ v: UInt32) -> Bool {
        switch v {
        case 0x00...0x0C, 0x0E...0x7F,
             0x2010...0x2027, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xFF01...0xFF5E:
            return true
        default:
            return false
        }
    }

    /// Every scalar of `text` stands alone, so each is one Character.
    public static func eachStandsAlone<S: StringProtocol>(_ text: S) -> Bool {
        UTF8Scalar.allScalars(text) { v, _ in standsAlone(v) }
    }

    /// Every scalar of `text` is plain: its Characters are its scalars and equal bytes are equal text.
    public static func isPlain<S: StringProtocol>(_ text: S) -> Bool {
        UTF8Scalar.allScalars(text) { v, _ in isPlain(v) }
    }
}
