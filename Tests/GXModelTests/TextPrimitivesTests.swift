import Testing
@testable import GXModel

/// The text primitives' fast routes against the Character- and scalar-level definitions they stand in for.
@Suite struct TextPrimitivesTests {
    static let samples = [
        "", " ", "\n", "\r\n", "a", "一、总体情况", "  2023年 ", "\u{3000}\u{3000}一、总体情况\u{3000}", "12\n", "12\r\n",
        " \u{302A}", "\u{3000}\u{302A}", "〇〇\u{302A}", "e\u{301}", " \u{301}x ", "x \u{301}", "\u{00A0}－3－\u{00A0}",
        "👍🏽 1", "🇨🇳", "한국어", "ﾊﾟ", "处\u{F9E4}", "Kelvin \u{212A}", "\t表\t", "a\u{0B}b\u{85}c\u{2028}", "\u{0600}x ",
        "“一”—…", "ａｂｃ：１２３", "\u{1F600}\u{10FFFF}", "é", "\u{7F}\u{01}x",
    ]

    static func referenceTrim(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    @Test func decoderReadsWhatStringReads() {
        for s in Self.samples {
            var values: [UInt32] = [], offsets: [Int] = []
            _ = UTF8Scalar.allScalars(s) { v, at in values.append(v); offsets.append(at); return true }
            #expect(values == s.unicodeScalars.map(\.value), "\(s.debugDescription)")
            var at = 0
            #expect(offsets == s.unicodeScalars.map { u in defer { at += UTF8.width(u) }; return at })
        }
    }

    @Test func trimIsTheCharacterTrim() {
        for s in Self.samples {
            #expect(s.trimmingWhitespace == Self.referenceTrim(s), "\(s.debugDescription)")
            let inner = s.dropFirst()
            #expect(inner.trimmingWhitespace == Self.referenceTrim(String(inner)), "\(s.debugDescription)")
        }
    }

    @Test func plainTextComparesAsBytes() {
        for s in Self.samples where Scalars.isPlain(s) {
            #expect(s.count == s.unicodeScalars.count, "\(s.debugDescription)")
            #expect(Scalars.eachStandsAlone(s), "\(s.debugDescription)")
        }
        #expect(!Scalars.isPlain("处\u{F9E4}") && !Scalars.isPlain("一\r\n二") && !Scalars.isPlain("〇\u{302A}") && !Scalars.isPlain("é"))
        #expect(Scalars.isPlain("一、总体情况：ａ１\n〰"))
    }

    @Test func widthCountsWideScalarsTwice() {
        for s in Self.samples {
            #expect(DisplayWidth.of(s) == s.unicodeScalars.reduce(0) { $0 + (DisplayWidth.isWide($1.value) ? 2 : 1) })
            #expect(DisplayWidth.of(s[...]) == DisplayWidth.of(s))
        }
        #expect(DisplayWidth.of("一a“") == 5)
    }

    @Test func iconvRoundTripsAndCountsDamage() throws {
        let text = "政府信息公开年度报告 2023"
        let gb = try Iconv.fromUTF8(Array(text.utf8), to: "GB18030")
        #expect(Iconv.strictToUTF8(gb, from: "GB18030") == Array(text.utf8))
        let damaged = gb + [0x81]
        #expect(Iconv.strictToUTF8(damaged, from: "GB18030") == nil)
        let lossy = try Iconv.toUTF8(damaged, from: "GB18030")
        #expect(lossy.invalidSequences == 1)
        #expect(String(decoding: lossy.utf8, as: UTF8.self) == text + "\u{FFFD}")
        #expect(throws: Iconv.Failure.self) { try Iconv.toUTF8([0x41], from: "NO-SUCH-ENCODING") }
    }
}
