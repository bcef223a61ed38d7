import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXExport
import GXModel
import GXText

/// Output for people — validate's lines, error lines, the txt writer's markers — cannot be forged
/// or hijacked by document text; inputs with nothing of a report are refused (issue 20 §5).
@Suite struct UnsafeOutputTests {
    static let forged = "x\n/tmp/other.docx:table 1: error T3-BAL: forged\u{1B}[2J\u{202E}gpj.exe\u{2028}\t]"

    @Test func aFindingIsOneLineWhateverTheBookmarkHolds() {
        let d = Diagnostic(code: "T3-BAL", severity: .error, message: "m \u{1B}]0;title\u{07}",
                           cells: [DiagnosticCell(path: "requests.granted.total", text: "1", source: SourceLocation(line: 3),
                                                  bookmark: Self.forged)])
        let line = DiagnosticText.line(d, file: "a\u{85}.docx")
        #expect(!line.unicodeScalars.contains { DisplayText.needsEscape($0) }, "\(line)")
        #expect(line.contains("\\n/tmp/other.docx") && line.contains("\\u{1B}[2J") && line.contains("\\u{202E}"))
    }

    @Test func txtBookmarkNamesCannotBreakARowOrForgeABookmark() throws {
        var report = try ExportFixtures.report(Fixtures.root.appendingPathComponent("docx/seed000-word.docx"))
        let count = report.bookmarks.count
        #expect(count > 0)
        report.bookmarks[0].name = Self.forged + "[bookmark: _Forged]"
        let bytes = TextWriter.write(report)
        let back = try Converter.report(bytes, path: "back.txt")
        #expect(back.bookmarks.count == count - 1, "the unportable name is left out: \(back.bookmarks.map(\.name))")
        #expect(!String(decoding: bytes, as: UTF8.self).contains("forged"))
        #expect(!back.bookmarks.contains { $0.name == "_Forged" })
        #expect(back.table(.requests)?.cells.count == report.table(.requests)?.cells.count)
    }

    @Test func anAmpersandSurvivesDocxRoundTrips() throws {
        var report = try ExportFixtures.report(Fixtures.root.appendingPathComponent("docx/seed000-word.docx"))
        report.bookmarks[0].name = "a&b"
        var bytes = try ReportExport.bytes(report, as: .docx)
        for _ in 0..<3 {
            let back = try Converter.report(bytes, path: "r.docx")
            #expect(back.bookmarks.contains { $0.name == "a&b" }, "\(back.bookmarks.map(\.name))")
            bytes = try ReportExport.bytes(back, as: .docx)
        }
    }

    @Test(arguments: [("   \n\t\r\n", GXErrorCode.empty), ("\u{FEFF}", .empty), ("\u{FEFF}\n \n\u{3000}", .empty),
                      ((0..<40).map { "hello world \($0) foo bar" }.joined(separator: "\n"), .noReport),
                      ("<html><body><p>just a page</p></body></html>", .noReport)])
    func inputsWithNoReportAreRefused(_ text: String, _ code: GXErrorCode) throws {
        do {
            let report = try Converter.report(Array(text.utf8), path: "x")
            Issue.record("accepted: \(report.title ?? "no title")")
        } catch let error as GXError {
            #expect(error.code == code, "\(error)")
        }
    }

    /// Every hostile fixture and a few broken pages: stderr holds exactly our one coded line,
    /// nothing libxml2 printed itself.
    @Test func stderrHoldsOnlyTheCodedLine() throws {
        let dir = try Fixtures.temporaryFolder("stderr")
        defer { try? FileManager.default.removeItem(at: dir) }
        var inputs = Fixtures.files("hostile", ext: "docx").map(\.path)
        for (i, page) in ["<html><body><p \0\0>x</p><<<&&&", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><html>&a;</html>",
                          String(repeating: "<div>", count: 5000)].enumerated() {
            let url = dir.appendingPathComponent("\(i).html")
            try Data(page.utf8).write(to: url)
            inputs.append(url.path)
        }
        for input in inputs {
            let run = try CLITests.run([input, "--to", "json"])
            guard run.status != 0 else { continue }
            let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == 1 && lines[0].hasPrefix("gxconvert: error: "), "\(input): \(run.stderr)")
        }
    }
}
