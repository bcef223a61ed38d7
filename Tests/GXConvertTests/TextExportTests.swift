import Foundation
import Testing
import GXTestSupport
import GXExport
import GXModel
import GXTemplate

/// `--to txt`: the tab-separated shape of seeds 001/004 — every table a grid of lines with the
/// template's column count, each value in its column. (A round trip through the text reader
/// joins this suite when that reader lands.)
@Suite struct TextExportTests {
    @Test(arguments: ExportFixtures.all)
    func everyTableRowIsOneLineWithItsValuesInPlace(_ url: URL) throws {
        let report = try ExportFixtures.report(url)
        let lines = String(decoding: TextWriter.write(report), as: UTF8.self).components(separatedBy: "\n")
        let unmarked = lines.map { $0.replacingOccurrences(of: #"\[bookmark: [^\]]*\]"#, with: "", options: .regularExpression) }
        if let title = report.title { #expect(unmarked.first == title.components(separatedBy: "\n").first) }
        for section in report.sections { #expect(unmarked.contains(section.heading), "heading \(section.key)") }

        for table in report.tables {
            let layout = TemplateLayout.layout(table.key, table.variant ?? .v2021)
            // Find the table's first line by its first label.
            guard case .label(let firstLabel) = layout.rows[0][0].content,
                  let start = lines.firstIndex(where: { $0.split(separator: "\t", omittingEmptySubsequences: false).first.map(String.init)?
                      .hasSuffix(firstLabel) == true }) else {
                Issue.record("table \(table.key.rawValue) not found"); continue
            }
            for r in 0..<layout.rowCount {
                let fields = lines[start + r].components(separatedBy: "\t")
                #expect(fields.count == layout.columnCount, "\(table.key.rawValue) row \(r + 1) has \(fields.count) fields")
                for cell in layout.rows[r] {
                    guard case .value(let path) = cell.content, let value = table.cell(row: path.row, column: path.column) else { continue }
                    let field = fields[cell.column].replacingOccurrences(of: #"\[bookmark: [^\]]*\]"#, with: "", options: .regularExpression)
                    #expect(field == value.text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " "),
                            "\(path)")
                }
            }
        }
    }

    @Test func bookmarksAreMarkedAsTextExtractorsPrintThem() throws {
        let report = try ExportFixtures.report(Fixtures.root.appendingPathComponent("docx/seed000-word.docx"))
        let text = String(decoding: TextWriter.write(report), as: UTF8.self)
        #expect(text.contains("[bookmark: _Hlk66973412]一、本年新收政府信息公开申请数量\t\t\t2\t0\t0\t0\t0\t0\t2"))
        for b in report.bookmarks { #expect(text.contains("[bookmark: \(b.name)]")) }
    }
}
