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
        let cells = report.tables.flatMap(\.cells)
        members.append(("cells", cells.isEmpty ? .array([]) : .stream { stream in
            stream.openArray()
            for c in cells { stream.element(); write(c, to: &stream) }
            stream.closeArray()
        }))
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

    /// One entry of `cells`, written directly (it is the bulk of every report's JSON).
    static func write(_ cell: ReportCell, to s: inout JSONStream) {
        s.openObject()
        s.key("path"); s.string(cell.path.description)
        s.key("text"); s.string(cell.text)
        s.key("kind"); s.string(cell.kind.rawValue)
        s.key("value")
        if cell.kind == .number, let n = cell.number { s.number(n.canonical) } else { s.null() }
        s.key("source"); write(cell.source, to: &s)
        if let r = cell.repair {
            s.key("inferred"); s.bool(true)
            s.key("repair"); s.openObject()
            s.key("read"); s.string(r.read)
            s.key("inferred"); s.string(r.inferred)
            s.key("rule"); s.string(r.rule)
            s.key("note"); s.string(r.note)
            s.closeObject()
        }
        if cell.lost { s.key("lost"); s.bool(true) }
        s.closeObject()
    }

    static func write(_ l: SourceLocation, to s: inout JSONStream) {
        s.openObject()
        if let part = l.part { s.key("part"); s.string(part) }
        if let table = l.table { s.key("table"); s.int(table) }
        if let row = l.row { s.key("row"); s.int(row) }
        if let cell = l.cell { s.key("cell"); s.int(cell) }
        if let paragraph = l.paragraph { s.key("paragraph"); s.int(paragraph) }
        if let element = l.element { s.key("element"); s.string(element) }
        if l.line > 0 { s.key("line"); s.int(l.line) }
        if l.column > 0 { s.key("column"); s.int(l.column) }
        s.closeObject()
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
