import Foundation
import Testing
@testable import GXBatch
import GXConvert
import GXExport
import GXModel
import GXTestSupport

/// Issue 20 §4: `--resume` reads a compact index beside a jsonl output instead of parsing every
/// record, and uses an entry only for output bytes that hash to it.
@Suite struct ResumeIndexTests {
    static func folder() throws -> URL {
        let dir = try Fixtures.temporaryFolder("resume-index")
        let fm = FileManager.default
        try fm.copyItem(at: Fixtures.root.appendingPathComponent("hostile/truncated.docx"), to: dir.appendingPathComponent("a-broken.docx"))
        for name in ["x-carry-2022.docx", "x-carry-2023.docx", "x-inforce-2023.docx", "t3-sum.docx"] {
            try fm.copyItem(at: Fixtures.root.appendingPathComponent("validation/\(name)"), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    static func lines(_ url: URL) throws -> [ArraySlice<UInt8>] {
        try Fixtures.bytes(url).split(separator: 0x0A)
    }

    @Test func eachRecordHasAnEntryThatReadsBackAsTheRecord() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.jsonl")
        let index = dir.appendingPathComponent(".out.jsonl.gxindex")
        for _ in 0..<2 {  // a second fresh run starts the index afresh
            _ = try BatchRunner.run(BatchOptions(inputs: [dir.path], output: out.path, format: .jsonl, jobs: 2))
        }
        let records = try Self.lines(out).filter { !String(decoding: $0, as: UTF8.self).contains("gxconvert.cross-year/1") }
        let entries = try Self.lines(index).map { try #require(ResumeIndexFile.entry($0)) }
        #expect(records.count == 5 && entries.count == 5)
        var offset = 0
        for (line, entry) in zip(records, entries) {
            #expect(entry.end == offset + line.count + 1)
            #expect(entry.sha256 == SHA256.hex(Array(line) + [0x0A]))
            offset = entry.end
            let full = try #require(try ReadBackRecord.jsonl(line, line: 1, output: "o"))
            let compact = try #require(try ReadBackRecord.jsonl(object: entry.record, line: 1, output: "o"))
            #expect(compact.file == full.file && compact.status == full.status)
            #expect(compact.facts?.sha256 == full.facts?.sha256 && compact.facts?.year == full.facts?.year)
            #expect(compact.facts?.agency == full.facts?.agency)
            // The kept cells, member for member, as the full record has them.
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let keptCells = ReadBackRecord.resumeObject(object)["cells"] as? [Any] ?? []
            #expect((entry.record["cells"] as? [Any] ?? []) as NSArray == keptCells as NSArray)
        }
        #expect(entries.count(where: { ($0.record["cells"] as? [Any])?.isEmpty == false }) >= 2, "the kept cells are in it")
        #expect(try Fixtures.bytes(index).count * 5 < Fixtures.bytes(out).count, "compact")
    }

    @Test func anEntryTheOutputNoLongerMatchesIsNotBelieved() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.jsonl")
        let full = try BatchRunner.run(BatchOptions(inputs: [dir.path], output: out.path, format: .jsonl, jobs: 2))
        #expect(full.unreadable == 1 && full.converted == 4)
        // Rewrite t3-sum.docx's record (second line, same offset) as a failure record: its index
        // entry, a converted report, no longer matches the bytes there.
        var lines = try Self.lines(out).map { String(decoding: $0, as: UTF8.self) }
        let target = try #require(lines.firstIndex { $0.contains("t3-sum.docx") && $0.contains("gxconvert.report/1") })
        #expect(target > 0)
        let path = dir.appendingPathComponent("t3-sum.docx").path
        let failure = #"{"schema":"gxconvert.failure/1","source":{"path":"\#(path)"},"error":{"code":"GX-E-ZIP","message":"x","hint":null,"where":null}"#
        // Padded to the record's length, so offsets, lengths and line ends all still fit the entry:
        // only its hash tells them apart.
        lines[target] = failure + String(repeating: " ", count: lines[target].utf8.count - failure.utf8.count - 1) + "}"
        try FileManager.default.removeItem(at: out)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: out)
        // And cut the index's last entry in half, as a kill would.
        let index = dir.appendingPathComponent(".out.jsonl.gxindex")
        let indexBytes = try Fixtures.bytes(index)
        try Data(indexBytes.prefix(indexBytes.count - 40)).write(to: index)

        let resumed = try BatchRunner.run(BatchOptions(inputs: [dir.path], output: out.path, format: .jsonl, jobs: 2, resume: true))
        #expect(resumed.skipped == 5)
        #expect(resumed.unreadable == 2, "the rewritten record is read from the output, not from the stale entry")
        #expect(resumed.converted == 3)
        #expect(resumed.withRuleErrors == 0, "t3-sum's rule error went with its record")
        #expect(Set(resumed.crossYear.map(\.code)) == ["X-CARRY", "X-INFORCE"], "facts of the other years still read (index or not)")
    }
}
