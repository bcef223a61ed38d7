import ArgumentParser
import GXConvert
import GXExport
import GXModel
import GXValidation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check reports against the template's rules and say exactly where they break.",
        discussion: """
        Prints one compiler-style line per finding (file:place: severity CODE: message), where the \
        place is the DOCX table/row/cell (and nearest bookmark), the HTML element, or the text \
        line:column. Reports of one agency for consecutive years are also checked against each \
        other (X-CARRY, X-INFORCE).

        Examples:
          gxconvert validate upload.docx
          gxconvert validate --strict --format json 2022.docx 2023.docx

        Exit status: 0 no rule errors; 1 some report breaks a hard rule (--strict: or has a \
        warning); 3 some input could not be read (the others are still checked).
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case human, json }

    @Argument(help: ArgumentHelp("Report files (or - for standard input).", valueName: "inputs"))
    var inputs: [String]

    @Option(name: .long, help: "human (default) or json.")
    var format: Format = .human

    @Flag(name: .long, help: "Count warnings as errors for the exit status.")
    var strict = false

    @Flag(name: .customLong("blank-as-zero"), help: "Count blank table cells as 0 (said in every diagnostic that used it).")
    var blankAsZero = false

    @Flag(name: .long, help: "Also list info findings (rules that could not be assessed, reading notes).")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Read the inputs as this format instead of sniffing (docx, html, text, pdf).", valueName: "format"))
    var from: SourceFormat?

    @OptionGroup(title: "Limits") var limits: LimitOptions
    @OptionGroup(title: "Scans") var scan: ScanOptionGroup

    func run() throws {
        let options = ConvertOptions(format: from, limits: limits.readLimits, validation: .init(blankAsZero: blankAsZero),
                                     scan: scan.scanOptions)
        var results: [(file: String, report: Report)] = []
        var facts: [CrossYearFacts] = []
        var unreadable: [GXError] = []
        for given in inputs {
            // By the bytes given on the command line (a GBK name is opened as it is), named by its display text.
            let raw = PosixFile.commandLineBytes(of: given) ?? RawPath(given)
            let input = raw.display
            do {
                let bytes = try FileIO.read(raw, maxBytes: options.limits.maxInputBytes)
                let report = try Converter.report(bytes, path: input, options: options)
                if let f = CrossYearFacts(report: report, file: input) { facts.append(f) }
                // Only what the findings need is kept: hundreds of reports in one run cost their
                // findings and a few cross-year cells each, not every text and cell.
                results.append((input, Self.findingsOnly(report)))
            } catch let error as GXError {
                unreadable.append(error.at(file: input))
            }
        }
        let crossYear = CrossYearRules.check(facts)

        let all = results.flatMap(\.report.diagnostics) + crossYear
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.filter { $0.severity == .warning }.count

        switch format {
        case .human:
            var out = ""
            for (file, report) in results {
                for d in report.diagnostics where verbose || d.severity != .info {
                    out += DiagnosticText.line(d, file: file) + "\n"
                }
            }
            for d in crossYear { out += DiagnosticText.line(d, file: d.cells.first?.file ?? "") + "\n" }
            for e in unreadable { out += "\(e)\n" }
            out += "\(results.count) report(s) checked: \(errors) error(s), \(warnings) warning(s)"
            out += unreadable.isEmpty ? "\n" : ", \(unreadable.count) unreadable\n"
            try FileIO.write(Array(out.utf8), to: "-")
        case .json:
            let value = ValidationJSON.value(results: results, crossYear: crossYear, unreadable: unreadable,
                                             errors: errors, warnings: warnings)
            try FileIO.write(Array(JSONWriter.write(value).utf8), to: "-")
        }

        if !unreadable.isEmpty { throw ExitCode(ExitStatus.unreadableInput) }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(ExitStatus.ruleErrors) }
    }

    /// The report with its findings, source, agency and year, and nothing else.
    static func findingsOnly(_ report: Report) -> Report {
        var slim = Report(source: report.source, title: report.title, agency: report.agency, year: report.year)
        slim.diagnostics = report.diagnostics
        return slim
    }
}
