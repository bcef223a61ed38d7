import Foundation
import GXConvert
import GXModel
import GXValidation

public struct BatchOptions: Sendable {
    public var inputs: [String]
    /// The output file, or `-` for standard output (no resume then).
    public var output: String
    public var format: BatchFormat
    public var jobs: Int
    public var resume: Bool
    public var progress: Bool
    public var convert: ConvertOptions
    /// Take every file in the folders, not only report-like names.
    public var allFiles: Bool = false
    /// CSV fields byte for byte, formula starts not neutralised (`--csv-raw`).
    public var csvRaw: Bool = false
    /// Convert only the inputs of this shard (`--shard K/N`); `gxconvert merge` joins the shards' outputs.
    public var shard: Shard?
    /// The inputs by their bytes (names that are not UTF-8, as given on the command line); nil: `inputs`.
    public var rawInputs: [RawPath]?

    public init(inputs: [String], output: String, format: BatchFormat = .jsonl, jobs: Int = BatchOptions.defaultJobs,
                resume: Bool = false, progress: Bool = false, convert: ConvertOptions = .init()) {
        self.inputs = inputs
        self.output = output
        self.format = format
        self.jobs = max(1, jobs)
        self.resume = resume
        self.progress = progress
        self.convert = convert
    }

    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// What the output holds once the run is over (with `--resume`, the earlier run's records too).
public struct BatchSummary: Sendable {
    public var found = 0
    /// Inputs already in the output when a resumed run began.
    public var skipped = 0
    public var converted = 0
    public var withRuleErrors = 0
    public var unreadable = 0
    public var crossYear: [Diagnostic] = []
}

/// Converts many inputs on `jobs` workers and writes their records in input order. Workers may run
/// at most a small window ahead of the writer, so memory stays flat however many files there are:
/// nothing of a report outlives its record except the few cells the cross-year checks need.
public enum BatchRunner {
    public static func run(_ options: BatchOptions) throws -> BatchSummary {
        let extensions = options.allFiles ? nil : FileWalker.reportExtensions
        let roots = options.rawInputs ?? options.inputs.map(RawPath.init)
        var files = try FileWalker.collect(roots, extensions: extensions)
        if let shard = options.shard { files = files.filter { shard.owns($0.display) } }
        var summary = BatchSummary()
        summary.found = files.count
        if options.output != "-" { try OutputCheck.refuseInputAsOutput(RawPath(options.output), roots: roots, files: files, extensions: extensions) }

        // Locked before anything is read or cut: a second run onto this output stops here (GX-E-LOCKED).
        let log = try OutputLog(path: options.output)
        if options.resume, options.output != "-", !log.isRegular {
            throw GXError(.output, "cannot resume an output that is not a regular file", file: options.output)
        }
        let canResume = options.resume && log.isRegular
        // jsonl keeps a compact index beside the output so a resume need not parse every record.
        let index = options.format == .jsonl && log.isRegular ? ResumeIndexFile(output: log.raw) : nil
        if !canResume {
            try log.truncate(to: 0)
            index?.reset()
        }
        let earlier = canResume ? try ResumeIndex.prepare(log, format: options.format, csvRaw: options.csvRaw, index: index) : ResumedOutput()
        let todo = files.filter { !earlier.done.contains($0.display) }
        summary.skipped = files.count - todo.count

        if earlier.isEmpty, let header = options.format.header(raw: options.csvRaw) { try log.write(header) }

        let state = RunState(count: todo.count, window: options.jobs * 4, log: log, index: index, offset: try log.size(),
                             progress: ProgressDisplay(total: todo.count, enabled: options.progress))
        let format = options.format
        let csvRaw = options.csvRaw
        let convertOptions = options.convert
        let indexed = index != nil
        DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(todo.count, 1))) { _ in
            while let i = state.next() {
                let raw = todo[i]
                let file = raw.display
                let result: Result<Report, GXError>
                do {
                    let bytes = try FileIO.read(raw, maxBytes: convertOptions.limits.maxInputBytes)
                    result = .success(try Converter.report(bytes, path: file, options: convertOptions))
                } catch let error as GXError {
                    result = .failure(error.at(file: file))
                } catch {
                    result = .failure(GXError(.io, "\(error)", file: file))
                }
                let text = format.lines(file: file, result: result, raw: csvRaw)
                let entry = indexed ? format.resumeRecord(file: file, result: result) : nil
                let record = RunState.Record(
                    text: text, entry: entry, sha256: entry == nil ? nil : SHA256.hex(text),
                    facts: (try? result.get()).flatMap { CrossYearFacts(report: $0, file: file) },
                    unreadable: { if case .failure = result { true } else { false } }(),
                    ruleErrors: (try? result.get())?.diagnostics.contains { $0.severity == .error } ?? false)
                state.complete(i, record)
            }
        }
        state.progress.finish()
        if let error = state.writeError { throw error }

