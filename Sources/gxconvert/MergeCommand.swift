import ArgumentParser
import GXBatch
import GXConvert
import GXExport
import GXModel

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the outputs of `batch --shard K/N` runs into the output of one run.",
        discussion: """
        Takes the N shard outputs of one batch (same inputs, same --to) and writes the output a \
        single run over all inputs writes, byte for byte: records in input-path order, the CSV \
        header once, jsonl cross-year findings worked out anew over all reports. A shard output \
        that was cut off, or an input found in two shards, is refused (GX-E-OUTPUT).

        Example:
          for k in 0 1 2 3; do gxconvert batch reports/ --shard $k/4 -o part-$k.jsonl; done
          gxconvert merge part-*.jsonl -o all.jsonl
        """)

    @Argument(help: ArgumentHelp("The shard outputs.", valueName: "shards"))
    var shards: [String]

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The merged output (- for standard output).", valueName: "file"))
    var output: String

    @Option(name: .customLong("to"), help: "The shards' format: jsonl (default), csv-wide or csv-long.")
    var format: BatchFormat = .jsonl

    @Flag(name: .customLong("csv-raw"), help: "The shards were written with --csv-raw.")
    var csvRaw = false

    func run() throws {
        let summary: BatchSummary
        do {
            summary = try ShardMerge.merge(shards, output: output, format: format, csvRaw: csvRaw)
        } catch let error as GXError {
            CLIError.print(error)
            throw ExitCode(error.code.isOutputFailure ? ExitStatus.outputFailed : ExitStatus.unreadableInput)
        }
        Stderr.write("gxconvert merge: \(shards.count) shard(s), \(summary.found) input(s); converted \(summary.converted) "
                     + "(\(summary.withRuleErrors) with rule errors), \(summary.unreadable) unreadable"
                     + (summary.crossYear.isEmpty ? "" : ", \(summary.crossYear.count) cross-year finding(s)") + "\n")
        if summary.unreadable > 0 { throw ExitCode(ExitStatus.unreadableInput) }
        if summary.withRuleErrors > 0 { throw ExitCode(ExitStatus.ruleErrors) }
    }
}
