import Foundation
import Testing
import GXBatch
import GXConvert
import GXExport
import GXModel
import GXTestSupport

/// `batch --shard K/N` on every K, then `merge`, must give the very bytes of one run over all
/// inputs — records, CSV header and the cross-year findings that need reports from several shards.
@Suite struct ShardMergeTests {
    static func folder() throws -> URL {
        let dir = try BatchRunnerTests.mixedFolder()
        // Consecutive years of one agency, so the cross-year checks have pairs to compare.
        let years = dir.appendingPathComponent("years")
        try FileManager.default.createDirectory(at: years, withIntermediateDirectories: true)
        for url in Fixtures.files("validation", ext: "docx") {
            try FileManager.default.copyItem(at: url, to: years.appendingPathComponent(url.lastPathComponent))
        }
        return dir
    }

    @Test(arguments: [BatchFormat.jsonl, .csvWide, .csvLong])
    func mergedShardsEqualOneRun(_ format: BatchFormat) throws {
        let dir = try Self.folder()
        let work = try Fixtures.temporaryFolder("shards")
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: work) }
        let single = work.appendingPathComponent("single")
        let whole = try BatchRunner.run(BatchOptions(inputs: [dir.path], output: single.path, format: format, jobs: 2))
        let n = 3
        var parts: [String] = []
        var found = 0
        for k in 0..<n {
            let part = work.appendingPathComponent("part-\(k)")
            var options = BatchOptions(inputs: [dir.path], output: part.path, format: format, jobs: 1)
            options.shard = Shard(index: k, count: n)
            let summary = try BatchRunner.run(options)
            #expect(summary.found > 0, "shard \(k) of \(n) got no input")
            found += summary.found
            parts.append(part.path)
        }
        #expect(found == whole.found, "every input in exactly one shard")
        let merged = work.appendingPathComponent("merged")
        // Shards given in any order.
        let summary = try ShardMerge.merge(parts.reversed(), output: merged.path, format: format)
        #expect(try Data(contentsOf: merged) == Data(contentsOf: single))
        #expect(summary.found == whole.found && summary.unreadable == whole.unreadable
                && summary.withRuleErrors == whole.withRuleErrors && summary.crossYear.count == whole.crossYear.count)
        if format == .jsonl { #expect(!whole.crossYear.isEmpty, "the fixture has cross-year findings to merge") }
    }

    @Test func aCutOffShardOrTheSameShardTwiceIsRefused() throws {
        let dir = try Self.folder()
        let work = try Fixtures.temporaryFolder("shards")
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: work) }
        let part = work.appendingPathComponent("part-0")
        var options = BatchOptions(inputs: [dir.path], output: part.path, format: .jsonl, jobs: 1)
        options.shard = Shard(index: 0, count: 2)
        _ = try BatchRunner.run(options)
        let out = work.appendingPathComponent("merged").path
        #expect(throws: GXError.self) { try ShardMerge.merge([part.path, part.path], output: out, format: .jsonl) }
        var bytes = try Data(contentsOf: part)
        bytes.removeLast(5)
        try bytes.write(to: part)
        #expect(throws: GXError.self) { try ShardMerge.merge([part.path], output: out, format: .jsonl) }
        #expect(!FileManager.default.fileExists(atPath: out), "no partial output")
    }

    @Test func shardSpecsAndSplit() {
        #expect(Shard("3/16") == Shard(index: 3, count: 16))
        #expect(Shard("16/16") == nil && Shard("-1/4") == nil && Shard("1/0") == nil && Shard("a/b") == nil)
        let paths = (0..<200).map { "reports/agency-\($0).docx" }
        let owners = paths.map { p in (0..<4).filter { Shard(index: $0, count: 4).owns(p) } }
        #expect(owners.allSatisfy { $0.count == 1 })
        #expect(Set(owners.map { $0[0] }) == [0, 1, 2, 3])
    }
}
