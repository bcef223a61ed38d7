/// Where Characters and Unicode scalars coincide. Grapheme breaking costs a few hundred
/// instructions a Character; report text is almost all ASCII, CJK ideographs and CJK or
/// full-width punctuation, where every scalar is a Character of its own, so most lines can be
/// read scalar by scalar with the same offsets, comparisons and results.
enum Scalars {
    /// The scalar always forms a Character by itself next to any other scalar of this list: its
    /// grapheme break property is Other (or Control other than CR and LF), and none of the list is
    /// Extend, SpacingMark, Prepend, ZWJ, a regional indicator, a Hangul jamo or an Indic
    /// conjunct part, so no rule of UAX #29 joins two of them.
    static func standsAlone(_ v: UInt32) -> Bool {
        switch v {
        case 0x09, 0x20...0x7E, 0xA0...0xFF,
             0x2010...0x2027, 0x2030...0x205E, 0x2150...0x218F, 0x2460...0x25FF,
             0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xFE30...0xFE4F, 0xFF01...0xFF9D, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }

    /// Every scalar of `text` stands alone, so each is one Character.
    static func eachStandsAlone(_ text: String) -> Bool {
        for u in text.unicodeScalars where !standsAlone(u.value) { return false }
        return true
    }
}
