import ArgumentParser
import GXBatch
import GXConvert
import GXExport
import GXModel
import GXValidation

extension BatchFormat: ExpressibleByArgument {}

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a whole year's reports (folders of mixed files) into one dataset.",
        discussion: """
        Walks folders recursively, sniffs each file's format, converts on several workers and writes \
        one record per input in a fixed order (sorted paths). Bad files do not stop the run: each \
        becomes a failure record with its error code. Reports of one agency for consecutive years \
        are checked against each other (X-CARRY, X-INFORCE): listed on stderr, and in jsonl \
        appended as "gxconvert.cross-year/1" records after the reports.

        Examples:
          gxconvert batch reports/2023 -o 2023.jsonl
          gxconvert batch reports/ -o sheet.csv --to csv-wide --jobs 2
          gxconvert batch reports/ -o 2023.jsonl --resume      # continue a stopped run
          gxconvert batch reports/ -o part-3.jsonl --shard 3/16  # one machine's share
          gxconvert merge part-*.jsonl -o 2023.jsonl           # = one run over all of reports/

        With --resume, the inputs already in the output are skipped, the rest appended, and the \
        summary, the exit status and the cross-year checks cover the whole output.

        Exit status: 0 every input converted with no rule errors; 1 some reports break a hard rule; \
        3 some inputs could not be read (their records say why); 4 the output could not be written, \
        is an input (GX-E-SAME-FILE), or another batch run holds it (GX-E-LOCKED).
        """)

    @Argument(help: ArgumentHelp("Folders and files to convert.", valueName: "inputs"))
    var inputs: [String]

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The output file (- for standard output).", valueName: "file"))
    var output: String

    @Option(name: .customLong("to"), help: "jsonl (default), csv-wide or csv-long.")
    var format: BatchFormat = .jsonl

    @Option(name: .long, help: "Workers (default: all cores).")
    var jobs: Int = BatchOptions.defaultJobs

    @Flag(name: .customLong("all-files"), help: "In folders, take every file, not only reports (.docx .doc .html .htm .txt .pdf, page images).")
    var allFiles = false

    @Flag(name: .long, help: "Skip inputs already in the output file and append the rest.")
    var resume = false

    @Flag(name: .customLong("csv-raw"), help: "CSV fields byte for byte: do not neutralise fields starting with = + - @ (formula injection).")
    var csvRaw = false

    @Flag(name: .customLong("blank-as-zero"), help: "Count blank table cells as 0 when checking the arithmetic.")
    var blankAsZero = false

    @Option(help: ArgumentHelp("Convert only shard K of N (0 ≤ K < N), chosen by path; join the outputs with `gxconvert merge`.",
                               valueName: "K/N"))
    var shard: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Show progress on stderr (default: only when stderr is a terminal).")
    var progress: Bool?

    @OptionGroup(title: "Limits") var limits: LimitOptions
    @OptionGroup(title: "Scans") var scan: ScanOptionGroup

    func validate() throws {
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs takes 1 to 256") }
        if csvRaw, format == .jsonl { throw ValidationError("--csv-raw applies to --to csv-wide and csv-long only") }
        if resume, output == "-" { throw ValidationError("--resume needs an output file, not standard output") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes K/N with 0 ≤ K < N, e.g. 0/8") }
    }

    /// Batch work always has a per-document budget, so one pathological upload cannot stall a
    /// night's run: 30 s unless `--time-budget` says otherwise.
    var batchLimits: ReadLimits {
        var l = limits.readLimits
        if l.timeBudget == nil { l.timeBudget = .seconds(30) }
        return l
    }

    func run() throws {
        var options = BatchOptions(inputs: inputs, output: output, format: format, jobs: jobs, resume: resume,
                                   progress: progress ?? ProgressDisplayPolicy.stderrIsTerminal,
                                   convert: ConvertOptions(limits: batchLimits, validation: .init(blankAsZero: blankAsZero),
                                     scan: scan.scanOptions))
        options.allFiles = allFiles
        // Walked and opened by the bytes given (a GBK folder name is not UTF-8).
        options.rawInputs = inputs.map { PosixFile.commandLineBytes(of: $0) ?? RawPath($0) }
        options.csvRaw = csvRaw
        options.shard = shard.flatMap(Shard.init)
        let summary: BatchSummary
        do {
            summary = try BatchRunner.run(options)
        } catch let error as GXError {
            CLIError.print(error)
            throw ExitCode(error.code.isOutputFailure ? ExitStatus.outputFailed : ExitStatus.unreadableInput)
        }
        var text = ""
        for d in summary.crossYear { text += DiagnosticText.line(d, file: d.cells.first?.file ?? "") + "\n" }
        text += "gxconvert batch: \(summary.found) file(s)"
        if summary.skipped > 0 { text += ", \(summary.skipped) already in the output; in all" }
        text += "; converted \(summary.converted) (\(summary.withRuleErrors) with rule errors), \(summary.unreadable) unreadable"
        if !summary.crossYear.isEmpty { text += ", \(summary.crossYear.count) cross-year finding(s)" }
        Stderr.write(text + "\n")
        if summary.unreadable > 0 { throw ExitCode(ExitStatus.unreadableInput) }
        if summary.withRuleErrors > 0 { throw ExitCode(ExitStatus.ruleErrors) }
    }
}
