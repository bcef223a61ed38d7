import GXModel

/// The whole report as CommonMark: `#` title, `##` section headings, paragraphs, and the three
/// tables as embedded HTML tables — their merged headers (rowspan/colspan) cannot be held by a
/// pipe table. Hard-rule findings follow at the end so a reader of the file sees them.
public enum MarkdownWriter {
    public static func write(_ report: Report) -> [UInt8] {
        var out = ""
        for block in ReportOutline(report).blocks {
            switch block {
            case .table(let table):
                out += HTMLTable.render(table) + "\n\n"
            case .text(let text):
                let anchors = HTMLTable.anchors(text.bookmarks)
                switch text.role {
                case .title: out += "# \(anchors)\(inline(text.text, heading: true))\n\n"
                case .heading: out += "## \(anchors)\(inline(text.text, heading: true))\n\n"
                case .preamble, .paragraph, .closing: out += "\(anchors)\(paragraph(text.text))\n\n"
                }
            }
        }
        let findings = report.diagnostics.filter { $0.severity == .error }
        if !findings.isEmpty {
            out += "---\n\n**校验错误 / Rule errors**\n\n"
            for d in findings {
                out += "- `\(d.code)` \(inline(d.message, heading: false))"
                if let zh = d.messageZh { out += " — \(inline(zh, heading: false))" }
                out += "\n"
            }
            out += "\n"
        }
        return Array(out.utf8)
    }

    /// A paragraph: every line escaped, wrapped lines kept as hard breaks (`\` at line end).
    static func paragraph(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { blockStart(inline(String($0), heading: false)) }
            .joined(separator: "\\\n")
    }

    /// Escapes what Markdown would read as markup (emphasis, code, links, raw HTML, tables), and
    /// entities; report text is prose, never markup.
    static func inline(_ text: String, heading: Bool) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&":
                out.append("\\"); out.append(ch)
            case "\n": out.append(heading ? " " : "\n")
            case "\r": continue
            default: out.append(ch)
            }
        }
        return out
    }

    /// A line that would start a list, quote, heading or thematic break is escaped at its start;
    /// leading spaces would make an indented code block, so they go.
    static func blockStart(_ line: String) -> String {
        var line = Substring(line)
        while let f = line.first, f == " " || f == "\t" { line = line.dropFirst() }
        guard let first = line.first else { return "" }
        if "-+=".contains(first) { return "\\" + line }
        // `1. ` / `1) ` ordered-list markers.
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")",
               rest.dropFirst().first == nil || rest.dropFirst().first == " " {
                return digits + "\\" + rest
            }
        }
        return String(line)
    }
}
