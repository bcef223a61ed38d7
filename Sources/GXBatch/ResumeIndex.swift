import Foundation
import GXConvert
import GXExport
import GXModel
import GXValidation

/// What an earlier run of the same batch already wrote: which inputs are done, how they ended,
/// and the cells the cross-year checks need, so a resumed run reports on the whole output.
struct ResumedOutput {
    var done: Set<String> = []
    var converted = 0
    var withRuleErrors = 0
    var unreadable = 0
    var facts: [CrossYearFacts] = []
    /// Nothing was kept (an empty file, or one cut off inside its CSV header): it needs its header.
    var isEmpty = true

    mutating func add(_ record: ReadBackRecord) {
        done.insert(record.file)
        switch record.status {
        case .unreadable: unreadable += 1
        case .ruleErrors: converted += 1; withRuleErrors += 1
        case .ok: converted += 1
        }
        if let f = record.facts { facts.append(f) }
    }
}

/// Reads an existing batch output to continue it. What a kill can leave behind is removed first —
/// a last record with no line end, or for csv-long all rows of the last input (its rows may be
/// incomplete) — so that input is simply converted again. jsonl cross-year records are removed
/// too: they are worked out anew over all reports at the end of the resumed run.
enum ResumeIndex {
    static func prepare(_ log: OutputLog, format: BatchFormat, csvRaw: Bool, index: ResumeIndexFile? = nil) throws -> ResumedOutput {
        let path = log.path
        // The whole output is read back; only an unreadable one stops the resume.
        let bytes = try log.readAll()
        var resumed = ResumedOutput()
        let kept: [UInt8]
        switch format {
        case .jsonl:
            // The kept lines as byte ranges: usually one range from 0, so the file is only cut.
            var keptRanges: [Range<Int>] = []
            func keep(_ r: Range<Int>) {
                if let last = keptRanges.last, last.upperBound == r.lowerBound { keptRanges[keptRanges.count - 1] = last.lowerBound..<r.upperBound }
                else { keptRanges.append(r) }
            }
            let entries = index?.entries() ?? [:]
            var start = 0
            var number = 0
            while start < bytes.count {
                number += 1
                // A record the index holds, byte for byte: its entry instead of the whole record.
                if let line = entries[start], let e = ResumeIndexFile.entry(line), e.end <= bytes.count, bytes[e.end - 1] == 0x0A,
                   SHA256.hex(bytes[start..<e.end]) == e.sha256,
                   let record = try? ReadBackRecord.jsonl(object: e.record, line: number, output: path) {
                    resumed.add(record)
                    keep(start..<e.end)
                    start = e.end
                    continue
                }
                // Only lines ended by LF are whole: JSON text never holds a raw line break.
                guard let end = bytes[start...].firstIndex(of: 0x0A) else { break }
                guard let object = try? JSONSerialization.jsonObject(with: Data(bytes[start..<end])) as? [String: Any] else {
                    throw damaged(path, "line \(number) is not a JSON record")
                }
                switch try ReadBackRecord.jsonl(object: object, line: number, output: path) {
                case .some(let record):
                    resumed.add(record)
                    keep(start..<(end + 1))
                    // Read in full once: indexed now, so the next resume need not read it again.
                    if let index, let compact = try? JSONSerialization.data(withJSONObject: ReadBackRecord.resumeObject(object)) {
                        index.append(start: start, end: end + 1, sha256: SHA256.hex(bytes[start...end]), record: [UInt8](compact))
                    }
                case .none: break  // a cross-year finding
                }
                start = end + 1
            }
            if keptRanges.count <= 1, (keptRanges.first?.lowerBound ?? 0) == 0 {
                resumed.isEmpty = keptRanges.isEmpty
                do { try log.truncate(to: keptRanges.first?.upperBound ?? 0) } catch let error as GXError {
                    throw GXError(.output, "cannot rewrite the output to resume it: \(error.message)", file: path)
                }
                return resumed
            }
            kept = keptRanges.flatMap { bytes[$0] }
        case .csvWide, .csvLong:
            let records: [CSVReader.Record]
            do { records = try CSVReader.completeRecords(bytes, neutralised: !csvRaw) } catch let error as CSVReader.ParseError {
                throw damaged(path, "\(error)")
            }
            guard let header = records.first else {
                try log.truncate(to: 0)
                return resumed
            }
            guard header.fields == format.columns else {
                throw damaged(path, "its columns are not those of \(format.rawValue) as this gxconvert writes it")
            }
            var rows = Array(records.dropFirst())
            if format == .csvLong, let last = rows.last?.fields.first {
                // The last input's rows may be incomplete: drop them all and convert it again.
                while rows.last?.fields.first == last { rows.removeLast() }
            }
            let groups = format == .csvWide ? rows.map { [$0.fields] } : ReadBackRecord.groupedByFile(rows.map(\.fields))
            for group in groups {
                resumed.add(try format == .csvWide ? .csvWide(group[0], output: path) : .csvLong(group, output: path))
            }
            let end = (rows.last ?? header).end
            resumed.isEmpty = end == 0
            do { try log.truncate(to: end) } catch let error as GXError {
                throw GXError(.output, "cannot rewrite the output to resume it: \(error.message)", file: path)
            }
            return resumed
        }
        resumed.isEmpty = kept.isEmpty
        do {
            // What a kill leaves is cut off the end: the file is truncated in place, under the
            // run's lock (above). Only jsonl with cross-year records before report records (not
            // something gxconvert writes) gets here: the kept records are written out anew.
            try log.replace(with: kept)
        } catch let error as GXError {
            throw GXError(.output, "cannot rewrite the output to resume it: \(error.message)", file: path)
        }
        return resumed
    }

    static func damaged(_ path: String, _ what: String) -> GXError {
        GXError(.output, "cannot resume: the output is not one gxconvert batch wrote, or was changed since (\(what))",
                file: path, hint: "run again without --resume to write it afresh, or give another -o")
    }
}
