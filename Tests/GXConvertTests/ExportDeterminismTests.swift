import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXExport
import GXModel

/// The same report gives byte-identical output in every format — DOCX included (fixed zip and
/// document timestamps) — whether written twice from one model or from two readings of the file.
@Suite struct ExportDeterminismTests {
    @Test(arguments: ExportFixtures.all)
    func everyFormatIsByteIdentical(_ url: URL) throws {
        let a = try ExportFixtures.report(url)
        let b = try ExportFixtures.report(url)
        for format in ExportFormat.allCases {
            let once = try ReportExport.bytes(a, as: format)
            #expect(try ReportExport.bytes(a, as: format) == once, "\(format.rawValue) written twice")
            #expect(try ReportExport.bytes(b, as: format) == once, "\(format.rawValue) from a second reading")
            #expect(!once.isEmpty)
        }
    }

    @Test func jsonThroughTheExportEntryIsTheCanonicalJSON() throws {
        let report = try ExportFixtures.report(ExportFixtures.all[0])
        #expect(try ReportExport.bytes(report, as: .json) == Array(ReportJSON.write(report).utf8))
        #expect(try ReportExport.bytes(report, as: .json, options: .init(compact: true)) == Array(ReportJSON.write(report, pretty: false).utf8))
    }
}
