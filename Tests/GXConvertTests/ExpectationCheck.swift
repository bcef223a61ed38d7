import Foundation
import Testing
import GXTestSupport
import GXModel

/// Compares a report model with a hand-written `*.expected.json` (format: Fixtures/docx/README.md):
/// agency, year, date, template variants, section keys and first paragraphs, every table cell's
/// printed text and kind, and every bookmark with the path of what it marks.
enum ExpectationCheck {
    static func check(_ report: Report, against expected: [String: Any], sourceLocations: Bool = true) {
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
        }

        let cells = Dictionary(uniqueKeysWithValues: report.tables.flatMap(\.cells).map { ($0.path.description, $0) })
        let expectedCells = expected["cells"] as! [String: [String: Any]]
        #expect(Set(cells.keys) == Set(expectedCells.keys), "the template's cells, no more and no fewer")
        for (path, want) in expectedCells {
            guard let got = cells[path] else { Issue.record("missing cell \(path)"); continue }
            #expect(got.text == want["text"] as? String, "text of \(path)")
            #expect(got.kind.rawValue == want["kind"] as? String, "kind of \(path)")
            if sourceLocations, got.kind == .number {
                #expect(got.source != .unknown, "source of \(path)")
            }
        }

        let bookmarks = report.bookmarks.map { "\($0.name)@\($0.path)" }.sorted()
        let wantBookmarks = ((expected["bookmarks"] as? [[String: Any]]) ?? []).map { "\($0["name"]!)@\($0["path"]!)" }.sorted()
        #expect(bookmarks == wantBookmarks)
    }

    /// `[{code, where}]` lists from an expected file as sortable strings.
    static func findings(_ expected: [String: Any], _ key: String) -> [String] {
        ((expected[key] as? [[String: Any]]) ?? []).map { "\($0["code"]!) \($0["where"]!)" }.sorted()
    }
}