        // A resumed run accounts for the whole output, the earlier run's records included.
        summary.converted = earlier.converted + state.converted
        summary.withRuleErrors = earlier.withRuleErrors + state.withRuleErrors
        summary.unreadable = earlier.unreadable + state.unreadable
        summary.crossYear = CrossYearRules.check(earlier.facts + state.facts)
        for finding in summary.crossYear {
            if let line = format.crossYearLine(finding) { try log.write(line) }
        }
        return summary
    }
}

/// Shared by the workers: hands out indexes, holds finished records until their turn, writes them.
final class RunState: @unchecked Sendable {
    struct Record {
        let text: [UInt8]
        /// Its resume-index entry (jsonl) and the hash of `text` that entry is checked by.
        let entry: [UInt8]?
        let sha256: String?
        let facts: CrossYearFacts?
        let unreadable: Bool
        let ruleErrors: Bool
    }

    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private let log: OutputLog
    private let indexFile: ResumeIndexFile?
    /// Where the next record starts in the output.
    private var offset: Int
    let progress: ProgressDisplay
    private var issued = 0
    private var nextToWrite = 0
    private var pending: [Int: Record] = [:]
    private(set) var facts: [CrossYearFacts] = []
    private(set) var converted = 0
    private(set) var withRuleErrors = 0
    private(set) var unreadable = 0
    private(set) var writeError: GXError?

    init(count: Int, window: Int, log: OutputLog, index: ResumeIndexFile?, offset: Int, progress: ProgressDisplay) {
        self.count = count
        self.window = max(window, 1)
        self.log = log
        self.indexFile = index
        self.offset = offset
        self.progress = progress
    }

    /// The next input to convert, waiting while the writer is a full window behind.
    func next() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while issued < count, issued - nextToWrite >= window, writeError == nil { condition.wait() }
        guard issued < count, writeError == nil else { return nil }
        issued += 1
        return issued - 1
    }

    func complete(_ index: Int, _ record: Record) {
        condition.lock()
        defer { condition.unlock() }
        pending[index] = record
        while let ready = pending.removeValue(forKey: nextToWrite) {
            do {
                try log.write(ready.text)
                // The entry after its record: a kill between the two costs the record's full read.
                if let indexFile, let entry = ready.entry, let sha = ready.sha256 {
                    indexFile.append(start: offset, end: offset + ready.text.count, sha256: sha, record: entry)
                }
                offset += ready.text.count
            } catch let error as GXError { writeError = writeError ?? error } catch {}
            if ready.unreadable { unreadable += 1 } else { converted += 1 }
            if ready.ruleErrors { withRuleErrors += 1 }
            if let f = ready.facts { facts.append(f) }
            nextToWrite += 1
            progress.update(done: nextToWrite, failed: unreadable, ruleErrors: withRuleErrors, force: nextToWrite == count)
        }
        condition.broadcast()
    }
}

/// Refuses an output that is, or would become, one of the batch's inputs.
enum OutputCheck {
    static func refuseInputAsOutput(_ output: RawPath, roots: [RawPath], files: [RawPath], extensions: Set<String>?) throws {
        // The output is an input already: named on the command line, found by the walk (a rerun
        // without --resume), or a hard link to one.
        if let existing = PosixFile.status(output), existing.kind == .regular,
           let input = files.first(where: { PosixFile.status($0)?.isSameFile(as: existing) == true }) {
            throw GXError(.sameFile, "the output is also an input (\(input.display)); refused, nothing written", file: output.display,
                          hint: "give -o a file outside the inputs")
        }
        // The output lands in a walked folder under a name the walk takes: the next run, or a
        // --resume, would convert its own output. Real paths are compared: the walk follows no
        // symbolic link below a root, and a real path has none.
        guard FileWalker.takes(name: output.lastComponent, extensions: extensions) else { return }
        let slash = output.bytes.lastIndex(of: UInt8(ascii: "/"))
        let dir = slash.map { RawPath(bytes: $0 == 0 ? [UInt8(ascii: "/")] : Array(output.bytes[..<$0])) } ?? RawPath(".")
        guard let outDir = PosixFile.realPath(dir) else { return }
        for root in roots where PosixFile.linkStatus(root)?.kind == .directory {
            guard let real = PosixFile.realPath(root) else { continue }
            let prefix = real.bytes.last == UInt8(ascii: "/") ? real.bytes : real.bytes + [UInt8(ascii: "/")]
            guard outDir.bytes == real.bytes || outDir.bytes.starts(with: prefix) else { continue }
            // A hidden folder on the way is not walked.
            let below = outDir.bytes.count > prefix.count ? Array(outDir.bytes[prefix.count...]) : []
            if below.split(separator: UInt8(ascii: "/")).contains(where: { $0.first == UInt8(ascii: ".") }) { continue }
            throw GXError(.sameFile, "the output is inside \(root.display), which this batch walks, and its name is one the walk takes: a later run or --resume would convert it as an input; refused",
                          file: output.display, hint: "write the output outside the walked folders, or name it .jsonl/.csv (never taken without --all-files)")
        }
    }
}
