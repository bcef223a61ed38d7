import GXModel
import GXTemplate

/// The canonical JSON form (spec §7). Key order is fixed here and only here. Written member by
/// member into the output: a tree of the report first cost as much again as writing it.
public enum ReportJSON {
    public static let schema = "gxconvert.report/1"

    public static func value(_ report: Report) -> JSONValue {
        .stream { write(report, to: &$0) }
    }

    public static func write(_ report: Report, pretty: Bool = true) -> String {
        JSONWriter.write(value(report), pretty: pretty)
    }

    static func write(_ report: Report, to s: inout JSONStream) {
        s.openObject()
        s.key("schema"); s.string(schema)
        s.key("source"); s.openObject()
        s.key("format"); s.string(report.source.format.rawValue)
        s.key("path"); s.string(report.source.path)
        s.key("sha256"); s.string(report.source.sha256)
        if let by = report.source.convertedBy { s.key("converted_by"); s.string(by) }
        s.closeObject()
        s.key("title"); s.string(orNull: report.title)
        s.key("agency"); s.string(orNull: report.agency)
        s.key("year"); s.int(orNull: report.year)
        s.key("date"); s.string(orNull: report.date)
        s.key("template"); s.openObject()
        for key in StandardTableKey.allCases { s.key(text: key.rawValue); s.string(orNull: report.table(key)?.variant?.rawValue) }
        s.closeObject()
        s.key("preamble"); s.strings(report.preamble)
        s.key("sections"); s.openArray()
        for section in report.sections {
            s.element(); s.openObject()
            s.key("key"); s.string(section.key)
            s.key("heading"); s.string(section.heading)
            s.key("paragraphs"); s.strings(section.paragraphs)
            s.closeObject()
        }
        s.closeArray()
        s.key("closing"); s.strings(report.closing)
        for key in StandardTableKey.allCases {
            s.key(text: key.rawValue)
            if let table = report.table(key) { writeValues(table, to: &s) } else { s.null() }
        }
        s.key("cells"); s.openArray()
        for table in report.tables {
            // Read in place: a copy of each cell would retain and release every one of its fields.
            table.cells.withUnsafeBufferPointer { cells in
                for i in cells.indices { s.element(); write(cells.baseAddress! + i, to: &s) }
            }
        }
        s.closeArray()
        s.key("bookmarks"); s.openArray()
        for b in report.bookmarks {
            s.element(); s.openObject()
            s.key("name"); s.string(b.name)
            s.key("path"); s.string(b.path)
            s.key("source"); write(b.source, to: &s)
            s.closeObject()
        }
        s.closeArray()
        s.key("diagnostics"); s.openArray()
        for d in report.diagnostics { s.element(); write(d, to: &s) }
        s.closeArray()
        s.key("summary"); s.openObject()
        s.key("errors"); s.int(report.diagnostics.count { $0.severity == .error })
        s.key("warnings"); s.int(report.diagnostics.count { $0.severity == .warning })
        s.closeObject()
        s.closeObject()
    }

    /// The report as `batch --resume` needs it back, for its resume index: the members that say
    /// which input it was, how it ended and which template it follows, and only the cells `keep`
    /// takes (those the cross-year checks read), in the canonical form. Read back like a report line.
    public static func resumeValue(_ report: Report, keep: @escaping @Sendable (CellPath) -> Bool) -> JSONValue {
        .stream { s in
            s.openObject()
            s.key("schema"); s.string(schema)
            s.key("source"); s.openObject()
            s.key("path"); s.string(report.source.path)
            s.key("sha256"); s.string(report.source.sha256)
            s.closeObject()
            s.key("agency"); s.string(orNull: report.agency)
            s.key("year"); s.int(orNull: report.year)
            s.key("template"); s.openObject()
            for key in StandardTableKey.allCases { s.key(text: key.rawValue); s.string(orNull: report.table(key)?.variant?.rawValue) }
            s.closeObject()
            s.key("cells"); s.openArray()
            for table in report.tables {
                table.cells.withUnsafeBufferPointer { cells in
                    for i in cells.indices where keep(cells[i].path) { s.element(); write(cells.baseAddress! + i, to: &s) }
                }
            }
            s.closeArray()
            s.key("summary"); s.openObject()
            s.key("errors"); s.int(report.diagnostics.count { $0.severity == .error })
            s.closeObject()
            s.closeObject()
        }
    }

