import Testing
import GXModel
@testable import GXHTML

/// The HTML table model: occupancy, transparent row groups, th/td, nested tables, and spans that do
/// not add up — widened or cut back and reported, never shifted silently or allocated huge.
@Suite struct HTMLTableGridTests {
    @Test func rowspanAndColspanOccupySlots() throws {
        let doc = try Page.read(Page.body("""
        <table><thead><tr><th rowspan="2">项目</th><th colspan="2">数量</th></tr>
        <tr><th>甲</th><th>乙</th></tr></thead>
        <tbody><tr><td>a</td><td>1</td><td>2</td></tr></tbody>
        <tfoot><tr><td>合计</td><td colspan="2">3</td></tr></tfoot></table>
        """))
        let t = try #require(Page.tables(doc).first)
        #expect(t.rowCount == 4 && t.columnCount == 3)
        #expect(t.cell(row: 1, column: 0)?.text == "项目", "covered by the rowspan")
        #expect(t.isCovered(row: 1, column: 0))
        #expect(t.cell(row: 1, column: 1)?.text == "甲")
        #expect(t.cell(row: 1, column: 2)?.text == "乙")
        #expect(t.cell(row: 3, column: 2)?.text == "3")
        #expect(!doc.diagnostics.contains { $0.code == "GX-W-GRID-WIDENED" })
        let c = try #require(t.cell(row: 2, column: 2))
        #expect(c.source.table == 1 && c.source.row == 3 && c.source.cell == 3)
        #expect(c.source.element == "/html/body/table[1]/tbody[1]/tr[1]/td[3]")
        #expect(c.source.line > 0)
    }

    @Test func rowspanStopsAtItsRowGroupAndZeroRunsToTheEnd() throws {
        let doc = try Page.read(Page.body("""
        <table><tbody><tr><td rowspan="0">x</td><td>1</td></tr><tr><td>2</td></tr></tbody>
        <tbody><tr><td>y</td><td>3</td></tr></tbody></table>
        """))
        let t = try #require(Page.tables(doc).first)
        #expect(t.cell(row: 1, column: 0)?.text == "x")
        #expect(t.cell(row: 1, column: 1)?.text == "2")
        #expect(!doc.diagnostics.contains { $0.code == "GX-W-SPAN-CUT" }, "rowspan=0 is not an overrun")
        #expect(t.cell(row: 2, column: 0)?.text == "y")
    }

    @Test func shortRowsWidenTheGridAndAreReported() throws {
        let doc = try Page.read(Page.body("<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>"))
        let t = try #require(Page.tables(doc).first)
        #expect(t.columnCount == 3)
        #expect(t.cell(row: 1, column: 0)?.text == "d")
        #expect(t.cell(row: 1, column: 1) == nil, "nothing is shifted into the gap")
        #expect(doc.diagnostics.contains { $0.code == "GX-W-GRID-WIDENED" && $0.severity == .warning })
    }

    @Test func overlappingSpansAreCutBackAndReported() throws {
        // row 2's second cell claims colspan=2 over a slot row 1's rowspan already covers
        let doc = try Page.read(Page.body("""
        <table><tr><td>a</td><td>b</td><td rowspan="2">c</td></tr><tr><td>d</td><td colspan="2">e</td></tr></table>
        """))
        let t = try #require(Page.tables(doc).first)
        #expect(t.cell(row: 1, column: 2)?.text == "c", "the earlier cell keeps its slot")
        #expect(t.cell(row: 1, column: 1)?.text == "e")
        #expect(t.cell(row: 1, column: 1)?.columnSpan == 1)
        #expect(doc.diagnostics.contains { $0.code == "GX-W-SPAN-CUT" && $0.message.contains("overlaps") })
    }

    @Test func hugeSpansAreClampedNotAllocated() throws {
        let doc = try Page.read(Page.body("""
        <table><tr><td rowspan="65535" colspan="100000">big</td><td>x</td></tr><tr><td>y</td></tr></table>
        """))
        let t = try #require(Page.tables(doc).first)
        #expect(t.rowCount == 2)
        #expect(t.columnCount == 2)
        #expect(t.cells[0].columnSpan == 1)
        #expect(t.cells[0].rowSpan == 2)
        #expect(doc.diagnostics.contains { $0.code == "GX-W-SPAN-CUT" && $0.message.contains("clamped") && $0.message.contains("rowspan=65535") })
    }

    @Test func nestedTablesStayInTheirCell() throws {
        let doc = try Page.read(Page.body("<table><tr><td>外<table><tr><td>内</td></tr></table></td><td>b</td></tr></table>"))
        let tables = Page.tables(doc)
        #expect(tables.count == 1)
        let cell = try #require(tables.first?.cell(row: 0, column: 0))
        #expect(cell.text == "外")
        let nested = cell.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
        #expect(nested.first?.cell(row: 0, column: 0)?.text == "内")
        #expect(nested.first?.cell(row: 0, column: 0)?.source.table == 1)
    }

    @Test func aTableWithNoRowsIsSkippedWithAWarning() throws {
        let doc = try Page.read(Page.body("<p>前</p><table></table><table><tr></tr></table><p>后</p>"))
        #expect(Page.tables(doc).isEmpty)
        #expect(doc.diagnostics.filter { $0.code == "GX-W-EMPTY-TABLE" }.count == 2)
        #expect(Page.paragraphs(doc).map(\.text) == ["前", "后"])
    }

    @Test func cellsWithoutRowsAndUnclosedTagsAreRepaired() throws {
        let doc = try Page.read(Page.body("<table><td>1<td>2<tr><td>3</table><p>unclosed <b>bold <i>both"))
        let t = try #require(Page.tables(doc).first)
        #expect(t.cell(row: 0, column: 1)?.text == "2")
        #expect(t.cell(row: 1, column: 0)?.text == "3")
        #expect(Page.paragraphs(doc).last?.text == "unclosed bold both")
    }

    @Test func aReportTableWithItsHeadingInARowIsNotALayoutTable() throws {
        let doc = try Page.read(Page.body("""
        <table><tr><td colspan="5">四、政府信息公开行政复议、行政诉讼情况</td></tr>
        <tr><td colspan="5">行政复议</td></tr><tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
        <tr><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>
        """))
        #expect(Page.tables(doc).first?.rowCount == 4)
        #expect(!doc.diagnostics.contains { $0.code == "GX-I-LAYOUT-TABLE" })
    }

    @Test func deeplyNestedTablesWithinTheDepthLimitAreRead() throws {
        let depth = 80  // table/tr/td: 240 elements deep, under the 256 limit
        let html = Page.body(String(repeating: "<table><tr><td>", count: depth) + "核心" + String(repeating: "</td></tr></table>", count: depth))
        let doc = try Page.read(html)
        // single-cell tables that only wrap another table are layout: unwrapped down to the last one
        #expect(Page.paragraphs(doc).isEmpty)
        #expect(Page.tables(doc).count == 1)
        #expect(Page.tables(doc).first?.cell(row: 0, column: 0)?.text == "核心")
    }
}
