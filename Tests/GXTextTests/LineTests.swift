import Testing
import GXModel
@testable import GXText

@Suite struct LineTests {
    @Test func bookmarkMarkersBecomeMetadataWithTheirColumns() {
        let lines = LineSplitter.split("\t[bookmark: _Hlk66973412]一、本年新收\n[bookmark: bad name]x")
        #expect(lines[0].text == "\t一、本年新收")
        #expect(lines[0].bookmarks.map(\.name) == ["_Hlk66973412"])
        #expect(lines[0].bookmarks[0].offset == 1)
        #expect(lines[0].column(at: 0) == 1)
        #expect(lines[0].column(at: 1) == 2 + "[bookmark: _Hlk66973412]".count, "text after the marker keeps its input column")
        #expect(lines[1].text == "[bookmark: bad name]x", "not a marker: kept as text")
    }

    @Test func lineEndingsAndFormFeeds() {
        let lines = LineSplitter.split("a\r\nb\rc\n\u{0C}d\ne")
        #expect(lines.map(\.text) == ["a", "b", "c", "d", "e"])
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
        #expect(lines[3].pageBreakBefore)
    }

    @Test func pageFooters() {
        for footer in ["-1-", "- 12 -", "— 4 —", "－3－", "第 2 页", "第2页 共5页", "  一 7 一  "] {
            #expect(LineSplitter.isFooter(footer), "\(footer)")
        }
        for text in ["0", "12", "一、总体情况", "2023年", "-1", "第二十条第（一）项"] {
            #expect(!LineSplitter.isFooter(text), "\(text)")
        }
    }

    @Test func fieldsSplitOnTabsOrColumnGaps() {
        #expect(Tokenizer.fields("a\t\tb", baseOffset: 0, separators: .tabs).map(\.text) == ["a", "", "b"])
        let spaced = Tokenizer.fields("  规章      0   0 0", baseOffset: 0, separators: .spaces)
        #expect(spaced.map(\.text) == ["规章", "0", "0 0"])
        #expect(spaced.map(\.offset) == [2, 10, 14])
        #expect(Tokenizer.fields("| 0 | o |", baseOffset: 0, separators: .spacesAndBars).map(\.text) == ["0", "o"])
    }

    @Test func ocrValuesAreReadCautiously() {
        #expect(ValueReader.read("o", ocr: true)?.text == "0")
        #expect(ValueReader.read("“2", ocr: true)?.text == "2")
        #expect(ValueReader.read("o", ocr: false) == nil)
        #expect(ValueReader.read("olo", ocr: true) == nil, "mixed confusables are never guessed")
        #expect(ValueReader.read("09010191919049", ocr: true) == nil, "debris, not a count")
        #expect(ValueReader.read("256.1789", ocr: false)?.text == "256.1789")
    }

    @Test func labelScoreToleratesOCR() {
        let label = LabelScore.key("2.其他法律行政法规禁止公开")
        #expect(LabelScore.dice(label, LabelScore.key("其他法律行政法规禁止公开")) == 1)
        #expect(LabelScore.dice(label, LabelScore.key("2其他法律行政法规茜上公开")) > 0.8)
        #expect(LabelScore.dice(LabelScore.key("其他"), LabelScore.key("部分公开（区分处理的，只计这一情形，不计其他情形）")) < 0.3)
    }
}
