import Foundation
import Testing
import GXBatch
import GXConvert
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
        #expect(codes == ["GX-E-DTD", "GX-E-FORMAT", "GX-E-ZIP"])
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
        let wide = try CSVParser.parse(Array(try Self.run(dir, .csvWide).1.utf8))
        let header = try #require(wide.first)
        #expect(wide.allSatisfy { $0.count == header.count })
        #expect(header.contains("requests.new_received.natural_person"))
        #expect(header.contains("active_disclosure.procurement.amount"), "2019 columns too")
        let seed = try #require(wide.first { $0[0].hasSuffix("seed000-word.docx") })
        let column = try #require(header.firstIndex(of: "requests.new_received.total"))
        #expect(seed[column] == "2")
        #expect(wide.filter { $0[1] == "unreadable" }.count == 3)

        let long = try CSVParser.parse(Array(try Self.run(dir, .csvLong).1.utf8))
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
}
