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

        #expect(report.agency == expected["agency"] as? String)
        #expect(report.year == expected["year"] as? Int)
        #expect(report.date == expected["date"] as? String)
        let templates = expected["template"] as! [String: Any]
        for key in StandardTableKey.allCases {
            #expect(report.table(key)?.variant?.rawValue == templates[key.rawValue] as? String, "template of \(key.rawValue)")
        }
        #expect(report.sections.map(\.key) == expected["sections"] as! [String])
        let firsts = expected["section_first_paragraph"] as! [String: Any]
        for section in report.sections {
            let first = section.paragraphs.first ?? ""
            #expect(first.hasPrefix(firsts[section.key] as? String ?? ""), "first paragraph of \(section.key): \(first.prefix(30))")
            if firsts[section.key] is NSNull { #expect(section.paragraphs.isEmpty || !first.isEmpty) }
        }

        let cells = Dictionary(uniqueKeysWithValues: report.tables.flatMap(\.cells).map { ($0.path.description, $0) })
        let expectedCells = expected["cells"] as! [String: [String: Any]]
        #expect(Set(cells.keys) == Set(expectedCells.keys), "the template's cells, no more and no fewer")
        for (path, want) in expectedCells {
            let got = try #require(cells[path], "cell \(path)")
            #expect(got.text == want["text"] as? String, "text of \(path)")
            #expect(got.kind.rawValue == want["kind"] as? String, "kind of \(path)")
            #expect(got.source.table != nil && got.source.row != nil && got.source.cell != nil, "source of \(path)")
            #expect(got.source.element?.hasPrefix("/html/body/") == true && got.source.line > 0, "element path of \(path)")
        }

        let bookmarks = report.bookmarks.map { "\($0.name)@\($0.path)" }.sorted()
        let wantBookmarks = (expected["bookmarks"] as! [[String: Any]]).map { "\($0["name"]!)@\($0["path"]!)" }.sorted()
        #expect(bookmarks == wantBookmarks)
    }

    @Test(arguments: fixtures)
    func canonicalJSONIsByteIdenticalForTheSameInput(_ url: URL) throws {
        let bytes = try Fixtures.bytes(url)
        let a = ReportJSON.write(try Converter.report(bytes, path: "x.html"))
        let b = ReportJSON.write(try Converter.report(bytes, path: "x.html"))
        #expect(a == b)
        let parsed = try JSONSerialization.jsonObject(with: Data(a.utf8)) as! [String: Any]
        #expect((parsed["source"] as? [String: Any])?["format"] as? String == "html")
    }
}
