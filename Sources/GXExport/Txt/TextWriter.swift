import GXModel

/// The plain canonical text form, shaped like the tab-separated exports real reports arrive as
/// (seeds 001 and 004): title, then paragraphs and section headings one per line with a blank
/// line between them, and each table as its template grid, one row per line, cells separated by
/// tabs — label first, then the values; a merged-away slot is an empty field. Bookmarks are
/// `[bookmark: _Hlk…]` markers at the start of what they marked, as text extractors print them
/// (seed 000), so the text reader can keep them as bookmarks rather than text.
public enum TextWriter {
    public static func write(_ report: Report) -> [UInt8] {
        var lines: [String] = []
        for block in ReportOutline(report).blocks {
            switch block {
            case .text(let text):
                if !lines.isEmpty { lines.append("") }
                // A wrapped paragraph becomes several lines: a line is the unit of this format.
                lines.append(markers(text.bookmarks) + clean(text.text, keepNewlines: true))
            case .table(let table):
                if !lines.isEmpty { lines.append("") }
                for r in 0..<table.layout.rowCount { lines.append(row(table, r)) }
            }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// One grid row: every grid column a field, the anchored cell's text where it starts.
    static func row(_ table: OutlineTable, _ r: Int) -> String {
        var fields = [String](repeating: "", count: table.layout.columnCount)
        for cell in table.rows[r] {
            fields[cell.layout.column] = markers(cell.bookmarks) + clean(cell.text, keepNewlines: false)
        }
        return fields.joined(separator: "\t")
    }

    /// Only names a marker can carry: ASCII letters, digits, `_`, `-`, `.`, at most 80 (what Word
    /// writes, and exactly what the text reader takes back). Any other name — a tab or newline that
    /// would break the row, a `]` that would end the marker early and forge a bookmark, a bidi
    /// override — is left out: it cannot be written here without becoming the cell's text.
    static func markers(_ names: [String]) -> String {
        names.filter(isPortable).map { "[bookmark: \($0)]" }.joined()
    }

    static func isPortable(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 80 && name.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D || b == 0x2E
        }
    }

    /// Tabs separate fields and lines separate rows, so neither may appear inside a field.
    static func clean(_ text: String, keepNewlines: Bool) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\t": out.append(" ")
            case "\n", "\r\n": out.append(keepNewlines ? "\n" : " ")
            case "\r": continue
            case "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out.append(keepNewlines ? "\n" : " ")
            default: out.append(ch)
            }
        }
        return out
    }
}
