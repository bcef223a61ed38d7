import Foundation
import Testing
@testable import GXDocx
import GXModel

/// Every input a fuzzer once crashed on (Fixtures/fuzz-regressions/wordml) is now read or refused
/// with a coded error.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz-regressions/wordml")
    static let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        .map { folder.appendingPathComponent($0) }

    @Test func thereAreRegressionInputs() { #expect(!Self.inputs.isEmpty) }

    @Test(arguments: inputs)
    func replayedInputIsReadOrRefusedWithACode(_ url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        do { _ = try DocxReader.readMainPart(bytes) } catch is GXError {}
    }

    @Test func aCellOutsideAnyRowOpensOne() throws {
        let doc = try readDocument("<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tc>" + p("x") + "</w:tc></w:tbl>")
        #expect(doc.tables.first?.cell(row: 0, column: 0)?.text == "x")
        #expect(doc.diagnostics.contains { $0.code == "GX-W-CELL-OUTSIDE-ROW" })
    }
}
