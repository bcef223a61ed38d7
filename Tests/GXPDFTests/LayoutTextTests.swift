import Testing
import GXModel
@testable import GXPDF

/// Positioned words → lines and columns: the geometry the table reader relies on.
@Suite struct LayoutTextTests {
    static func word(_ text: String, _ x: Double, _ y: Double, size: Double = 10) -> PDFWord {
        PDFWord(text: text, box: PageBox(x0: x, y0: y, x1: x + Double(text.count) * size * 0.9, y1: y + size), fontSize: size)
    }

    /// Numbers centred between the two lines of a wrapped label form a line of their own, and words
    /// given in reading order (down the columns) come out left to right.
    @Test func wordsAreGroupedIntoPhysicalLines() {
        let page = PDFPage(number: 1, width: 595, height: 842, words: [
            Self.word("12", 300, 106), Self.word("（二）部分公开", 60, 100), Self.word("3", 200, 106),
            Self.word("只计这一情形", 60, 112),
        ])
        let lines = PhysicalLines.lines(page)
        #expect(lines.map { $0.words.map(\.text) } == [["（二）部分公开"], ["3", "12"], ["只计这一情形"]])
    }

    /// Columns follow x: a value under a header starts near the header's column; a column gap is at
    /// least two spaces; each word's place maps back to its box.
    @Test func wordsKeepTheirColumnsAndBoxes() throws {
        let page = PDFPage(number: 2, width: 595, height: 842, words: [
            Self.word("信息内容", 60, 100), Self.word("本年制发件数", 200, 100),
            Self.word("规章", 60, 120), Self.word("0", 230, 120),
        ])
        let layout = LayoutText(pages: [page])
        let lines = layout.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.first), row = try #require(lines.first { $0.hasPrefix("规章") })
        let headerColumn = DisplayWidthProbe.column(of: "本年制发件数", in: header)
        let valueColumn = DisplayWidthProbe.column(of: "0", in: row)
        #expect(valueColumn > headerColumn && valueColumn < headerColumn + 12)
        #expect(row.contains("规章  "))
        let n = try #require(lines.firstIndex { $0.hasPrefix("规章") }) + 1
        let offset = try #require(Array(row).firstIndex(of: "0"))
        let placed = try #require(layout.place(line: n, column: offset + 1, visible: 1))
        #expect(placed.page == 2 && placed.box?.x0 == 230)
    }

    @Test func aSecondPageStartsWithAFormFeed() {
        let pages = [PDFPage(number: 1, width: 595, height: 842, words: [Self.word("一", 60, 100)]),
                     PDFPage(number: 2, width: 595, height: 842, words: [Self.word("二", 60, 100)])]
        #expect(LayoutText(pages: pages).text == "一\n\u{0C}二\n")
    }
}

/// Display column (CJK = 2) at which `needle` starts in `line`.
enum DisplayWidthProbe {
    static func column(of needle: String, in line: String) -> Int {
        let chars = Array(line), target = Array(needle)
        guard let start = (0...max(0, chars.count - target.count)).first(where: { Array(chars[$0..<min(chars.count, $0 + target.count)]) == target })
        else { return -1 }
        return String(chars[..<start]).unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }
}
