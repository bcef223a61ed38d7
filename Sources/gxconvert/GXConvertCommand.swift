#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import GXConvert
import GXExport
import GXModel

/// Exit statuses scripts can rely on; documented in README.md.
enum ExitStatus {
    static let ok: Int32 = 0
    static let ruleErrors: Int32 = 1
    static let unreadableInput: Int32 = 3
    static let outputFailed: Int32 = 4
}

@main
struct GXConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gxconvert",
        abstract: "Turn 政府信息公开工作年度报告 (DOCX or HTML) into checked, structured data.",
        discussion: """
        Reads an agency's annual government information-disclosure report, maps it onto the national
        template (sections 一–六, tables 二/三/四 with their stable keys), checks the tables' arithmetic,
        and writes the canonical JSON.

        EXAMPLES:
          gxconvert report.docx --to json -o report.json
          gxconvert - --from docx < upload.docx | jq '.requests.new_received.total'
          gxconvert saved-portal-page.html --to json

        EXIT STATUS:
          0  converted (rule violations, if any, are in the JSON "diagnostics")
          3  the input could not be read (coded error on stderr, e.g. GX-E-ZIP, GX-E-DTD, GX-E-LIMIT)
          4  the output could not be written
          64 the command line was wrong
        """,
        version: "0.1.0",
        subcommands: [Convert.self],
        defaultSubcommand: Convert.self
    )
}

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

    func run() throws {
        let options = ConvertOptions(format: from, validation: .init(blankAsZero: blankAsZero))
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

enum CLIError {
    static func print(_ error: GXError) {
        let line = Array("gxconvert: error: \(error)\n".utf8)
        line.withUnsafeBytes { buf in _ = write(2, buf.baseAddress, buf.count) }
    }
}