    /// `{row: {column: value}}` in template order; null for anything not a number.
    static func writeValues(_ table: StandardTable, to s: inout JSONStream) {
        s.openObject()
        var row: String?
        for i in table.cells.indices {
            if row != table.cells[i].path.row {
                if row != nil { s.closeObject() }
                row = table.cells[i].path.row
                s.key(text: table.cells[i].path.row); s.openObject()
            }
            s.key(text: table.cells[i].path.column)
            writeValue(table.cells[i].kind, table.cells[i].number, to: &s)
        }
        if row != nil { s.closeObject() }
        s.closeObject()
    }

    private static func writeValue(_ kind: CellKind, _ number: PrintedNumber?, to s: inout JSONStream) {
        if kind == .number, let n = number { s.number(n.canonical) } else { s.null() }
    }

    /// One entry of `cells` (they are the bulk of every report's JSON).
    static func write(_ cell: UnsafePointer<ReportCell>, to s: inout JSONStream) {
        s.openObject()
        s.key("path"); s.string(cell.pointee.path.table.rawValue, cell.pointee.path.row, cell.pointee.path.column, joinedBy: 0x2E)
        s.key("text"); s.string(cell.pointee.text)
        s.key("kind"); s.string(cell.pointee.kind.rawValue)
        s.key("value"); writeValue(cell.pointee.kind, cell.pointee.number, to: &s)
        if let unit = cell.pointee.unit { s.key("unit"); s.string(unit) }
        s.key("source"); write(cell.pointee.source, to: &s)
        if let r = cell.pointee.repair {
            s.key("inferred"); s.bool(true)
            s.key("repair"); s.openObject()
            s.key("read"); s.string(r.read)
            s.key("inferred"); s.string(r.inferred)
            s.key("rule"); s.string(r.rule)
            s.key("note"); s.string(r.note)
            s.closeObject()
        }
        if cell.pointee.lost { s.key("lost"); s.bool(true) }
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
        if let page = l.page { s.key("page"); s.int(page) }
        if let box = l.box {
            s.key("bbox"); s.openArray()
            // Tenths of a point: finer than any printed glyph needs, and the same text on every machine.
            for v in [box.x0, box.y0, box.x1, box.y1] {
                let tenths = Int((v * 10).rounded())
                s.element(); s.number("\(tenths < 0 ? "-" : "")\(abs(tenths) / 10).\(abs(tenths) % 10)")
            }
            s.closeArray()
        }
        if let c = l.confidence { s.key("confidence"); s.int(c) }
        s.closeObject()
    }

    public static func source(_ l: SourceLocation) -> JSONValue {
        .stream { write(l, to: &$0) }
    }

    public static func diagnostic(_ d: Diagnostic) -> JSONValue {
        .stream { write(d, to: &$0) }
    }

    static func write(_ d: Diagnostic, to s: inout JSONStream) {
        s.openObject()
        writeMembers(d, to: &s)
        s.closeObject()
    }

    /// A diagnostic's members without the braces, for records that add their own first.
    public static func writeMembers(_ d: Diagnostic, to s: inout JSONStream) {
        s.key("code"); s.string(d.code)
        s.key("severity"); s.string(d.severity.rawValue)
        if let subject = d.subject { s.key("subject"); s.string(subject) }
        s.key("message"); s.string(d.message)
        if let zh = d.messageZh { s.key("message_zh"); s.string(zh) }
        s.key("paths"); s.strings(d.paths)
        if !d.cells.isEmpty {
            s.key("cells"); s.openArray()
            for c in d.cells {
                s.element(); s.openObject()
                s.key("path"); s.string(c.path)
                s.key("text"); s.string(c.text)
                if let file = c.file { s.key("file"); s.string(file) }
                s.key("source"); write(c.source, to: &s)
                if let bookmark = c.bookmark { s.key("bookmark"); s.string(bookmark) }
                s.closeObject()
            }
            s.closeArray()
        }
        if let left = d.left { s.key("left"); s.number(left) }
        if let right = d.right { s.key("right"); s.number(right) }
        if let difference = d.difference { s.key("difference"); s.number(difference) }
        if let source = d.source { s.key("source"); write(source, to: &s) }
    }
}
