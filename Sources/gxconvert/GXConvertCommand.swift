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
        Reads an agency's annual government information-disclosure report, maps it onto the national \
        template (sections 一–六, tables 二/三/四 with their stable keys), checks the tables' arithmetic, \
        and writes the canonical JSON — or the same report as CSV (one line per table cell), Markdown, \
        HTML, a clean DOCX, or tab-separated text.

        EXAMPLES:
          gxconvert report.docx --to json -o report.json
          gxconvert report.docx --to csv --excel -o report.csv
          gxconvert report.docx --to html -o report.html
          gxconvert report.docx --to docx -o clean.docx
          gxconvert - --from docx < upload.docx | jq '.requests.new_received.total'
          gxconvert saved-portal-page.html --to json
          gxconvert validate uploads/*.docx
          gxconvert validate --format json 2022.docx 2023.docx > findings.json

        EXIT STATUS:
          0  converted / no rule errors (warnings, if any, are reported)
          1  validate: a report breaks a hard rule (with --strict: or has a warning)
          3  an input could not be read (coded error on stderr, e.g. GX-E-ZIP, GX-E-DTD, GX-E-LIMIT)
          4  the output could not be written
          64 the command line was wrong
        """,
        version: "0.1.0",
        subcommands: [Convert.self, Validate.self, Batch.self, Merge.self],
        defaultSubcommand: Convert.self
    )
}

enum CLIError {
    static func print(_ error: GXError) {
        Stderr.write("gxconvert: error: \(DisplayText.escaped(error.description))\n")
    }
}

enum Stderr {
    static func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buf in _ = Glibc.write(2, buf.baseAddress, buf.count) }
    }
}
