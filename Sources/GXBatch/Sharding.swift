import GXConvert
import GXExport
import GXModel
import GXValidation

/// One of N parts of a batch, for spreading a national year over many machines (a Slurm job
/// array, a Kubernetes Indexed Job): each input belongs to exactly one shard, decided by its path
/// alone (FNV-1a of its bytes), so every machine agrees without talking to the others.
public struct Shard: Sendable, Hashable {
    /// 0-based, as Kubernetes' `JOB_COMPLETION_INDEX` counts.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `K/N` with 0 ≤ K < N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 100_000, k >= 0, k < n else { return nil }
        self.init(index: k, count: n)
    }

    public func owns(_ path: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int(hash % UInt64(count)) == index
    }
}

/// Joins the outputs of the shards of one batch into the output one run over all inputs writes,
/// byte for byte: the records sorted by input path as a single run orders them, the CSV header
/// once, and the jsonl cross-year findings worked out anew over all reports.
public enum ShardMerge {
    struct Entry {
        let file: String
        let bytes: ArraySlice<UInt8>
        let record: ReadBackRecord
    }

    public static func merge(_ shards: [String], output: String, format: BatchFormat, csvRaw: Bool = false) throws -> BatchSummary {
        var entries: [Entry] = []
        for shard in shards { entries += try read(shard, format: format, csvRaw: csvRaw) }
        entries.sort { Array($0.file.utf8).lexicographicallyPrecedes(Array($1.file.utf8)) }
        for (a, b) in zip(entries, entries.dropFirst()) where a.file == b.file {
            throw GXError(.output, "\(a.file) has a record in two shard outputs: they are not shards of one batch",
                          hint: "merge the outputs of one `batch --shard K/N` run, each K once")
        }
        var out: [UInt8] = []
        if let header = format.header(raw: csvRaw) { out += Array(header.utf8) }
        var summary = BatchSummary()
        var facts: [CrossYearFacts] = []
        for e in entries {
            out += e.bytes
            summary.found += 1
            switch e.record.status {
            case .unreadable: summary.unreadable += 1
            case .ruleErrors: summary.converted += 1; summary.withRuleErrors += 1
            case .ok: summary.converted += 1
            }
            if let f = e.record.facts { facts.append(f) }
        }
        summary.crossYear = CrossYearRules.check(facts)
        for finding in summary.crossYear {
            if let line = format.crossYearLine(finding) { out += Array(line.utf8) }
        }
        try FileIO.write(out, to: output)
        return summary
    }

    /// Every record of one shard output with its bytes; a cut-off or foreign file is refused.
    static func read(_ path: String, format: BatchFormat, csvRaw: Bool) throws -> [Entry] {
        let bytes = try FileIO.read(path, maxBytes: Int.max - 1)
        var entries: [Entry] = []
        switch format {
        case .jsonl:
            var start = 0, number = 0
            while start < bytes.count {
                guard let end = bytes[start...].firstIndex(of: 0x0A) else {
                    throw damaged(path, "its last record has no line end: the shard was stopped before it finished")
                }
                number += 1
                if let record = try ReadBackRecord.jsonl(bytes[start..<end], line: number, output: path) {
                    entries.append(Entry(file: record.file, bytes: bytes[start...end], record: record))
                }
                start = end + 1
            }
        case .csvWide, .csvLong:
            let records: [CSVReader.Record]
            do { records = try CSVReader.completeRecords(bytes, neutralised: !csvRaw) } catch {
                throw damaged(path, "\(error)")
            }
            guard let header = records.first, header.fields == format.columns else {
                throw damaged(path, "its columns are not those of \(format.rawValue) as this gxconvert writes it")
            }
            guard (records.last?.end ?? 0) == bytes.count else {
                throw damaged(path, "its last record is cut off: the shard was stopped before it finished")
            }
            var start = header.end
            var i = 1
            while i < records.count {
                var j = i + 1
                if format == .csvLong { while j < records.count, records[j].fields.first == records[i].fields.first { j += 1 } }
                let rows = records[i..<j].map(\.fields)
                let record: ReadBackRecord = format == .csvWide
                    ? try .csvWide(rows[0], output: path) : try .csvLong(rows, output: path)
                let end = records[j - 1].end
                entries.append(Entry(file: record.file, bytes: bytes[start..<end], record: record))
                start = end
                i = j
            }
        }
        return entries
    }

    static func damaged(_ path: String, _ what: String) -> GXError {
        GXError(.output, "cannot merge \(path): \(what)", file: path,
                hint: "run that shard again (with --resume to finish it), then merge")
    }
}
