import Testing
import GXImaging
import GXModel
@testable import GXScan

@Suite struct StitchTests {
    /// A fragment of `rows` rows of two 100×50 cells each, at the top left of page `page`.
    func fragment(page: Int, y: Int, texts: [[String]]) -> ScannedTable {
        var cells: [ScannedCell] = []
        for (r, row) in texts.enumerated() {
            for (c, text) in row.enumerated() {
                cells.append(ScannedCell(box: PixelBox(x: 100 + c * 102, y: y + r * 52, width: 100, height: 50),
                                         text: text, confidence: 90, quality: nil))
            }
        }
        return ScannedTable(page: page, box: PixelBox(x: 98, y: y - 2, width: 208, height: texts.count * 52 + 2), cells: cells)
    }

    /// A table broken by a page is one table whose rows are the fragments' rows, end to end: the
    /// space between the fragments is no row (a row there would part a row broken by the page
    /// from its rest).
    @Test func aTableBrokenByAPageHasNoRowForTheBreak() {
        let first = fragment(page: 1, y: 2000, texts: [["甲", "1"], ["乙的一", "2"]])
        let second = fragment(page: 2, y: 200, texts: [["部分", ""], ["丙", "3"]])
        let pages = [1: ScannedPage(number: 1, width: 2481, height: 3508, dpi: 300, skew: 0, tables: [first], lines: []),
                     2: ScannedPage(number: 2, width: 2481, height: 3508, dpi: 300, skew: 0, tables: [second], lines: [])]
        let groups = TableStitcher.groups([first, second], pages: pages)
        #expect(groups.count == 1)
        let table = TableStitcher.table(groups[0], number: 1, dpi: 300)
        #expect(table.rowCount == 4)
        #expect(table.cells.map(\.text) == ["甲", "1", "乙的一", "2", "部分", "", "丙", "3"])
        #expect(table.cells.map(\.source.page) == [1, 1, 1, 1, 2, 2, 2, 2])
    }
}

@Suite struct CutTests {
    /// A cell cut out for OCR stands on white: the border added around it has no ink.
    @Test func aCutCellHasAWhiteBorder() throws {
        let width = 60, height = 40
        var samples = [UInt8](repeating: 255, count: width * height)
        for y in 10..<30 { for x in 0..<60 { samples[y * width + x] = 0 } }   // a bar from edge to edge
        let page = try #require(Raster.gray(width: width, height: height, samples: samples))
        let cut = try #require(page.clipped(PixelBox(x: 0, y: 5, width: 60, height: 30), border: 12))
        #expect(cut.width == 84 && cut.height == 54)
        let ink = try #require(cut.binarized())
        #expect(ink.count(in: PixelBox(x: 12, y: 17, width: 60, height: 20)) > 1000)
        #expect(ink.count(in: PixelBox(x: 0, y: 0, width: 84, height: 12)) == 0)
        #expect(ink.count(in: PixelBox(x: 0, y: 0, width: 12, height: 54)) == 0)
        #expect(ink.count(in: PixelBox(x: 72, y: 0, width: 12, height: 54)) == 0)
    }
}
