#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import GXConvert
import GXExport
import GXModel

extension ExportFormat: ExpressibleByArgument {}

extension SourceFormat: ExpressibleByArgument {}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert one report (the default command).",
        discussion: """
        Examples:
          gxconvert Fixtures/docx/seed000-word.docx --to json -o seed000.json
          gxconvert report.docx --to csv --excel -o report.csv
          gxconvert report.docx --to docx -o clean.docx
        """)

    @Argument(help: ArgumentHelp("The report file, or - to read standard input.", valueName: "input"))
    var input: String

    @Option(name: .long, help: "Output format: json, csv (one line per table cell), md, html, docx (a clean Word file), txt (tab-separated).")
    var to: ExportFormat = .json

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write here (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Read the input as this format instead of sniffing its bytes (docx, html, text, pdf).", valueName: "format"))
    var from: SourceFormat?

    @Flag(name: .long, help: "Write JSON on one line.")
    var compact = false

    @Flag(name: .long, help: "CSV for spreadsheet programs: start with a UTF-8 byte order mark.")
    var excel = false

    @Flag(name: .customLong("csv-raw"), help: "CSV fields byte for byte: do not neutralise fields starting with = + - @ (formula injection).")
    var csvRaw = false

    @Flag(name: .customLong("blank-as-zero"), help: "Count blank table cells as 0 when checking the arithmetic (said in every diagnostic).")
    var blankAsZero = false

    @OptionGroup(title: "Limits") var limits: LimitOptions
    @OptionGroup(title: "Scans") var scan: ScanOptionGroup

    func validate() throws {
        if excel, to != .csv { throw ValidationError("--excel applies to --to csv only") }
        if csvRaw, to != .csv { throw ValidationError("--csv-raw applies to --to csv only") }
        if compact, to != .json { throw ValidationError("--compact applies to --to json only") }
    }

    func run() throws {
        if to.isBinary, (output ?? "-") == "-", isatty(1) == 1 {
            // A zip sprayed over a terminal helps nobody and can leave it in a strange state.
            CLIError.print(GXError(.output, "refusing to write binary \(to.rawValue.uppercased()) to a terminal",
                                   hint: "use -o report.\(to.rawValue) or redirect standard output to a file"))
            throw ExitCode(ExitStatus.outputFailed)
        }
        let options = ConvertOptions(format: from, limits: limits.readLimits, validation: .init(blankAsZero: blankAsZero),
                                     scan: scan.scanOptions)
        let report: Report
        // The input by the bytes given on the command line (a GBK name is opened as it is); nil
        // when two different arguments decode to this name.
        let given = PosixFile.commandLineBytes(of: input)
        let raw = given ?? RawPath(input)
        let name = raw.display
        let inputFile = input == "-" ? nil : PosixFile.status(raw)
        do {
            if given == nil {
                throw GXError(.io, "two arguments show as this name but are different files; give the name once", file: name)
            }
            let bytes = try FileIO.read(raw, maxBytes: options.limits.maxInputBytes)
            report = try Converter.report(bytes, path: name, options: options)
        } catch let error as GXError {
            CLIError.print(error.at(file: name))
            throw ExitCode(ExitStatus.unreadableInput)
        }
        do {
            let bytes = try ReportExport.bytes(report, as: to, options: ExportOptions(compact: compact, excel: excel, csvRaw: csvRaw))
            try FileIO.write(bytes, to: output ?? "-", inputs: inputFile.map { [$0] } ?? [])
        } catch let error as GXError {
            CLIError.print(error)
            throw ExitCode(ExitStatus.outputFailed)
        }
    }
}

