import ArgumentParser
import GXConvert
import GXExport
import GXModel

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json
}

extension SourceFormat: ExpressibleByArgument {}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert one report (the default command).",
        discussion: "Example: gxconvert Fixtures/docx/seed000-word.docx --to json -o seed000.json")

    @Argument(help: ArgumentHelp("The report file, or - to read standard input.", valueName: "input"))
    var input: String

    @Option(name: .long, help: "Output format.")
    var to: OutputFormat = .json

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write here (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Read the input as this format instead of sniffing its bytes (docx, html, text).", valueName: "format"))
    var from: SourceFormat?

    @Flag(name: .long, help: "Write JSON on one line.")
    var compact = false

    @Flag(name: .customLong("blank-as-zero"), help: "Count blank table cells as 0 when checking the arithmetic (said in every diagnostic).")
    var blankAsZero = false

    @OptionGroup(title: "Limits") var limits: LimitOptions

    func run() throws {
        let options = ConvertOptions(format: from, limits: limits.readLimits, validation: .init(blankAsZero: blankAsZero))
        let report: Report
        do {
            let bytes = try FileIO.read(input, maxBytes: options.limits.maxInputBytes)
            report = try Converter.report(bytes, path: input, options: options)
        } catch let error as GXError {
            CLIError.print(error.at(file: input))
            throw ExitCode(ExitStatus.unreadableInput)
        }
        let text: String
        switch to {
        case .json: text = ReportJSON.write(report, pretty: !compact)
        }
        do {
            try FileIO.write(Array(text.utf8), to: output ?? "-")
        } catch let error as GXError {
            CLIError.print(error)
            throw ExitCode(ExitStatus.outputFailed)
        }
    }
}

