/// Draws one standard table as an HTML `<table>` with the template's `rowspan`/`colspan`, shared
/// by the HTML page and the Markdown file (where a pipe table cannot hold the merges). Each value
/// cell carries `data-path`; bookmarks are `<a id>` anchors at the start of the cell they marked;
/// cells that break a hard rule get `class="gx-error"` and the rule as their `title` tooltip. No
/// blank lines inside, so Markdown keeps it as one raw HTML block.
enum HTMLTable {
    static func render(_ table: OutlineTable) -> String {
        let layout = table.layout
        var out = "<table class=\"gx-table\" data-table=\"\(layout.table.rawValue)\" data-variant=\"\(layout.variant.rawValue)\">\n"
        for (r, row) in table.rows.enumerated() {
            if r == 0 && layout.headerRows > 0 { out += "<thead>\n" }
            if r == layout.headerRows { out += "<tbody>\n" }
            out += "<tr>"
            for cell in row { out += render(cell) }
            out += "</tr>\n"
            if layout.headerRows > 0 && r == layout.headerRows - 1 { out += "</thead>\n" }
        }
        if layout.headerRows < table.rows.count { out += "</tbody>\n" }
        out += "</table>"
        return out
    }

    static func render(_ cell: OutlineCell) -> String {
        let tag = cell.layout.isHeader ? "th" : "td"
        var attributes = ""
        if cell.layout.rowSpan > 1 { attributes += " rowspan=\"\(cell.layout.rowSpan)\"" }
        if cell.layout.columnSpan > 1 { attributes += " colspan=\"\(cell.layout.columnSpan)\"" }
        var classes: [String] = []
        if let path = cell.path {
            attributes += " data-path=\"\(HTMLEscape.attribute(path.description))\""
            if let kind = cell.kind { classes.append("gx-\(kind.rawValue)") }
        } else if !cell.layout.isHeader {
            classes.append("gx-label")
        }
        if !cell.errors.isEmpty {
            classes.append("gx-error")
            let tip = cell.errors.map { d in
                "\(d.code): \(d.message)" + (d.messageZh.map { " / \($0)" } ?? "")
            }.joined(separator: "\n")
            attributes += " title=\"\(HTMLEscape.attribute(tip))\""
        }
        if !classes.isEmpty { attributes = " class=\"\(classes.joined(separator: " "))\"" + attributes }
        return "<\(tag)\(attributes)>\(anchors(cell.bookmarks))\(HTMLEscape.lines(cell.text))</\(tag)>"
    }

    /// `<a id="_Hlk…" name="_Hlk…"></a>` for each bookmark: empty anchors as Word's own HTML export
    /// writes them (`name`, which LibreOffice and HTML readers of Word pages take as bookmarks),
    /// with `id` so browsers can jump there too.
    static func anchors(_ names: [String]) -> String {
        names.map { let n = HTMLEscape.attribute($0); return "<a id=\"\(n)\" name=\"\(n)\"></a>" }.joined()
    }
}
