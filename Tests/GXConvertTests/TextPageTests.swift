import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXModel

/// Page furniture inside tables: footers (`-1-`, `— 4 —`, `第 2 页`) and form feeds in the middle of
/// a table, and a table that continues on the next page without its header.
@Suite struct TextPageTests {
    func lines(_ path: String) throws -> [String] {
        try String(contentsOf: Fixtures.root.appendingPathComponent(path), encoding: .utf8).components(separatedBy: "\n")
    }

    func convert(_ lines: [String], name: String) throws -> Report {
        try Converter.report(Array(lines.joined(separator: "\n").utf8), path: name, options: ConvertOptions(format: .text))
    }

    @Test func footersAndPageBreaksInsideTablesAreSkipped() throws {
        var text = try lines("text/pdftotext/seed000-word.layout.txt")
        let at = try #require(text.firstIndex { $0.contains("8.属于行政查询事项") })
        text.insert(contentsOf: ["", "                         — 4 —", "\u{0C}   "], at: at + 1)
        let at2 = try #require(text.firstIndex { $0.contains("行政规范性文件") && $0.contains("0") })
        text.insert(contentsOf: ["-1-", "\u{0C}第 2 页 共 5 页"], at: at2 + 1)
        let report = try convert(text, name: "footers.txt")
        try Fixtures.derivedExpectation(for: URL(fileURLWithPath: "seed000-word.layout.txt")).check(report)
    }

    @Test func aTableContinuedWithoutItsHeaderReadsTheSame() throws {
        var text = try lines("text/pdftotext/seed000-word.layout.txt")
        // Drop the repeated header blocks (the lines between a data row and the next row's label).
        var kept: [String] = []
        var seenFirstHeader = false
        var skipping = false
        for line in text {
            if line.contains("申请人情况") {
                if seenFirstHeader { skipping = true } else { seenFirstHeader = true }
            }
            if skipping, line.contains("（一）予以公开") || line.contains("（七）总计") { skipping = false }
            if !skipping { kept.append(line) }
        }
        #expect(kept.count < text.count - 8)
        text = kept
        let report = try convert(text, name: "noheader.txt")
        try Fixtures.derivedExpectation(for: URL(fileURLWithPath: "seed000-word.layout.txt")).check(report)
    }

    @Test func footerInsideTabRows() throws {
        var text = try lines("text/seed001.txt")
        let at = try #require(text.firstIndex { $0.hasPrefix("→→5.属于三类") || $0.contains("5.属于三类内部事务信息") })
        text.insert(contentsOf: ["", "- 3 -", "\u{0C}"], at: at + 1)
        let report = try convert(text, name: "seed001-footer.txt")
        ReportExpectation(expected: try Fixtures.expectation(for: Fixtures.root.appendingPathComponent("text/seed001.txt"))).check(report)
    }
}
