import Testing
import GXModel
import GXTemplate
@testable import GXText

/// The byte- and scalar-level paths against the Character-level code they replace.
@Suite struct ScalarPathTests {
    static let tricky: [String] = [
        "", "\n", "\r", "\r\n", "\n\n", "\r\r\n\n", "a\r\nb\rc\n\u{0C}d\ne", "\u{0C}", "\u{0C}\u{0C}x", "ab\u{0C}cd\u{0C}\u{0C}ef\n",
        "e\u{301}\u{0C}x\r\ny", "\u{0C}\u{301}z", " \u{301}\t表\u{0C}值", "👍🏽 1\u{0C}👨‍👩‍👧 2\n3", "🇨🇳\u{0C}🇨🇳\r",
        "第 2 页\n- 1 -\n\u{0C}— 4 —\r\n", "x\n", "x\r", "\t[bookmark: _Hlk1]一、\u{0C}[bookmark: _Hlk2]二\n",
        "한국어\u{0C}각\n", "ﾊﾟ\u{0C}ｶﾞ", "〇〇\u{302A}\u{0C}\u{3000}a", "a\u{0B}b\u{85}c\u{2028}d\n",
    ]

    @Test func splitMatchesTheCharacterWalk() {
        for text in Self.tricky {
            let new = LineSplitter.split(text)
            let old = Self.referenceSplit(text)
            #expect(new.map(\.text) == old.map(\.text), "\(text.debugDescription)")
            #expect(new.map(\.number) == old.map(\.number), "\(text.debugDescription)")
            #expect(new.map(\.startColumn) == old.map(\.startColumn), "\(text.debugDescription)")
            #expect(new.map(\.pageBreakBefore) == old.map(\.pageBreakBefore), "\(text.debugDescription)")
            #expect(new.map(\.isFooter) == old.map(\.isFooter), "\(text.debugDescription)")
        }
    }

    @Test func linePropertiesMatchTheirCharacterDefinitions() {
        let samples = Self.tricky.flatMap { $0.split(omittingEmptySubsequences: false) { $0.isNewline } }.map(String.init)
            + ["  ", "\u{3000}\u{3000}", " \u{301}", "\u{3000}\u{302A}", "\t\t", "  表  ", "表 \u{301}", " \u{0600}x ",
               "— 4 —", " \u{301}- 1 -", "第\u{301}2页", "一 7 一", "\u{00A0}－3－", "\u{2028}x", "x\u{200A}", "x \u{301}",
               "\u{3000}\u{3000}一、总体情况\u{3000}", "三、收到和处理政府信息公开申请情况", "\u{F9D3}、其他需要报告的事项", "四\u{301}、行政复议"]
        for s in samples {
            let line = TextLine(number: 1, startColumn: 1, text: s, bookmarks: [], pageBreakBefore: false, removed: [])
            #expect(line.isBlank == s.allSatisfy(\.isWhitespace), "\(s.debugDescription)")
            #expect(line.hasTab == s.contains("\t"), "\(s.debugDescription)")
            #expect(line.startsWithTab == s.hasPrefix("\t"), "\(s.debugDescription)")
            if line.isSimple { #expect(s.count == s.unicodeScalars.count, "\(s.debugDescription)") }
            #expect(s.trimmingWhitespace == Self.referenceTrim(s), "\(s.debugDescription)")
            #expect(DisplayWidth.of(s) == s.unicodeScalars.reduce(0) { $0 + (DisplayWidth.isWide($1.value) ? 2 : 1) })
            if LineSplitter.cannotBeFooter(s) { #expect(!LineSplitter.hasFooterShape(s), "\(s.debugDescription)") }
            if LineSplitter.tooLongForFooter(s) { #expect(!LineSplitter.hasFooterShape(s), "\(s.debugDescription)") }
            let t = s.trimmingWhitespace
            if !RegionFinder.mayOpenSection(t) { #expect(SectionHeadings.match(t) == nil, "\(t.debugDescription)") }
        }
    }

    /// Every scalar the fast paths accept is a Character of its own next to any other accepted one.
    @Test func acceptedScalarsNeverJoin() {
        let ranges: [ClosedRange<UInt32>] = [0x09...0x09, 0x20...0x7E, 0xA0...0xFF, 0x2010...0x2027, 0x2030...0x205E,
                                             0x2150...0x218F, 0x2460...0x25FF, 0x3000...0x3029, 0x3030...0x303F,
                                             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFE30...0xFE4F, 0xFF01...0xFF9D, 0xFFE0...0xFFE6]
        let all = ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init)
        #expect(all.allSatisfy { Scalars.standsAlone($0.value) })
        #expect(!Scalars.standsAlone(0x302A) && !Scalars.standsAlone(0xFF9E) && !Scalars.standsAlone(0x200D))
        // Each accepted scalar between each of a set of neighbours from every range, and after itself.
        let neighbours = ranges.map { Unicode.Scalar($0.lowerBound)! } + ranges.map { Unicode.Scalar($0.upperBound)! }
        for n in neighbours {
            var view = String.UnicodeScalarView()
            for u in all { view.append(n); view.append(u); view.append(u) }
            view.append(n)
            let s = String(view)
            #expect(s.count == s.unicodeScalars.count, "next to U+\(String(n.value, radix: 16))")
        }
    }

    // MARK: The Character-level code the fast paths replace

    static func referenceSplit(_ text: String) -> [TextLine] {
        var lines: [TextLine] = []
        var number = 1
        var current = ""
        var startColumn = 1
        var column = 1
        var pageBreak = false
        var previousWasCR = false

        func finish() {
            lines.append(LineSplitter.make(current, number: number, startColumn: startColumn, pageBreak: pageBreak))
            current = ""
            pageBreak = false
        }
        for ch in text {
            switch ch {
            case "\r\n", "\n":
                if previousWasCR && ch == "\n" { previousWasCR = false; continue }
                finish(); number += 1; column = 1; startColumn = 1
            case "\r":
                finish(); number += 1; column = 1; startColumn = 1
                previousWasCR = true
                continue
            case "\u{0C}":
                if !current.isEmpty { finish() }
                pageBreak = true
                column += 1
                startColumn = column
            default:
                current.append(ch)
                column += 1
            }
            previousWasCR = false
        }
        if !current.isEmpty || pageBreak { finish() }
        return lines
    }

    static func referenceTrim(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
