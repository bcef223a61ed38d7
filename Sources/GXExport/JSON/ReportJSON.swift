import GXModel
import GXTemplate

/// The canonical JSON form (spec §7). Key order is fixed here and only here.
public enum ReportJSON {
    public static let schema = "gxconvert.report/1"

    public static func value(_ report: Report) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("schema", .string(schema)),
            ("source", .object([
                ("format", .string(report.source.format.rawValue)),
                ("path", .string(report.source.path)),
                ("sha256", .string(report.source.sha256)),
            ])),
            ("title", .optional(report.title)),
            ("agency", .optional(report.agency)),
            ("year", .optional(report.year)),
            ("date", .optional(report.date)),
            ("template", .object(StandardTableKey.allCases.map { key in
                (key.rawValue, .optional(report.table(key)?.variant?.rawValue))
            })),
            ("preamble", .array(report.preamble.map(JSONValue.string))),
            ("sections", .array(report.sections.map { section in
                .object([
                    ("key", .string(section.key)),
                    ("heading", .string(section.heading)),
                    ("paragraphs", .array(section.paragraphs.map(JSONValue.string))),
                ])
            })),
            ("closing", .array(report.closing.map(JSONValue.string))),
        ]
        for key in StandardTableKey.allCases {
            members.append((key.rawValue, tableValues(report.table(key))))
        }
        members.append(("cells", .array(report.tables.flatMap(\.cells).map(cell))))
        members.append(("bookmarks", .array(report.bookmarks.map { b in
            .object([("name", .string(b.name)), ("path", .string(b.path)), ("source", source(b.source))])
        })))
        members.append(("diagnostics", .array(report.diagnostics.map(diagnostic))))
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.filter { $0.severity == .warning }.count
        members.append(("summary", .object([("errors", .int(errors)), ("warnings", .int(warnings))])))
        return .object(members)
    }

    public static func write(_ report: Report, pretty: Bool = true) -> String {
        JSONWriter.write(value(report), pretty: pretty)
    }

    /// `{row: {column: value}}` in template order; null for anything not a number.
    static func tableValues(_ table: StandardTable?) -> JSONValue {
        guard let table else { return .null }
        var rows: [(String, [(String, JSONValue)])] = []
        for cell in table.cells {
            if rows.last?.0 != cell.path.row { rows.append((cell.path.row, [])) }
            rows[rows.count - 1].1.append((cell.path.column, cellValue(cell)))
        }
        return .object(rows.map { ($0.0, .object($0.1)) })
    }

    static func cellValue(_ cell: ReportCell) -> JSONValue {
        guard cell.kind == .number, let n = cell.number else { return .null }
        return .number(n.canonical)
    }

    static func cell(_ cell: ReportCell) -> JSONValue {
        var m: [(String, JSONValue)] = [
            ("path", .string(cell.path.description)),
            ("text", .string(cell.text)),
            ("kind", .string(cell.kind.rawValue)),
            ("value", cellValue(cell)),
            ("source", source(cell.source)),
        ]
        if let r = cell.repair {
            m.append(("inferred", .bool(true)))
            m.append(("repair", .object([("read", .string(r.read)), ("inferred", .string(r.inferred)),
                                         ("rule", .string(r.rule)), ("note", .string(r.note))])))
        }
        if cell.lost { m.append(("lost", .bool(true))) }
        return .object(m)
    }

    public static func source(_ s: SourceLocation) -> JSONValue {
        var m: [(String, JSONValue)] = []
        if let part = s.part { m.append(("part", .string(part))) }
        if let table = s.table { m.append(("table", .int(table))) }
        if let row = s.row { m.append(("row", .int(row))) }
        if let cell = s.cell { m.append(("cell", .int(cell))) }
        if let paragraph = s.paragraph { m.append(("paragraph", .int(paragraph))) }
        if let element = s.element { m.append(("element", .string(element))) }
        if s.line > 0 { m.append(("line", .int(s.line))) }
        if s.column > 0 { m.append(("column", .int(s.column))) }
        return .object(m)
    }

    public static func diagnostic(_ d: Diagnostic) -> JSONValue {
        var m: [(String, JSONValue)] = [
            ("code", .string(d.code)),
            ("severity", .string(d.severity.rawValue)),
        ]
        if let subject = d.subject { m.append(("subject", .string(subject))) }
        m.append(("message", .string(d.message)))
        if let zh = d.messageZh { m.append(("message_zh", .string(zh))) }
        m.append(("paths", .array(d.paths.map(JSONValue.string))))
        if !d.cells.isEmpty {
            m.append(("cells", .array(d.cells.map { c in
                var cell: [(String, JSONValue)] = [("path", .string(c.path)), ("text", .string(c.text))]
                if let file = c.file { cell.append(("file", .string(file))) }
                cell.append(("source", source(c.source)))
                if let bookmark = c.bookmark { cell.append(("bookmark", .string(bookmark))) }
                return .object(cell)
            })))
        }
        if let left = d.left { m.append(("left", .number(left))) }
        if let right = d.right { m.append(("right", .number(right))) }
        if let difference = d.difference { m.append(("difference", .number(difference))) }
        if let s = d.source { m.append(("source", source(s))) }
        return .object(m)
    }
}
