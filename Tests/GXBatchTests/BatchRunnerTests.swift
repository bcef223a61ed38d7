import Foundation
import Testing
import GXBatch
import GXConvert
import GXExport
import GXModel
import GXTestSupport

@Suite struct BatchRunnerTests {
    /// A folder like an evaluator's: reports in sub-folders, broken uploads, and files that are not reports.
    static func mixedFolder() throws -> URL {
        let dir = try Fixtures.temporaryFolder("batch")
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("county/town"), withIntermediateDirectories: true)
        for (i, url) in Fixtures.files("docx", ext: "docx").enumerated() {
            let sub = i % 2 == 0 ? "county" : "county/town"
            try fm.copyItem(at: url, to: dir.appendingPathComponent("\(sub)/\(url.lastPathComponent)"))
        }
        for name in ["truncated.docx", "xxe-file.docx", "pdf-renamed.docx"] {
            try fm.copyItem(at: Fixtures.root.appendingPathComponent("hostile/\(name)"), to: dir.appendingPathComponent(name))
        }
        try "notes".write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try "hidden".write(to: dir.appendingPathComponent(".DS_Store"), atomically: true, encoding: .utf8)
        return dir
    }

    static func run(_ dir: URL, _ format: BatchFormat, jobs: Int = 2, resume: Bool = false, output: URL? = nil) throws
        -> (BatchSummary, String) {
        let out = output ?? dir.deletingLastPathComponent().appendingPathComponent("\(dir.lastPathComponent).\(format.rawValue)")
        let summary = try BatchRunner.run(BatchOptions(inputs: [dir.path], output: out.path, format: format, jobs: jobs,
                                                       resume: resume))
        return (summary, try String(contentsOf: out, encoding: .utf8))
    }

    @Test func jsonlHasOneRecordPerInputInPathOrderAndKeepsGoingPastBadFiles() throws {
        let dir = try Self.mixedFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (summary, text) = try Self.run(dir, .jsonl)
        let docx = Fixtures.files("docx", ext: "docx").count
        #expect(summary.found == docx + 3, "README.md and hidden files are not inputs")
        #expect(summary.converted == docx)
        #expect(summary.unreadable == 3)
        #expect(summary.withRuleErrors == 1)
        let records = try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(records.count == docx + 3)
        let paths = records.map { ($0["source"] as! [String: Any])["path"] as! String }
        #expect(paths == paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        let failures = records.filter { $0["schema"] as? String == "gxconvert.failure/1" }
        let codes = failures.map { ($0["error"] as! [String: Any])["code"] as! String }.sorted()
        #expect(codes == ["GX-E-DTD", "GX-E-PDF", "GX-E-ZIP"])
        #expect(records.filter { $0["schema"] as? String == "gxconvert.report/1" }.allSatisfy { $0["requests"] != nil })
    }

    @Test func outputDoesNotDependOnTheNumberOfWorkers() throws {
        let dir = try Self.mixedFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = try Self.run(dir, .jsonl, jobs: 1).1
        let four = try Self.run(dir, .jsonl, jobs: 4).1
        #expect(one == four)
    }

    @Test func csvWideAndLongLoadWithARealParser() throws {
        let dir = try Self.mixedFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wide = try CSVReader.parse(Array(try Self.run(dir, .csvWide).1.utf8))
        let header = try #require(wide.first)
        #expect(wide.allSatisfy { $0.count == header.count })
        #expect(header.contains("requests.new_received.natural_person"))
        #expect(header.contains("active_disclosure.procurement.amount"), "2019 columns too")
        let seed = try #require(wide.first { $0[0].hasSuffix("seed000-word.docx") })
        let column = try #require(header.firstIndex(of: "requests.new_received.total"))
        #expect(seed[column] == "2")
        #expect(wide.filter { $0[1] == "unreadable" }.count == 3)

        let long = try CSVReader.parse(Array(try Self.run(dir, .csvLong).1.utf8))
        #expect(long.allSatisfy { $0.count == 11 })
        let cell = long.first { $0[0].hasSuffix("seed000-word.docx") && $0[5] == "requests" && $0[6] == "new_received" && $0[7] == "total" }
        #expect(cell?[8] == "2")
        #expect(cell?[10] == "number")
    }

    @Test(arguments: [BatchFormat.jsonl, .csvWide, .csvLong])
    func resumeAfterAKillGivesTheSameOutput(_ format: BatchFormat) throws {
        let dir = try Self.mixedFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.deletingLastPathComponent().appendingPathComponent("\(dir.lastPathComponent)-resume.\(format.rawValue)")
        defer { try? FileManager.default.removeItem(at: out) }
        let full = try Self.run(dir, format, output: out).1
        // A kill mid-record: keep 60% of the lines and half of the next one.
        // (Bytes, not Characters: in Swift "\r\n" is one Character.)
        let lines = Array(full.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) + [0x0A] }
        let keep = lines.count * 6 / 10
        let cut = lines.prefix(keep).joined() + lines[keep].prefix(lines[keep].count / 2)
        try Data(cut).write(to: out)
        let (summary, resumed) = try Self.run(dir, format, resume: true, output: out)
        #expect(summary.skipped > 0)
        #expect(resumed == full)
    }

    /// Cut right after the earlier run wrote a broken input, a report with a rule error and the
    /// first year of two cross-year pairs: the
    /// resumed run must still count the broken input (and so exit as failed), find the pair's
    /// findings, and leave the output a fresh run writes.
    @Test(arguments: [BatchFormat.jsonl, .csvWide, .csvLong])
    func aResumedRunAccountsForWhatTheEarlierRunWrote(_ format: BatchFormat) throws {
        let dir = try Fixtures.temporaryFolder("batch-resume-cross")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.copyItem(at: Fixtures.root.appendingPathComponent("hostile/truncated.docx"), to: dir.appendingPathComponent("a-broken.docx"))
        for name in ["x-carry-2022.docx", "x-carry-2023.docx", "x-inforce-2023.docx", "t3-sum.docx"] {
            try fm.copyItem(at: Fixtures.root.appendingPathComponent("validation/\(name)"), to: dir.appendingPathComponent(name))
        }
        let out = dir.deletingLastPathComponent().appendingPathComponent("\(dir.lastPathComponent).\(format.rawValue)")
        defer { try? fm.removeItem(at: out) }
        let (full, fullText) = try Self.run(dir, format, output: out)
        #expect(full.unreadable == 1 && full.converted == 4 && full.withRuleErrors == 1)
        #expect(Set(full.crossYear.map(\.code)) == ["X-CARRY", "X-INFORCE"])

        // Keep the records of a-broken.docx, t3-sum.docx and x-carry-2022.docx (and the CSV header).
        let bytes = Array(fullText.utf8)
        let kept: [UInt8]
        if format == .jsonl {
            let lines = bytes.split(separator: 0x0A).map { Array($0) + [0x0A] }
            kept = Array(lines.prefix(3).joined())
        } else {
            let records = try CSVReader.completeRecords(bytes)
            let firstOfCarry2023 = try #require(records.firstIndex { $0.fields[0].hasSuffix("x-carry-2023.docx") })
            kept = Array(bytes[..<records[firstOfCarry2023 - 1].end])
        }
        try Data(kept).write(to: out)

        let (resumed, resumedText) = try Self.run(dir, format, resume: true, output: out)
        #expect(resumed.skipped == (format == .csvLong ? 2 : 3), "csv-long converts its last input again: its rows may be cut")
        #expect(resumed.unreadable == 1, "the earlier run's broken input still counts")
        #expect(resumed.converted == 4 && resumed.withRuleErrors == 1, "t3-sum's rule error was in the earlier run")
        #expect(resumed.crossYear.map(\.message) == full.crossYear.map(\.message))
        #expect(resumedText == fullText)
        if format == .jsonl {
            // The earlier year's cell is cited with its place in its file, read back from the output.
            let carry = try #require(resumed.crossYear.first { $0.code == "X-CARRY" })
            #expect(carry.cells.last?.file?.hasSuffix("x-carry-2022.docx") == true)
            #expect(carry.cells.last?.source == full.crossYear.first { $0.code == "X-CARRY" }?.cells.last?.source)
            #expect(carry.cells.last?.source.table != nil)
        }
    }

    /// Resuming a finished run changes nothing: cross-year records are not doubled.
    @Test func resumingAFinishedRunLeavesItAsItWas() throws {
        let dir = try Self.mixedFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["x-carry-2022.docx", "x-carry-2023.docx"] {
            try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("validation/\(name)"),
                                             to: dir.appendingPathComponent(name))
        }
        let out = dir.deletingLastPathComponent().appendingPathComponent("\(dir.lastPathComponent)-finished.jsonl")
        defer { try? FileManager.default.removeItem(at: out) }
        let full = try Self.run(dir, .jsonl, output: out).1
        #expect(full.contains("gxconvert.cross-year/1"))
        let (again, text) = try Self.run(dir, .jsonl, resume: true, output: out)
        #expect(again.skipped == again.found)
        #expect(text == full)
    }

    @Test func anOutputGxconvertDidNotWriteIsNotResumed() throws {
        let dir = try Self.mixedFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.deletingLastPathComponent().appendingPathComponent("\(dir.lastPathComponent)-foreign.csv")
        defer { try? FileManager.default.removeItem(at: out) }
        try Data("name,score\r\nx,1\r\n".utf8).write(to: out)
        #expect(throws: GXError.self) { try Self.run(dir, .csvWide, resume: true, output: out) }
        #expect(try String(contentsOf: out, encoding: .utf8) == "name,score\r\nx,1\r\n", "left as it was")
    }

    /// Killed before its first record (or inside the header): the resumed run writes the header too.
    @Test(arguments: [BatchFormat.csvWide, .csvLong])
    func anEmptyOrCutHeaderIsWrittenAgain(_ format: BatchFormat) throws {
        let dir = try Self.mixedFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.deletingLastPathComponent().appendingPathComponent("\(dir.lastPathComponent)-empty.\(format.rawValue)")
        defer { try? FileManager.default.removeItem(at: out) }
        let full = try Self.run(dir, format, output: out).1
        for cut in [0, 20] {
            try Data(Array(full.utf8).prefix(cut)).write(to: out)
            #expect(try Self.run(dir, format, resume: true, output: out).1 == full, "cut at \(cut)")
        }
    }
}
