import Testing
@testable import GXModel

@Suite struct TableGridTests {
    @Test func placedCellsCoverTheirSpansOnce() {
        var t = Table(source: .unknown)
        t.place(TableCell(row: 0, column: 0, rowSpan: 1, columnSpan: 3, source: .unknown))
        t.place(TableCell(row: 1, column: 0, source: .unknown))
        t.place(TableCell(row: 1, column: 1, source: .unknown))
        #expect(t.rowCount == 2)
        #expect(t.columnCount == 3)
        #expect(t.cellIndex(row: 0, column: 2) == 0)
        #expect(t.isCovered(row: 0, column: 1))
        #expect(!t.isCovered(row: 0, column: 0))
        #expect(t.cellIndex(row: 1, column: 2) == nil, "a slot no cell covers stays empty, not shifted")
        #expect(t.anchoredCells(inRow: 0).count == 1)
    }

    @Test func verticalAndHorizontalExtension() {
        var t = Table(source: .unknown)
        let a = t.place(TableCell(row: 0, column: 0, source: .unknown))
        t.place(TableCell(row: 0, column: 1, source: .unknown))
        t.extendDown(cellIndex: a, toRow: 2)
        #expect(t.cells[a].rowSpan == 3)
        #expect(t.cellIndex(row: 2, column: 0) == a)
        t.extendRight(cellIndex: a, by: 1)
        #expect(t.cells[a].columnSpan == 2)
        #expect(t.cellIndex(row: 2, column: 1) == a)
    }

    @Test func growingKeepsExistingSlots() {
        var t = Table(source: .unknown)
        t.place(TableCell(row: 0, column: 1, source: .unknown))
        t.ensure(rows: 3, columns: 5)
        #expect(t.cellIndex(row: 0, column: 1) == 0)
        #expect(t.cellIndex(row: 0, column: 0) == nil)
        #expect(t.slots.count == 15)
    }
}
