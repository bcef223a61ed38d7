import GXLibXML
import GXModel
import GXZip

/// The report as a clean DOCX: the title in the Title style, the six section headings in
/// Heading1, paragraphs as written, the three tables in the national template's layout with real
/// `w:gridSpan`/`w:vMerge`, and each `_Hlk…` bookmark back at the cell or paragraph it marked.
/// Parts are built as trees, serialised by libxml2's writer and zipped by libzip with fixed times,
/// so the same report gives the same bytes — and the DOCX reader reads it back to the same report.
public enum DocxWriter {
    /// A4 text width between 2.54 cm / 3.17 cm margins (twentieths of a point).
    static let textWidth = 8306

    public static func write(_ report: Report) throws -> [UInt8] {
        let document = try serialize(self.document(report), part: "word/document.xml")
        let parts = [
            ("[Content_Types].xml", try serialize(DocxParts.contentTypes(), part: "[Content_Types].xml")),
            ("_rels/.rels", try serialize(DocxParts.packageRelationships(), part: "_rels/.rels")),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", try serialize(DocxParts.documentRelationships(),
                                                                        part: "word/_rels/document.xml.rels")),
            ("word/styles.xml", try serialize(DocxParts.styles(), part: "word/styles.xml")),
            ("docProps/core.xml", try serialize(DocxParts.core(title: report.title, date: report.date),
                                                             part: "docProps/core.xml")),
            ("docProps/app.xml", try serialize(DocxParts.app(), part: "docProps/app.xml")),
        ]
        do {
            return try ZipWriter.archive(parts)
        } catch {
            let message = if case .cannotWrite(let m) = error { m } else { "\(error)" }
            throw GXError(.export, "cannot write the DOCX package: \(message)")
        }
    }

    /// One part's bytes through libxml2's writer; a failure there is ours, worded for a bug report.
    static func serialize(_ root: XMLElement, part: String) throws -> [UInt8] {
        do {
            return try XMLWriter.serialize(root)
        } catch {
            throw GXError(.export, "cannot write \(part): \(error.message)", hint: "this is a bug in gxconvert's DOCX writer; please report it")
        }
    }

    static func document(_ report: Report) -> XMLElement {
        var ids = BookmarkIDs()
        var body = XMLElement("w:body")
        for block in ReportOutline(report).blocks {
            switch block {
            case .text(let text):
                let style: String?
                var justify: String? = nil
                switch text.role {
                case .title: style = "Title"
                case .heading: style = "Heading1"
                case .closing: style = nil; justify = "right"
                case .preamble, .paragraph: style = nil
                }
                body.append(paragraph(text.text, style: style, justify: justify, bookmarks: text.bookmarks, ids: &ids,
                                      indent: text.role == .paragraph || text.role == .preamble))
            case .table(let table):
                body.append(self.table(table, ids: &ids))
                // An empty paragraph keeps two tables (or a table and the next heading) apart in Word.
                body.append(XMLElement("w:p"))
            }
        }
        body.append(XMLElement("w:sectPr", [], [
            XMLElement("w:pgSz", [("w:w", "11906"), ("w:h", "16838")]),
            XMLElement("w:pgMar", [("w:top", "1440"), ("w:right", "1800"), ("w:bottom", "1440"), ("w:left", "1800"),
                                   ("w:header", "851"), ("w:footer", "992"), ("w:gutter", "0")]),
        ]))
        return XMLElement("w:document", [("xmlns:w", DocxParts.w), ("xmlns:r", DocxParts.r)], [body])
    }

    /// One paragraph; `\n` in the text is a line break and `\t` a tab, as the reader reads them.
    static func paragraph(_ text: String, style: String?, justify: String? = nil, bookmarks: [String],
                          ids: inout BookmarkIDs, indent: Bool = false) -> XMLElement {
        var p = XMLElement("w:p")
        var pPr: [XMLElement] = []
        if let style { pPr.append(XMLElement("w:pStyle", [("w:val", style)])) }
        if indent { pPr.append(XMLElement("w:ind", [("w:firstLineChars", "200"), ("w:firstLine", "420")])) }
        if let justify { pPr.append(XMLElement("w:jc", [("w:val", justify)])) }
        if !pPr.isEmpty { p.append(XMLElement("w:pPr", [], pPr)) }
        for name in bookmarks {
            let id = ids.next()
            p.append(XMLElement("w:bookmarkStart", [("w:id", id), ("w:name", name)]))
            p.append(XMLElement("w:bookmarkEnd", [("w:id", id)]))
        }
        if !text.isEmpty { p.append(run(text)) }
        return p
    }

    static func run(_ text: String) -> XMLElement {
        var r = XMLElement("w:r")
        var pending = ""
        func flush(_ r: inout XMLElement) {
            if !pending.isEmpty { r.append(XMLElement("w:t", [("xml:space", "preserve")], text: pending)) }
            pending = ""
        }
        for ch in text {
            switch ch {
            case "\n", "\r\n": flush(&r); r.append(XMLElement("w:br"))
            case "\t": flush(&r); r.append(XMLElement("w:tab"))
            case "\r": continue
            default: pending.append(ch)
            }
        }
        flush(&r)
        return r
    }

    /// Every grid row gets a `w:tc` for each slot run: an anchored cell (with `gridSpan`, and
    /// `vMerge restart` when it spans rows) or the continuation of the cell above (`vMerge`).
    static func table(_ table: OutlineTable, ids: inout BookmarkIDs) -> XMLElement {
        let layout = table.layout
        let total = layout.columnWeights.reduce(0, +)
        let widths = layout.columnWeights.map { textWidth * $0 / total }
        var tbl = XMLElement("w:tbl", [], [
            XMLElement("w:tblPr", [], [
                XMLElement("w:tblStyle", [("w:val", "ReportTable")]),
                XMLElement("w:tblW", [("w:w", String(widths.reduce(0, +))), ("w:type", "dxa")]),
                XMLElement("w:jc", [("w:val", "center")]),
                XMLElement("w:tblLayout", [("w:type", "fixed")]),
                XMLElement("w:tblLook", [("w:val", "04A0"), ("w:firstRow", "1"), ("w:lastRow", "0"), ("w:firstColumn", "1"),
                                         ("w:lastColumn", "0"), ("w:noHBand", "0"), ("w:noVBand", "1")]),
            ]),
            XMLElement("w:tblGrid", [], widths.map { XMLElement("w:gridCol", [("w:w", String($0))]) }),
        ])
        var anchored: [Int: OutlineCell] = [:]
        for row in table.rows { for cell in row { anchored[cell.layout.row * layout.columnCount + cell.layout.column] = cell } }

        for r in 0..<layout.rowCount {
            var tr = XMLElement("w:tr")
            if r < layout.headerRows { tr.append(XMLElement("w:trPr", [], [XMLElement("w:tblHeader")])) }
            var c = 0
            while c < layout.columnCount {
                guard let cover = layout.covering(row: r, column: c) else { c += 1; continue }
                let width = widths[cover.column..<(cover.column + cover.columnSpan)].reduce(0, +)
                var tcPr = [XMLElement("w:tcW", [("w:w", String(width)), ("w:type", "dxa")])]
                if cover.columnSpan > 1 { tcPr.append(XMLElement("w:gridSpan", [("w:val", String(cover.columnSpan))])) }
                if cover.row == r {
                    if cover.rowSpan > 1 { tcPr.append(XMLElement("w:vMerge", [("w:val", "restart")])) }
                    tcPr.append(XMLElement("w:vAlign", [("w:val", "center")]))
                    let cell = anchored[r * layout.columnCount + c]!
                    let isLabel = !cover.isHeader && cell.path == nil
                    tr.append(XMLElement("w:tc", [], [
                        XMLElement("w:tcPr", [], tcPr),
                        paragraph(cell.text, style: "TableText", justify: isLabel ? "left" : nil, bookmarks: cell.bookmarks,
                                  ids: &ids),
                    ]))
                } else {
                    tcPr.append(XMLElement("w:vMerge"))
                    tr.append(XMLElement("w:tc", [], [XMLElement("w:tcPr", [], tcPr),
                                                      XMLElement("w:p", [], [XMLElement("w:pPr", [], [XMLElement("w:pStyle", [("w:val", "TableText")])])])]))
                }
                c += cover.columnSpan
            }
            tbl.append(tr)
        }
        return tbl
    }
}

/// `w:id`s for bookmarks, unique within the document and in writing order.
struct BookmarkIDs {
    private var n = 0
    mutating func next() -> String {
        defer { n += 1 }
        return String(n)
    }
}
