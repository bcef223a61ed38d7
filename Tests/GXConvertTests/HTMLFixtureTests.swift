import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXExport
import GXModel

/// Every HTML fixture (portal pages in UTF-8 and GBK, Word "Save as HTML", WPS paste, LibreOffice
/// exports, a page of blank cells, the 2019 variant, seed 001 as a portal page) against its
/// expected file: every table cell's text and kind, agency, year, date, sections and bookmarks.
@Suite struct HTMLFixtureTests {
    static let fixtures = Fixtures.files("html", ext: "html")

    @Test func thereAreFixturesOfEveryKind() {
        let names = Self.fixtures.map(\.lastPathComponent)
        #expect(names.count >= 7)
        for part in ["-lo", "gbk", "word", "blank", "2019", "seed001", "portal"] {
            #expect(names.contains { $0.contains(part) }, "a fixture named *\(part)*")
        }
    }

    @Test(arguments: fixtures)
    func fixtureConvertsToItsExpectedValues(_ url: URL) throws {
        let expected = try Fixtures.expectation(for: url)
        let report = try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
        #expect(report.source.format == .html)

        ReportExpectation(expected: expected).check(report)
        let firsts = expected["section_first_paragraph"] as! [String: Any]
        for section in report.sections where firsts[section.key] is NSNull {
            #expect(section.paragraphs.isEmpty || !(section.paragraphs.first ?? "").isEmpty)
        }
        // HTML sources name the element, as well as the table, row and cell.
        for cell in report.tables.flatMap(\.cells) where cell.kind == .number {
            #expect(cell.source.cell != nil, "cell index of \(cell.path)")
            #expect(cell.source.element?.hasPrefix("/html/body/") == true && cell.source.line > 0, "element path of \(cell.path)")
        }
    }
}
