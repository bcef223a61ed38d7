import Foundation
import Testing
import GXTestSupport

/// `gxconvert validate` as portal scripts use it.
@Suite struct ValidateCLITests {
    static func fixture(_ name: String) -> String { Fixtures.root.appendingPathComponent(name).path }

    @Test func cleanReportsExitZero() throws {
        let r = try CLITests.run(["validate", Self.fixture("docx/seed000-word.docx"), Self.fixture("docx/zrzy2022.docx")])
        #expect(r.status == 0)
        let text = String(decoding: r.stdout, as: UTF8.self)
        #expect(text.contains("2 report(s) checked: 0 error(s)"))
    }

    @Test func aBrokenRuleExitsOneAndPointsAtTheCell() throws {
        let r = try CLITests.run(["validate", Self.fixture("docx/dgjd2022-html-lo.docx")])
        #expect(r.status == 1)
        let lines = String(decoding: r.stdout, as: UTF8.self).split(separator: "\n")
        let line = try #require(lines.first { $0.contains("T4-SUM") })
        #expect(line.hasPrefix(Self.fixture("docx/dgjd2022-html-lo.docx") + ":table 3 row 4 cell 1: error T4-SUM:"))
    }

    @Test func strictCountsWarnings() throws {
        let plain = try CLITests.run(["validate", Self.fixture("docx/scjg2024-online.docx")])
        #expect(plain.status == 0)
        let strict = try CLITests.run(["validate", "--strict", Self.fixture("docx/scjg2024-online.docx")])
        #expect(strict.status == 1)
    }

    @Test func unreadableInputsExitThreeAndTheRestAreStillChecked() throws {
        let r = try CLITests.run(["validate", "--format", "json", Self.fixture("hostile/xxe-file.docx"),
                                  Self.fixture("docx/dgjd2022-html-lo.docx")])
        #expect(r.status == 3)
        let json = try JSONSerialization.jsonObject(with: r.stdout) as! [String: Any]
        #expect(json["schema"] as? String == "gxconvert.validation/1")
        let unreadable = json["unreadable"] as! [[String: Any]]
        #expect(unreadable.first?["code"] as? String == "GX-E-DTD")
        let reports = json["reports"] as! [[String: Any]]
        #expect(reports.count == 1)
        #expect(reports.first?["errors"] as? Int == 1)
        let diagnostics = reports.first?["diagnostics"] as! [[String: Any]]
        let t4 = try #require(diagnostics.first { $0["code"] as? String == "T4-SUM" })
        #expect(t4["left"] as? Int == 1 && t4["right"] as? Int == 0 && t4["difference"] as? Int == 1)
        let cells = t4["cells"] as! [[String: Any]]
        #expect((cells.first?["source"] as? [String: Any])?["table"] as? Int == 3)
    }
}
