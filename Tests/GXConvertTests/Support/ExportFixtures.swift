import Foundation
import GXTestSupport
import GXConvert
import GXModel

/// The reports the export tests write: every DOCX fixture (the reader's and the validation
/// suite's, which carry rule errors to highlight), and one with hostile text.
enum ExportFixtures {
    static let all: [URL] = Fixtures.files("docx", ext: "docx") + Fixtures.files("validation", ext: "docx")

    static func report(_ url: URL) throws -> Report {
        try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
    }

    /// Seed 000 with text that every writer must escape or carry: markup characters, quotes,
    /// commas, a line break, a tab, a control character, and a text cell.
    static func hostile() throws -> Report {
        var report = try report(Fixtures.root.appendingPathComponent("docx/seed000-word.docx"))
        let i = report.sections.firstIndex { $0.key == "problems" }!
        report.sections[i].paragraphs[0] = "<b>粗体</b> & \"引号\", 'single'\n第二行\t制表符 ]]> | * _ #"
        let t = report.tables.firstIndex { $0.key == .requests }!
        let c = report.tables[t].cells.firstIndex { $0.path.row == "granted" && $0.path.column == "commercial" }!
        report.tables[t].cells[c].text = "1,2\"3\n<4>"
        report.tables[t].cells[c].kind = .text
        report.tables[t].cells[c].number = nil
        return report
    }

    /// Where two reports differ on what a round trip must keep: title, agency, year, date,
    /// preamble, sections (key, heading, paragraphs), closing, every table's variant and cells
    /// (text, kind), and the bookmarks (name and path).
    static func differences(_ a: Report, _ b: Report) -> [String] {
        var out: [String] = []
        func same<T: Equatable>(_ what: String, _ x: T, _ y: T) { if x != y { out.append("\(what): \(x) ≠ \(y)") } }
        same("title", a.title, b.title)
        same("agency", a.agency, b.agency)
        same("year", a.year, b.year)
        same("date", a.date, b.date)
        same("preamble", a.preamble, b.preamble)
        same("closing", a.closing, b.closing)
        same("section keys", a.sections.map(\.key), b.sections.map(\.key))
        for (x, y) in zip(a.sections, b.sections) {
            same("heading of \(x.key)", x.heading, y.heading)
            same("paragraphs of \(x.key)", x.paragraphs, y.paragraphs)
        }
        same("tables", a.tables.map(\.key.rawValue), b.tables.map(\.key.rawValue))
        for table in a.tables {
            guard let other = b.table(table.key) else { continue }
            same("variant of \(table.key.rawValue)", table.variant, other.variant)
            same("cells of \(table.key.rawValue)", table.cells.map(\.path), other.cells.map(\.path))
            for cell in table.cells {
                guard let o = other.cell(row: cell.path.row, column: cell.path.column) else { continue }
                same("text of \(cell.path)", cell.text, o.text)
                same("kind of \(cell.path)", cell.kind, o.kind)
            }
        }
        same("bookmarks", a.bookmarks.map { "\($0.name)@\($0.path)" }.sorted(), b.bookmarks.map { "\($0.name)@\($0.path)" }.sorted())
        return out
    }
}
