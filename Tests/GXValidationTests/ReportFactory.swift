import GXModel
import GXTemplate

/// Builds report models directly, so each rule can be tested on exactly the cells it reads.
struct ReportFactory {
    var report: Report

    init(year: Int = 2023, agency: String = "某某县水利局", requests: TemplateVariant = .v2021) {
        report = Report(source: SourceInfo(format: .docx, path: "t.docx", sha256: ""), agency: agency, year: year)
        for (key, variant) in [(StandardTableKey.activeDisclosure, TemplateVariant.v2021), (.requests, requests),
                               (.reviewLitigation, requests)] {
            let spec = Template.spec(key, variant)
            let cells = spec.cellPaths.enumerated().map { i, entry in
                ReportCell(path: entry.path, text: "0", kind: .number, number: PrintedNumber(canonical: "0"),
                           source: SourceLocation(part: "word/document.xml", table: 1, row: i / 7 + 1, cell: i % 7 + 1))
            }
            report.tables.append(StandardTable(key: key, variant: variant, cells: cells))
        }
    }

    /// Sets a cell's printed text, reading it the way the adapters do.
    mutating func set(_ path: String, _ text: String) {
        let parts = path.split(separator: ".").map(String.init)
        let t = report.tables.firstIndex { $0.key.rawValue == parts[0] }!
        let c = report.tables[t].cells.firstIndex { $0.path.row == parts[1] && $0.path.column == parts[2] }!
        let reading = CellReader.read(text, type: parts[2] == "amount_10k_yuan" ? .decimal : parts[2] == "change" ? .signedCount : .count)
        report.tables[t].cells[c].text = text
        report.tables[t].cells[c].kind = reading.kind
        report.tables[t].cells[c].number = reading.number
    }

    /// Sets a whole table-三 row: six applicant columns and their total.
    mutating func row(_ row: String, _ values: [Int]) {
        for (column, v) in zip(Template.requestColumns.map(\.key), values + [values.reduce(0, +)]) {
            set("requests.\(row).\(column)", String(v))
        }
    }

    mutating func prose(_ section: String, _ paragraphs: [String]) {
        report.sections.append(ReportSection(key: section, heading: section, paragraphs: paragraphs,
                                             headingSource: .unknown,
                                             paragraphSources: paragraphs.indices.map { SourceLocation(paragraph: $0 + 10) }))
    }
}
