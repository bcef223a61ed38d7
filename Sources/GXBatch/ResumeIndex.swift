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
    static func prepare(_ log: OutputLog, format: BatchFormat, csvRaw: Bool) throws -> ResumedOutput {
        let path = log.path
        // The whole output is read back; only an unreadable one stops the resume.
        let bytes = try log.readAll()
        var resumed = ResumedOutput()
        var kept: [UInt8]
        switch format {
        case .jsonl:
            kept = []
            kept.reserveCapacity(bytes.count)
            var start = 0
            var number = 0
            // Only lines ended by LF are whole: JSON text never holds a raw line break.
            while let end = bytes[start...].firstIndex(of: 0x0A) {
                number += 1
                let line = bytes[start..<end]
                switch try ReadBackRecord.jsonl(line, line: number, output: path) {
                case .some(let record):
                    resumed.add(record)
                    kept += bytes[start...end]
                case .none: break  // a cross-year finding
                }
                start = end + 1
            }
        case .csvWide, .csvLong:
            let records: [CSVReader.Record]
            do { records = try CSVReader.completeRecords(bytes, neutralised: !csvRaw) } catch let error as CSVReader.ParseError {
                throw damaged(path, "\(error)")
            }
            guard let header = records.first else { kept = []; break }
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
            kept = Array(bytes[..<(rows.last ?? header).end])
        }
        resumed.isEmpty = kept.isEmpty
        do {
            // What a kill leaves is cut off the end: the file is truncated in place, under the
            // run's lock. Only jsonl with cross-year records before report records (not something
            // gxconvert writes) needs the kept records written out anew.
            if bytes.starts(with: kept) { try log.truncate(to: kept.count) } else { try log.replace(with: kept) }
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
