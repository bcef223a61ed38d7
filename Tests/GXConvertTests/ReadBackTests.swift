import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXExport
import GXModel

/// What goes out reads back in unchanged: `to html` through the HTML reader and `to txt` through
/// the text reader give the report model the writer started from.
@Suite struct ReadBackTests {
    static func readBack(_ bytes: [UInt8], as format: SourceFormat, like report: Report) throws -> Report {
        try Converter.report(bytes, path: report.source.path, options: ConvertOptions(format: format))
    }

    @Test(arguments: ExportFixtures.all)
    func htmlReadsBackToTheSameReport(_ url: URL) throws {
        let report = try ExportFixtures.report(url)
        let back = try Self.readBack(HTMLWriter.write(report), as: .html, like: report)
        let differences = ExportFixtures.differences(report, back)
        #expect(differences.isEmpty, "\(url.lastPathComponent): \(differences.prefix(8).joined(separator: "; "))")
    }

    @Test(arguments: ExportFixtures.all)
    func txtReadsBackToTheSameTableCells(_ url: URL) throws {
        let report = try ExportFixtures.report(url)
        let back = try Self.readBack(TextWriter.write(report), as: .text, like: report)
        #expect(back.agency == report.agency)
        #expect(back.year == report.year)
        for table in report.tables {
            #expect(back.table(table.key)?.variant == table.variant, "\(url.lastPathComponent): variant of \(table.key)")
            for cell in table.cells {
                let other = back.table(table.key)?.cell(row: cell.path.row, column: cell.path.column)
                #expect(other?.text == cell.text && other?.kind == cell.kind,
                        "\(url.lastPathComponent): \(cell.path) \(cell.text)/\(cell.kind) → \(other?.text ?? "-")/\(other?.kind.rawValue ?? "-")")
                #expect(other?.repair == nil, "nothing is inferred from a clean export: \(cell.path)")
            }
        }
    }
}
