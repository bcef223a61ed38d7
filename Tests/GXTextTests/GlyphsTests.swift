import Testing
import GXModel
@testable import GXText

/// The tokenizer reads lines through `Glyphs`; these compare it with the Character arrays it replaced.
@Suite struct GlyphsTests {
    static let samples = [
        "", "  规章      0   0 0", "| 0 | o |", "a\t\tb", "\t一、本年新收\t\t3\t 4 ", "行政\u{3000}复议  12\u{00A0}\u{00A0}7",
        "e\u{301}  1  2", " \u{301}\t\u{301}x", "👨‍👩‍👧  5｜6", "🇨🇳 🇨🇳  0", "한국어  각", "ﾊﾟ  ｶﾞ", "〇〇\u{302A}  1 2 3",
        "（一）予以公开  12  3 4   5", "\u{3000}\u{3000}x\u{3000}y", "a|b｜c", "1\u{20E3}  2",
    ]

    @Test func glyphsAgreeWithCharacters() {
        for s in Self.samples {
            let chars = Array(s)
            for g in [Glyphs(s, simple: Scalars.eachStandsAlone(s)), Glyphs(s, simple: false)] {
                #expect(g.count == chars.count, "\(s.debugDescription)")
                for k in 0..<chars.count {
                    #expect(g.isWhitespace(k) == chars[k].isWhitespace)
                    #expect(g.isScalar(k, 0x20) == (chars[k] == " "))
                    #expect(g.widthBefore[k] == DisplayWidth.of(String(chars[..<k])))
                    #expect(g.string(k..<chars.count) == String(chars[k...]))
                }
            }
        }
    }

    @Test func fieldsMatchTheCharacterArrayVersion() {
        for s in Self.samples {
            for separators in [Tokenizer.Separators.tabs, .spaces, .spacesAndBars] {
                let new = Tokenizer.fields(s, baseOffset: 3, separators: separators)
                let old = Self.referenceFields(s, baseOffset: 3, separators: separators)
                #expect(new.map(\.text) == old.map(\.text), "\(s.debugDescription) \(separators)")
                #expect(new.map(\.offset) == old.map(\.offset), "\(s.debugDescription) \(separators)")
            }
        }
    }

    /// The field rules restated on Character arrays: tab fields trimmed (empty ones kept); otherwise
    /// cut at tabs, bars (when asked) and gap runs two columns wide, gaps trimmed, empty pieces dropped.
    static func referenceFields(_ text: String, baseOffset: Int, separators: Tokenizer.Separators) -> [(text: String, offset: Int)] {
        let chars = Array(text)
        func piece(_ range: Range<Int>, trimming drop: (Character) -> Bool) -> (text: String, offset: Int)? {
            guard let a = range.first(where: { !drop(chars[$0]) }), let b = range.last(where: { !drop(chars[$0]) }) else { return nil }
            return (String(chars[a...b]), baseOffset + a)
        }
        var cuts = chars.indices.filter { chars[$0] == "\t" }
        if separators == .tabs {
            let bounds = [-1] + cuts + [chars.count]
            return zip(bounds, bounds.dropFirst()).map { piece(($0 + 1)..<$1, trimming: \.isWhitespace) ?? ("", baseOffset + $1) }
        }
        let gap: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\u{00A0}" }
        if separators == .spacesAndBars { cuts += chars.indices.filter { chars[$0] == "|" || chars[$0] == "｜" } }
        var k = 0
        while k < chars.count {
            let run = chars[k...].prefix(while: gap)
            if run.reduce(0, { $0 + ($1 == "\u{3000}" ? 2 : 1) }) >= 2 { cuts += k..<(k + run.count) }
            k += max(run.count, 1)
        }
        let bounds = [-1] + Set(cuts).sorted() + [chars.count]
        return zip(bounds, bounds.dropFirst()).compactMap { piece(($0 + 1)..<$1, trimming: gap) }
    }
}
