import Testing
@testable import GXModel

/// The one fold, on UTF-8 bytes, gives what the same mapping written over Unicode scalars gives.
@Suite struct TextFoldTests {
    /// The mapping as it reads in `TextFold`'s doc comment, scalar by scalar.
    static func reference(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0xFF01...0xFF5E:
                let ascii = Unicode.Scalar(v - 0xFEE0)!
                if ascii == "\"" || ascii == "'" { continue }
                out.append(ascii)
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2000...0x200B, 0xFEFF:
                continue
            case 0x22, 0x27, 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F:
                continue
            case 0x2010...0x2015, 0x2212:
                out.append("-")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    static let samples = [
        "", "一、总体情况", "二、主动公开政府信息情况", "（一）收到和处理", "ａｂｃ：１２３", "来源：本网", "  2023年 ",
        "e\u{301}总体情况", "总体情况\u{301}", "处\u{F9E4}", "一\r\n二", "一\n二", "\u{3000}三、收到", "Kelvin \u{212A}",
        "〔2023〕1号", "“一”—…", "四.行政复议", "五、存在的主要问题\u{200D}", "扫一扫【打印】", "！～＠｀｛｝＂＇",
        "\u{00A0}a\u{00A0}", "😀 ｘ\t\n", "ÿ\u{10FFFF}", "「其他」『x』‘y’\"z'", "a\u{2010}b\u{2015}c\u{2212}d\u{2016}e\u{2017}",
        "\u{2000}\u{200B}\u{200C}\u{FEFF}\u{FEFE}\u{0B}\u{0C}", "\u{300B}\u{3010}\u{3001}", "\u{FF5F}\u{FF00}\u{FF3F}\u{FF40}\u{FF5E}",
        "部分公开（区分处理的，只计这一情形，不计其他情形）", "本年收费金额（单位：万元）",
    ]

    @Test func byteFoldMatchesTheScalarMapping() {
        for text in Self.samples {
            #expect(TextFold.fold(text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(TextFold.changes(text) == (Self.reference(text).unicodeScalars.elementsEqual(text.unicodeScalars) == false))
        }
        // Every scalar of the Basic Multilingual Plane's first pages and the full-width block, alone and between others.
        for v in Array(0x01...0x3100) + Array(0xFE00...0xFFFF) {
            guard let s = Unicode.Scalar(v) else { continue }
            let text = "a" + String(Character(s)) + "一"
            #expect(TextFold.fold(text) == Self.reference(text), "U+\(String(v, radix: 16))")
        }
    }
}
