import GXModel

/// The output formats of `gxconvert --to`, every one written from the report model alone.
public enum ExportFormat: String, Sendable, CaseIterable {
    case json, csv, md, html, docx, txt

    /// DOCX is a zip: binary, never for a terminal.
    public var isBinary: Bool { self == .docx }
}

public struct ExportOptions: Sendable {
    /// JSON on one line.
    public var compact: Bool
    /// CSV with a UTF-8 byte order mark, for spreadsheet programs.
    public var excel: Bool
    /// CSV fields exactly as they are, without neutralising formula starts (`--csv-raw`).
    public var csvRaw: Bool

    public init(compact: Bool = false, excel: Bool = false, csvRaw: Bool = false) {
        self.compact = compact
        self.excel = excel
        self.csvRaw = csvRaw
    }
}

/// One entry point for every writer, so the command line, batch runs and tests produce the same
/// bytes for the same report.
public enum ReportExport {
    public static func bytes(_ report: Report, as format: ExportFormat, options: ExportOptions = .init()) throws -> [UInt8] {
        switch format {
        case .json: return JSONWriter.bytes(ReportJSON.value(report), pretty: !options.compact)
        case .csv: return CSVWriter.write(report, excel: options.excel, raw: options.csvRaw)
        case .md: return MarkdownWriter.write(report)
        case .html: return HTMLWriter.write(report)
        case .docx: return try DocxWriter.write(report)
        case .txt: return TextWriter.write(report)
        }
    }
}
