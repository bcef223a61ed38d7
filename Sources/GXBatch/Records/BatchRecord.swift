import GXExport
import GXModel
import GXTemplate
import GXValidation

/// How each converted (or failed) input becomes lines of the batch output.
public enum BatchFormat: String, Sendable, CaseIterable {
    /// One JSON object per line: the canonical report, a failure, or (at the end) a cross-year finding.
    case jsonl
    /// One row per report, one column per table cell: the sheet analysts open first.
    case csvWide = "csv-wide"
    /// One row per table cell.
    case csvLong = "csv-long"

    /// The CSV header's fields (nil for jsonl).
    var columns: [String]? {
        switch self {
        case .jsonl: return nil
        case .csvWide: return WideColumns.header
        case .csvLong: return LongColumns.header
        }
    }

    func header(raw: Bool) -> String? { columns.map { CSVWriter.record($0, raw: raw) } }

    /// The output for one input, as the bytes appended to the output: its report, or why it could
    /// not be read.
    /// `raw`: CSV fields byte for byte (`--csv-raw`), else formula starts neutralised.
    func lines(file: String, result: Result<Report, GXError>, raw: Bool) -> [UInt8] {
        switch (self, result) {
        case (.jsonl, .success(let report)):
            return JSONWriter.line(ReportJSON.value(report))
        case (.jsonl, .failure(let error)):
            return JSONWriter.line(.object([
                ("schema", .string("gxconvert.failure/1")),
                ("source", .object([("path", .string(file))])),
                ("error", .object([("code", .string(error.code.rawValue)), ("message", .string(error.message)),
                                   ("hint", .optional(error.hint)), ("where", .optional(error.location?.summary))])),
            ]))
        case (.csvWide, .success(let report)):
            return Array(CSVWriter.record(WideColumns.row(file: file, report: report), raw: raw).utf8)
        case (.csvWide, .failure(let error)):
            return Array(CSVWriter.record([file, "unreadable", error.code.rawValue]
                                          + Array(repeating: "", count: WideColumns.header.count - 3), raw: raw).utf8)
        case (.csvLong, .success(let report)):
            let head = [file, report.diagnostics.contains { $0.severity == .error } ? "rule-errors" : "ok", "",
                        report.agency ?? "", report.year.map(String.init) ?? ""]
            return Array(report.tables.flatMap(\.cells).map { cell in
                CSVWriter.record(head + [cell.path.table.rawValue, cell.path.row, cell.path.column,
                                      cell.kind == .number ? cell.number?.canonical ?? "" : "", cell.text, cell.kind.rawValue], raw: raw)
            }.joined().utf8)
        case (.csvLong, .failure(let error)):
            return Array(CSVWriter.record([file, "unreadable", error.code.rawValue, "", "", "", "", "", "", "", ""], raw: raw).utf8)
        }
    }

    /// What the resume index keeps of one input's record (jsonl only; nil for the CSV formats):
    /// a report line cut down to what `--resume` reads back, or the failure line as it is.
    func resumeRecord(file: String, result: Result<Report, GXError>) -> [UInt8]? {
        guard self == .jsonl else { return nil }
        switch result {
        case .success(let report):
            let variant = report.table(.activeDisclosure)?.variant
            return JSONWriter.line(ReportJSON.resumeValue(report) { CrossYearFacts.isKept($0, activeDisclosureVariant: variant) })
        case .failure:
            return lines(file: file, result: result, raw: false)
        }
    }

    /// A cross-year finding, for formats that can hold one after the reports.
    func crossYearLine(_ d: Diagnostic) -> String? {
        guard self == .jsonl else { return nil }
        let record = JSONValue.stream { s in
            s.openObject()
            s.key("schema"); s.string("gxconvert.cross-year/1")
            ReportJSON.writeMembers(d, to: &s)
            s.closeObject()
        }
        return JSONWriter.write(record, pretty: false) + "\n"
    }
}

/// The columns of `csv-long`: the input and its status, then one table cell per row.
enum LongColumns {
    static let header = ["file", "status", "error_code", "agency", "year", "table", "row", "column", "value", "text", "kind"]
}

/// The fixed column set of `csv-wide`: metadata, then every cell of both template variants.
enum WideColumns {
    static let meta = ["file", "status", "error_code", "agency", "year", "date", "template_active_disclosure",
                       "template_requests", "template_review_litigation", "errors", "warnings"]

    static let cellPaths: [CellPath] = {
        var seen = Set<String>()
        var out: [CellPath] = []
        for key in StandardTableKey.allCases {
            for variant in [TemplateVariant.v2021, .v2019] {
                for (path, _) in Template.spec(key, variant).cellPaths where seen.insert(path.description).inserted {
                    out.append(path)
                }
            }
        }
        return out
    }()

    static let cells = cellPaths.map(\.description)

    /// The column naming table 二's template variant.
    static let activeDisclosureTemplate = meta.firstIndex(of: "template_active_disclosure")!

    /// The cells a cross-year check reads, with their place in a row (for reading rows back).
    static let keptCells: [(column: Int, path: CellPath)] = cellPaths.enumerated()
        .filter { CrossYearFacts.isKept($0.element, activeDisclosureVariant: .v2021) }
        .map { (meta.count + $0.offset, $0.element) }

    static let header = meta + cells

    static func row(file: String, report: Report) -> [String] {
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.filter { $0.severity == .warning }.count
        var values: [String: String] = [:]
        for cell in report.tables.flatMap(\.cells) where cell.kind == .number {
            values[cell.path.description] = cell.number?.canonical
        }
        let meta = [file, errors > 0 ? "rule-errors" : "ok", "", report.agency ?? "", report.year.map(String.init) ?? "",
                    report.date ?? ""] + StandardTableKey.allCases.map { report.table($0)?.variant?.rawValue ?? "" }
            + [String(errors), String(warnings)]
        return meta + cells.map { values[$0] ?? "" }
    }
}
