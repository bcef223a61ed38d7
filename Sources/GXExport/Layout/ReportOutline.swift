import GXModel
import GXTemplate

/// A paragraph-like piece of the report in reading order.
public struct OutlineText: Sendable {
    public enum Role: Sendable, Equatable { case title, preamble, heading, paragraph, closing }
    public var role: Role
    public var text: String
    /// The section it belongs to (headings and section paragraphs).
    public var section: String?
    /// Bookmark names that marked this place in the source.
    public var bookmarks: [String]
}

/// One anchored cell of a table ready to draw: the template's label or the report's printed value,
/// the bookmarks that stood there, and the hard rules it breaks.
public struct OutlineCell: Sendable {
    public var layout: LayoutCell
    public var text: String
    public var bookmarks: [String]
    /// Error diagnostics naming this cell (for highlighting).
    public var errors: [Diagnostic]
    public var kind: CellKind?

    public var path: CellPath? {
        if case .value(let p) = layout.content { return p }
        return nil
    }
}

public struct OutlineTable: Sendable {
    public var layout: TableLayout
    /// Anchored cells, grid row by grid row.
    public var rows: [[OutlineCell]]
}

public enum OutlineBlock: Sendable {
    case text(OutlineText)
    case table(OutlineTable)
}

/// The report in reading order as every document writer (HTML, Markdown, DOCX, text) draws it:
/// title, preamble, the six sections with their tables, the closing — with each bookmark put back
/// at the paragraph or cell its path names. Built from the report model alone, so all writers
/// agree on order and placement, and what they write reads back to the same model.
public struct ReportOutline: Sendable {
    public var blocks: [OutlineBlock]

    public init(_ report: Report) {
        var marks = BookmarkPlacer(report.bookmarks)
        let errors = ErrorIndex(report.diagnostics)
        var blocks: [OutlineBlock] = []

        if let title = report.title {
            blocks.append(.text(OutlineText(role: .title, text: title, section: nil, bookmarks: marks.take("title"))))
        }
        for (i, line) in report.preamble.enumerated() {
            blocks.append(.text(OutlineText(role: .preamble, text: line, section: nil, bookmarks: marks.take("preamble.\(i)"))))
        }
        var placedTables = Set<String>()
        for section in report.sections {
            blocks.append(.text(OutlineText(role: .heading, text: section.heading, section: section.key,
                                            bookmarks: marks.take("sections.\(section.key).heading"))))
            let table = StandardTableKey(rawValue: section.key).flatMap { report.table($0) }
            // The model does not say where among its section's paragraphs a table stood; source
            // lines do when they differ (pretty-printed XML, HTML, text), else it follows them.
            let tableLine = table?.source?.line ?? 0
            var tableDone = table == nil
            for (i, paragraph) in section.paragraphs.enumerated() {
                let line = i < section.paragraphSources.count ? section.paragraphSources[i].line : 0
                if !tableDone, let table, tableLine > 0, line > tableLine {
                    blocks.append(.table(Self.table(table, marks: &marks, errors: errors)))
                    tableDone = true
                }
                blocks.append(.text(OutlineText(role: .paragraph, text: paragraph, section: section.key,
                                                bookmarks: marks.take("sections.\(section.key).paragraphs.\(i)"))))
            }
            if !tableDone, let table { blocks.append(.table(Self.table(table, marks: &marks, errors: errors))) }
            if let table { placedTables.insert(table.key.rawValue) }
        }
        // A table whose section heading was not found still goes out, in template order.
        for table in report.tables where !placedTables.contains(table.key.rawValue) {
            blocks.append(.table(Self.table(table, marks: &marks, errors: errors)))
        }
        for (i, line) in report.closing.enumerated() {
            blocks.append(.text(OutlineText(role: .closing, text: line, section: nil,
                                            bookmarks: i == 0 ? marks.take("closing") : [])))
        }
        // Bookmarks named in document terms (`blocks.7`, `tables.4.r2c3`) have no place in the
        // template; they ride on the last paragraph so their names are not lost.
        let rest = marks.remaining()
        if !rest.isEmpty, let last = blocks.lastIndex(where: { if case .text = $0 { true } else { false } }),
           case .text(var text) = blocks[last] {
            text.bookmarks += rest
            blocks[last] = .text(text)
        }
        self.blocks = blocks
    }

    static func table(_ table: StandardTable, marks: inout BookmarkPlacer, errors: ErrorIndex) -> OutlineTable {
        let layout = TemplateLayout.layout(table.key, table.variant ?? .v2021)
        let rows = layout.rows.map { row in
            row.map { cell -> OutlineCell in
                var out = OutlineCell(layout: cell, text: "", bookmarks: cell.role.map { marks.take($0) } ?? [],
                                      errors: [], kind: nil)
                switch cell.content {
                case .label(let label): out.text = label
                case .value(let path):
                    let found = table[row: path.row, column: path.column]
                    out.text = found?.text ?? ""
                    out.kind = found?.kind ?? .blank
                    out.errors = errors.errors(path.description)
                }
                return out
            }
        }
        return OutlineTable(layout: layout, rows: rows)
    }
}

/// Hands out bookmark names by the report path they mark, each once, in model order.
struct BookmarkPlacer {
    private var byPath: [String: [String]] = [:]
    private var order: [String] = []

    init(_ bookmarks: [ReportBookmark]) {
        for b in bookmarks {
            if byPath[b.path] == nil { order.append(b.path) }
            byPath[b.path, default: []].append(b.name)
        }
    }

    mutating func take(_ path: String) -> [String] {
        byPath.removeValue(forKey: path) ?? []
    }

    func remaining() -> [String] {
        order.flatMap { byPath[$0] ?? [] }
    }
}

/// Error diagnostics by the cell paths they name.
struct ErrorIndex: Sendable {
    private var byPath: [String: [Diagnostic]] = [:]

    init(_ diagnostics: [Diagnostic]) {
        for d in diagnostics where d.severity == .error {
            let paths = d.cells.isEmpty ? d.paths : d.cells.filter { $0.file == nil }.map(\.path)
            for path in Set(paths) { byPath[path, default: []].append(d) }
        }
    }

    func errors(_ path: String) -> [Diagnostic] { byPath[path] ?? [] }
}
