import Foundation
import Testing
import GXTestSupport
import GXModel

/// Compares a report with a hand-written `*.expected.json` (format: Fixtures/docx/README.md). Shared
/// by the DOCX and text fixture tests so every adapter is held to the same expectations.
struct ReportExpectation {
    var expected: [String: Any]
    /// Tool output (pdftotext, OCR) cannot carry Word's hidden bookmarks.
    var checkBookmarks = true
    var checkDate = true
    /// Hard-wrapped text gains spaces (`2023 年`): compare first paragraphs without white space.
    var ignoreSpaceInParagraphs = false
    /// Cells whose printed text differs in the tool's output for a documented reason (path → text).
    var cellOverrides: [String: String] = [:]

    func check(_ report: Report, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let name = report.source.path
        #expect(report.agency == expected["agency"] as? String, "\(name): agency", sourceLocation: sourceLocation)
        #expect(report.year == expected["year"] as? Int, "\(name): year", sourceLocation: sourceLocation)
        if checkDate { #expect(report.date == expected["date"] as? String, "\(name): date", sourceLocation: sourceLocation) }
        let templates = expected["template"] as! [String: Any]
        for key in StandardTableKey.allCases {
            #expect(report.table(key)?.variant?.rawValue == templates[key.rawValue] as? String,
                    "\(name): template of \(key.rawValue)", sourceLocation: sourceLocation)
        }
        #expect(report.sections.map(\.key) == expected["sections"] as! [String], "\(name): sections", sourceLocation: sourceLocation)
        let firsts = expected["section_first_paragraph"] as! [String: Any]
        func squeeze(_ s: String) -> String { ignoreSpaceInParagraphs ? s.filter { !$0.isWhitespace } : s }
        for section in report.sections {
            let first = squeeze(section.paragraphs.first ?? "")
            #expect(first.hasPrefix(squeeze(firsts[section.key] as? String ?? "")),
                    "\(name): first paragraph of \(section.key): \(first.prefix(30))", sourceLocation: sourceLocation)
        }
        // Headings numbered by Word's list numbering: the number Word shows is part of the heading.
        for (key, heading) in expected["headings"] as? [String: String] ?? [:] {
            #expect(report.sections.first { $0.key == key }?.heading == heading, "\(name): heading of \(key)",
                    sourceLocation: sourceLocation)
        }
        checkCells(report, sourceLocation: sourceLocation)
        if checkBookmarks {
            let bookmarks = report.bookmarks.map { "\($0.name)@\($0.path)" }.sorted()
            let want = (expected["bookmarks"] as! [[String: Any]]).map { "\($0["name"]!)@\($0["path"]!)" }.sorted()
            #expect(bookmarks == want, "\(name): bookmarks", sourceLocation: sourceLocation)
        }
    }

    /// Every table cell: text and kind, and a source for every number.
    func checkCells(_ report: Report, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let name = report.source.path
        let cells = Dictionary(uniqueKeysWithValues: report.tables.flatMap(\.cells).map { ($0.path.description, $0) })
        let expectedCells = expected["cells"] as! [String: [String: Any]]
        #expect(Set(cells.keys) == Set(expectedCells.keys), "\(name): the template's cells, no more and no fewer",
                sourceLocation: sourceLocation)
        for (path, want) in expectedCells {
            guard let got = cells[path] else { continue }
            let text = cellOverrides[path] ?? want["text"] as? String
            #expect(got.text == text, "\(name): text of \(path)", sourceLocation: sourceLocation)
            if cellOverrides[path] == nil {
                #expect(got.kind.rawValue == want["kind"] as? String, "\(name): kind of \(path)", sourceLocation: sourceLocation)
            }
            if got.kind == .number {
                #expect(got.source.table != nil && got.source.row != nil, "\(name): source of \(path)", sourceLocation: sourceLocation)
            }
            // Money printed with a unit: the number in the header's unit, and the unit.
            if let value = want["value"] as? NSNumber {
                #expect(got.number.flatMap { Double($0.canonical) } == value.doubleValue, "\(name): value of \(path)",
                        sourceLocation: sourceLocation)
            }
            if let unit = want["unit"] as? String {
                #expect(got.unit == unit, "\(name): unit of \(path)", sourceLocation: sourceLocation)
            }
        }
    }

    /// `[{code, where}]` lists from an expected file as sortable strings.
    static func findings(_ expected: [String: Any], _ key: String) -> [String] {
        ((expected[key] as? [[String: Any]]) ?? []).map { "\($0["code"]!) \($0["where"]!)" }.sorted()
    }
}

extension Fixtures {
    /// Text made by a tool from `Fixtures/docx/<name>.docx` (`<name>.layout.txt`, `<name>.r200.txt`):
    /// its expected values are the DOCX's, with the overrides `Fixtures/text/derived-overrides.json` documents.
    static func derivedExpectation(for url: URL) throws -> ReportExpectation {
        let name = String(url.lastPathComponent.split(separator: ".")[0])
        let docx = root.appendingPathComponent("docx/\(name).expected.json")
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: docx)) as! [String: Any]
        let all = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("text/derived-overrides.json")))
            as! [String: [String: Any]]
        var expectation = ReportExpectation(expected: expected, checkBookmarks: false, ignoreSpaceInParagraphs: true)
        if let o = all[name] {
            expectation.cellOverrides = o["cells"] as? [String: String] ?? [:]
            expectation.checkDate = o["check_date"] as? Bool ?? true
            // What text without table structure must leave empty (the placement solver's abstentions).
            if url.path.contains("/text/"), let text = o["text_cells"] as? [String: String] {
                expectation.cellOverrides.merge(text) { _, new in new }
            }
        }
        return expectation
    }

    static func docxSource(for url: URL) -> URL {
        root.appendingPathComponent("docx/\(url.lastPathComponent.split(separator: ".")[0]).docx")
    }
}
