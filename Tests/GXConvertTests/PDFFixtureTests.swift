import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXExport
import GXModel

/// The PDF adapter against its fixtures: LibreOffice PDFs of the DOCX fixtures (the DOCX's values,
/// every cell), a report whose tables cross page breaks, and the two real 洪泽区 reports (values read
/// from the PDFs by hand, table 四's printed totals wrong in 2023). Every value carries its page and box.
@Suite struct PDFFixtureTests {
    static let fromDocx = Fixtures.files("pdf", ext: "pdf").filter { !$0.lastPathComponent.hasPrefix("hzq") }
    static let real = Fixtures.files("pdf", ext: "pdf").filter { $0.lastPathComponent.hasPrefix("hzq") }

    @Test func thereAreFixturesOfEveryKind() {
        #expect(Self.fromDocx.count >= 7)
        #expect(Self.real.count == 2)
    }

    @Test(arguments: fromDocx)
    func libreOfficePDFConvertsToTheDocxValues(_ url: URL) throws {
        let report = try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
        #expect(report.source.format == .pdf)
        // seed000-pagebreak.pdf is seed000-word.docx with empty paragraphs before table 二.
        let name = url.lastPathComponent == "seed000-pagebreak.pdf" ? "seed000-word.pdf" : url.lastPathComponent
        try Fixtures.derivedExpectation(for: URL(fileURLWithPath: name)).check(report)
        #expect(!report.tables.flatMap(\.cells).contains { $0.repair != nil || $0.lost }, "a text PDF needs no repair")
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.code) == ReportExpectation.findings(
            try Fixtures.expectation(for: Fixtures.root.appendingPathComponent("docx/" + name.replacingOccurrences(of: ".pdf", with: ".docx"))),
            "violations").map { String($0.split(separator: " ")[0]) })
    }

    @Test(arguments: real)
    func realReportConvertsToTheValuesReadFromThePDF(_ url: URL) throws {
        let report = try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
        let expected = try Fixtures.expectation(for: url)
        ReportExpectation(expected: expected, checkBookmarks: false, ignoreSpaceInParagraphs: true).check(report)
    }

    @Test func everyValueAndParagraphHasItsPageAndBox() throws {
        for url in Self.fromDocx + Self.real {
            let report = try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
            for cell in report.tables.flatMap(\.cells) where cell.kind == .number {
                #expect(cell.source.page != nil && cell.source.box != nil, "\(url.lastPathComponent): \(cell.path)")
                if let box = cell.source.box {
                    #expect(box.x0 < box.x1 && box.y0 < box.y1 && box.x1 <= 842 && box.y1 <= 842)
                }
            }
        }
    }

    /// The numbers' boxes are where the PDF prints them: table 三's 自然人 21 on page 3 of hzq2023,
    /// left of its 总计 21 on the same line.
    @Test func boxesAreWherePopplerSeesTheText() throws {
        let url = Fixtures.root.appendingPathComponent("pdf/hzq2023.pdf")
        let report = try Converter.report(try Fixtures.bytes(url), path: "hzq2023.pdf")
        let cells = Dictionary(uniqueKeysWithValues: report.tables.flatMap(\.cells).map { ($0.path.description, $0) })
        let person = try #require(cells["requests.new_received.natural_person"]?.source)
        let total = try #require(cells["requests.new_received.total"]?.source)
        #expect(person.page == 3 && total.page == 3)
        let a = try #require(person.box), b = try #require(total.box)
        #expect(a.x1 < b.x0)
        #expect(abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2) < 2)
        #expect(!report.tables.flatMap(\.cells).contains { $0.source.line > 0 }, "no line of an internal text leaks out")
    }

    /// The real 2023 report prints 总计 0 under 行政复议 (10 + 1) and under 复议后起诉 (5): both T4-SUM
    /// violations are found, on page 4, with the position of the cells.
    @Test func hzq2023TableFourViolationsAreFoundWithPageAndPosition() throws {
        let url = Fixtures.root.appendingPathComponent("pdf/hzq2023.pdf")
        let report = try Converter.report(try Fixtures.bytes(url), path: "hzq2023.pdf")
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["T4-SUM", "T4-SUM"])
        #expect(Set(errors.compactMap(\.subject)) == ["review_litigation.review", "review_litigation.litigation_after_review"])
        for d in errors {
            let line = DiagnosticText.line(d, file: "hzq2023.pdf")
            #expect(line.hasPrefix("hzq2023.pdf:page 4 (x "), "\(line)")
            #expect(line.contains(": error T4-SUM: "))
            #expect(d.cells.allSatisfy { $0.source.page == 4 && $0.source.box != nil })
        }
        let json = ReportJSON.write(report)
        #expect(json.contains("\"page\": 4"))
        #expect(json.contains("\"bbox\": ["))
        let clean = try Converter.report(try Fixtures.bytes(Fixtures.root.appendingPathComponent("pdf/hzq2024.pdf")), path: "hzq2024.pdf")
        #expect(!clean.diagnostics.contains { $0.severity == .error }, "a report whose tables add up gets no rule error")
    }
}
