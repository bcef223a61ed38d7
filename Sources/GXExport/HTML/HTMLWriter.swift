import GXModel

/// The whole report as one self-contained UTF-8 HTML page: title, preamble, the six sections with
/// `<h2>` headings, the three tables with the template's merges, the closing. Only HTML 4 era
/// elements are used so that libxml2's HTML parser (and the HTML reader built on it) reads the
/// page with no errors; what the page says reads back to the same report.
public enum HTMLWriter {
    public static func write(_ report: Report) -> [UInt8] {
        Array(page(report).utf8)
    }

    static func page(_ report: Report) -> String {
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        var out = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="gxconvert \(ReportJSON.schema)">
        <meta name="gxconvert-errors" content="\(errors)">
        <title>\(HTMLEscape.text(String((report.title ?? "政府信息公开工作年度报告").filter { $0 != "\n" })))</title>
        <style>
        body{font-family:"Noto Serif CJK SC","SimSun",serif;max-width:60em;margin:2em auto;line-height:1.6}
        h1{text-align:center;font-size:1.6em}
        table.gx-table{border-collapse:collapse;margin:1em 0;font-size:.9em}
        table.gx-table th,table.gx-table td{border:1px solid #444;padding:.2em .4em;text-align:center}
        td.gx-label{text-align:left}
        td.gx-error{background:#fdd;outline:2px solid #c00}
        p.gx-closing{text-align:right}
        </style>
        </head>
        <body>

        """
        for block in ReportOutline(report).blocks {
            switch block {
            case .table(let table):
                out += HTMLTable.render(table) + "\n"
            case .text(let text):
                let content = HTMLTable.anchors(text.bookmarks) + HTMLEscape.lines(text.text)
                switch text.role {
                case .title: out += "<h1>\(content)</h1>\n"
                case .heading: out += "<h2 id=\"section-\(text.section ?? "")\">\(content)</h2>\n"
                case .preamble, .paragraph: out += "<p>\(content)</p>\n"
                case .closing: out += "<p class=\"gx-closing\">\(content)</p>\n"
                }
            }
        }
        out += "</body>\n</html>\n"
        return out
    }
}
