import Foundation
import Testing
import GXTestSupport
import GXExport
import GXModel

/// `--to csv`: one record per template cell, RFC 4180, read back with a real CSV parser.
@Suite struct CSVExportTests {
    static func check(_ report: Report, _ bytes: [UInt8]) throws {
        let records = try CSVReader.parse(bytes)
        #expect(records.first == CSVWriter.header)
        let cells = report.tables.flatMap(\.cells)
        #expect(records.count == cells.count + 1, "one record per cell")
        for (record, cell) in zip(records.dropFirst(), cells) {
            let value = cell.kind == .number ? cell.number?.canonical ?? "" : ""
            #expect(record == [report.agency ?? "", report.year.map(String.init) ?? "", cell.path.table.rawValue, cell.path.row,
                               cell.path.column, value, cell.text, cell.kind.rawValue], "record of \(cell.path)")
        }
    }

    @Test(arguments: ExportFixtures.all)
    func everyCellReadsBack(_ url: URL) throws {
        let report = try ExportFixtures.report(url)
        try Self.check(report, CSVWriter.write(report))
    }

    @Test func quotingFollowsRFC4180() throws {
        let report = try ExportFixtures.hostile()
        let bytes = CSVWriter.write(report)
        try Self.check(report, bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#","1,2""3"# + "\n<4>\",text\r\n"), "comma, quote and LF quoted, quote doubled")
        #expect(text.hasPrefix("agency,year,table,row,column,value,text,kind\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").replacingOccurrences(of: "\n<4>", with: "").contains("\n"),
                "records end in CRLF; the only bare LF is inside the quoted field")
    }

    @Test func excelVariantStartsWithABOMAndIsOtherwiseTheSame() throws {
        let report = try ExportFixtures.report(ExportFixtures.all[0])
        let plain = CSVWriter.write(report)
        let excel = CSVWriter.write(report, excel: true)
        #expect(Array(excel.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(excel.dropFirst(3)) == plain)
    }

    @Test func blankIsNotZero() throws {
        let report = try ExportFixtures.report(Fixtures.root.appendingPathComponent("validation/blank-cells.docx"))
        let records = try CSVReader.parse(CSVWriter.write(report))
        let blanks = records.filter { $0[7] == "blank" }
        #expect(!blanks.isEmpty)
        #expect(blanks.allSatisfy { $0[5].isEmpty && $0[6].isEmpty })
    }

    @Test func parserRejectsBrokenCSV() {
        #expect(throws: CSVReader.ParseError.self) { try CSVReader.parse(Array("a,b\r\n\"x,y\r\n".utf8)) }
        #expect(throws: CSVReader.ParseError.self) { try CSVReader.parse(Array("a,b\r\n1,2,3\r\n".utf8)) }
        #expect(throws: CSVReader.ParseError.self) { try CSVReader.parse(Array("a,b\n1,2\n".utf8)) }
        #expect((try? CSVReader.parse(Array("a,b\r\n\"x\r\ny\",\"q\"\"\"\r\n".utf8))) == [["a", "b"], ["x\r\ny", "q\""]])
    }

    /// A killed batch leaves a record without its CRLF, perhaps inside a quoted field: only the
    /// records before it count, and their end says where to cut the file.
    @Test func completeRecordsLeaveOutACutOffLastRecord() throws {
        let whole = Array("file,text\r\na.docx,\"line one\r\nline two\"\r\n".utf8)
        let records = try CSVReader.completeRecords(whole)
        #expect(records.map(\.fields) == [["file", "text"], ["a.docx", "line one\r\nline two"]])
        #expect(records.last?.end == whole.count)
        for cut in [whole.count - 1, whole.count - 2, whole.count - 8, 12] {
            let partial = try CSVReader.completeRecords(Array(whole.prefix(cut)))
            #expect(partial.map(\.fields) == [["file", "text"]], "cut at \(cut)")
            #expect(partial.last?.end == 11)
        }
        #expect(throws: CSVReader.ParseError.self) { try CSVReader.completeRecords(Array("a,b\r\n1,2,3\r\n".utf8)) }
    }
}
