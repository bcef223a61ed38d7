import Testing
@testable import GXDocx
import GXModel

@Suite struct GridAlgorithmTests {
    @Test func gridSpanAndVerticalMergeMakeRealSpans() throws {
        let doc = try readDocument(tbl(grid: 3,
            tr(tc("top-left", "<w:vMerge w:val=\"restart\"/>"), tc("span", "<w:gridSpan w:val=\"2\"/>")),
            tr(tc("", "<w:vMerge/>"), tc("a"), tc("b")),
            tr(tc("", "<w:vMerge w:val=\"continue\"/>"), tc("c"), tc("d"))))
        let t = try #require(doc.tables.first)
        #expect(t.rowCount == 3 && t.columnCount == 3)
        let topLeft = try #require(t.cell(row: 0, column: 0))
        #expect(topLeft.text == "top-left")
        #expect(topLeft.rowSpan == 3)
        #expect(t.cellIndex(row: 2, column: 0) == t.cellIndex(row: 0, column: 0), "continuation is a covered slot")
        #expect(t.cell(row: 0, column: 2)?.text == "span")
        #expect(t.cell(row: 0, column: 1)?.columnSpan == 2)
        #expect(t.cell(row: 2, column: 2)?.text == "d")
        #expect(t.cells.count == 6, "no duplicated cells")
        #expect(doc.diagnostics.isEmpty)
    }

    @Test func legacyHorizontalMergeWidensTheCellToTheLeft() throws {
        let doc = try readDocument(tbl(grid: 3,
            tr(tc("merged", "<w:hMerge w:val=\"restart\"/>"), tc("", "<w:hMerge/>"), tc("x")),
            tr(tc("1"), tc("2"), tc("3"))))
        let t = try #require(doc.tables.first)
        #expect(t.cell(row: 0, column: 1)?.text == "merged")
        #expect(t.cell(row: 0, column: 0)?.columnSpan == 2)
        #expect(t.cell(row: 0, column: 2)?.text == "x")
    }

    @Test func gridBeforeAndAfterKeepColumnsAligned() throws {
        let doc = try readDocument(tbl(grid: 4,
            tr(tc("a"), tc("b"), tc("c"), tc("d")),
            "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/></w:trPr>" + tc("B") + tc("C") + "</w:tr>"))
        let t = try #require(doc.tables.first)
        #expect(t.cell(row: 1, column: 1)?.text == "B")
        #expect(t.cell(row: 1, column: 2)?.text == "C")
        #expect(t.cell(row: 1, column: 0) == nil)
        #expect(t.cell(row: 1, column: 3) == nil)
    }

    @Test func rowsAndCellsInsideContentControlsAndCustomXML() throws {
        let doc = try readDocument(tbl(grid: 2,
            "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/><w:placeholder><w:docPart w:val=\"p\"/></w:placeholder></w:sdtPr><w:sdtContent>"
                + tr(tc("r1a"), "<w:sdt><w:sdtPr/><w:sdtContent>" + tc("r1b") + "</w:sdtContent></w:sdt>") + "</w:sdtContent></w:sdt>",
            tr("<w:customXml w:element=\"c\">" + tc("r2a") + "</w:customXml>", tc("r2b"))))
        let t = try #require(doc.tables.first)
        #expect(t.rowCount == 2)
        #expect(t.cell(row: 0, column: 1)?.text == "r1b")
        #expect(t.cell(row: 1, column: 0)?.text == "r2a")
        #expect(t.cell(row: 1, column: 1)?.text == "r2b")
    }

    @Test func missingOrShortGridIsWidenedAndSaidSo() throws {
        let doc = try readDocument(tbl(grid: nil, tr(tc("a"), tc("b"), tc("c"))) + tbl(grid: 1, tr(tc("a"), tc("b"))))
        #expect(doc.tables.map(\.columnCount) == [3, 2])
        #expect(doc.diagnostics.filter { $0.code == "GX-W-GRID-WIDENED" }.count == 2)
    }

    @Test func deletedRowsAreSkippedAndNestedTablesStayNested() throws {
        let doc = try readDocument(tbl(grid: 1,
            tr(tc("keep")),
            "<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"a\"/></w:trPr>" + tc("gone") + "</w:tr>",
            tr("<w:tc>" + p("outer") + tbl(grid: 1, tr(tc("inner"))) + "</w:tc>")))
        let t = try #require(doc.tables.first)
        #expect(t.rowCount == 2)
        #expect(t.cell(row: 1, column: 0)?.text == "outer")
        let nested = t.cell(row: 1, column: 0)!.blocks.compactMap { if case .table(let n) = $0 { n } else { nil } }
        #expect(nested.first?.cell(row: 0, column: 0)?.text == "inner")
        #expect(doc.tables.count == 1, "the nested table is not lifted to the body")
    }

    @Test func spansBeyondTheLimitAreRefused() {
        #expect(throws: GXError.self) {
            try readDocument(tbl(grid: 1, tr(tc("x", "<w:gridSpan w:val=\"100000\"/>"))))
        }
    }
}

@Suite struct GridLimitTests {
    @Test func aHundredThousandCellRowStopsAtTheColumnLimit() throws {
        let row = "<w:tbl><w:tr>" + String(repeating: "<w:tc><w:p/></w:tc>", count: 100_000) + "</w:tr></w:tbl>"
        #expect {
            try DocxReader.readMainPart(wordDocument(row))
        } throws: { error in
            guard let e = error as? GXError else { return false }
            return e.code == .limit && e.message.contains("grid column")
        }
    }
}
