import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXModel

/// Reports whose cells hold numbers no report prints, and flags with values no one means: each
/// is a report or a coded error, never a signal (issue 20 §1).
@Suite struct ExtremeInputTests {
    /// The seed page with table 三's first two cells of "new received" replaced.
    static func page(_ first: String, _ second: String) throws -> String {
        var html = String(decoding: try Fixtures.bytes(Fixtures.root.appendingPathComponent("html/seed000-lo.html")), as: UTF8.self)
        let start = html[html.range(of: "本年新收")!.upperBound...].range(of: "</td>")!.upperBound
        var rest = html[start...]
        for value in [first, second] {
            let cell = rest.range(of: "10pt\">")!
            let end = rest[cell.upperBound...].range(of: "<")!
            html.replaceSubrange(cell.upperBound..<end.lowerBound, with: value)
            rest = html[html.index(cell.upperBound, offsetBy: value.count)...]
        }
        return html
    }

    @Test(arguments: ["9223372036854775807", "10000000000000000000", "-9223372036854775808", "1\n2"])
    func anAbsurdCellIsTextWithADiagnostic(_ value: String) throws {
        let html = try Self.page(value, "9223372036854775807")
        let report = try Converter.report(Array(html.utf8), path: "big.html")
        let cell = report.table(.requests)!.cells.first { $0.path.description == "requests.new_received.natural_person" }!
        #expect(cell.kind == .text)
        #expect(report.diagnostics.contains { $0.code == "GX-W-NOT-A-NUMBER" && $0.paths == ["requests.new_received.natural_person"] })
        #expect(!report.diagnostics.contains { $0.code == "N-RECV" }, "no rule reads the refused cell as 0")
    }

    @Test func validateAndBatchFinishOnAbsurdNumbers() throws {
        let dir = try Fixtures.temporaryFolder("extreme")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(try Self.page("9223372036854775807", "9223372036854775807").utf8).write(to: dir.appendingPathComponent("a.html"))
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("html/seed000-lo.html"), to: dir.appendingPathComponent("b.html"))
        let validate = try CLITests.run(["validate", dir.appendingPathComponent("a.html").path])
        #expect(validate.status == 0 || validate.status == 1, "\(validate.status) \(validate.stderr)")
        let out = dir.appendingPathComponent("../\(dir.lastPathComponent).jsonl").standardized
        defer { try? FileManager.default.removeItem(at: out) }
        let batch = try CLITests.run(["batch", dir.path, "-o", out.path])
        #expect(batch.status == 0 || batch.status == 1, "\(batch.status) \(batch.stderr)")
        #expect(try Data(contentsOf: out).filter { $0 == 0x0A }.count == 2)
    }

    @Test(arguments: ["inf", "infinity", "1e300", "30", "0"])
    func anyTimeBudgetIsTakenWithoutATrap(_ value: String) throws {
        let run = try CLITests.run(["validate", "--time-budget", value, CLITests.seed])
        #expect(run.status == 0, "\(value): \(run.status) \(run.stderr)")
    }

    @Test(arguments: ["nan", "-1", "-inf", "x"])
    func aMeaninglessTimeBudgetIsAUsageError(_ value: String) throws {
        let run = try CLITests.run(["validate", "--time-budget", value, CLITests.seed])
        #expect(run.status == 64, "\(value): \(run.status) \(run.stderr)")
    }
}
