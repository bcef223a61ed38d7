import GXLibXML

/// The fixed parts of the package: content types, relationships, styles and document properties.
/// Nothing here depends on the clock, so the same report gives a byte-identical DOCX.
enum DocxParts {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRels = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let relTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes() -> XMLElement {
        XMLElement("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")], [
            XMLElement("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")]),
            XMLElement("Default", [("Extension", "xml"), ("ContentType", "application/xml")]),
            override("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
            override("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
            override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            override("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ])
    }

    private static func override(_ part: String, _ type: String) -> XMLElement {
        XMLElement("Override", [("PartName", part), ("ContentType", type)])
    }

    static func packageRelationships() -> XMLElement {
        XMLElement("Relationships", [("xmlns", packageRels)], [
            relationship("rId1", "\(relTypes)/officeDocument", "word/document.xml"),
            relationship("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                         "docProps/core.xml"),
            relationship("rId3", "\(relTypes)/extended-properties", "docProps/app.xml"),
        ])
    }

    static func documentRelationships() -> XMLElement {
        XMLElement("Relationships", [("xmlns", packageRels)], [relationship("rId1", "\(relTypes)/styles", "styles.xml")])
    }

    private static func relationship(_ id: String, _ type: String, _ target: String) -> XMLElement {
        XMLElement("Relationship", [("Id", id), ("Type", type), ("Target", target)])
    }

    /// Title, title date and creator; the timestamps are the report's own date (or a fixed one),
    /// never the time of writing.
    static func core(title: String?, date: String?) -> XMLElement {
        let stamp = (date.map { "\($0)T00:00:00Z" }) ?? "2000-01-01T00:00:00Z"
        var children: [XMLElement] = []
        if let title { children.append(XMLElement("dc:title", text: title)) }
        children.append(XMLElement("dc:creator", text: "gxconvert"))
        children.append(XMLElement("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], text: stamp))
        children.append(XMLElement("dcterms:modified", [("xsi:type", "dcterms:W3CDTF")], text: stamp))
        return XMLElement("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ], children)
    }

    static func app() -> XMLElement {
        XMLElement("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")], [
            XMLElement("Application", text: "gxconvert"),
        ])
    }

    /// Normal (宋体 / Times New Roman, 10.5 pt), Title, Heading1/Heading2 with outline levels so
    /// Word's navigation pane lists the six sections, and a bordered table style.
    static func styles() -> XMLElement {
        func val(_ name: String, _ value: String) -> XMLElement { XMLElement(name, [("w:val", value)]) }
        let fonts = XMLElement("w:rFonts", [("w:ascii", "Times New Roman"), ("w:hAnsi", "Times New Roman"),
                                            ("w:eastAsia", "宋体"), ("w:cs", "Times New Roman")])
        func paragraphStyle(_ id: String, _ name: String, outline: Int?, size: Int, center: Bool) -> XMLElement {
            var pPr = XMLElement("w:pPr", [], [XMLElement("w:keepNext"),
                                                XMLElement("w:spacing", [("w:before", "240"), ("w:after", "120")])])
            if center { pPr.append(val("w:jc", "center")) }
            if let outline { pPr.append(val("w:outlineLvl", String(outline))) }
            return XMLElement("w:style", [("w:type", "paragraph"), ("w:styleId", id)], [
                val("w:name", name), val("w:basedOn", "Normal"), val("w:next", "Normal"), XMLElement("w:qFormat"), pPr,
                XMLElement("w:rPr", [], [XMLElement("w:rFonts", [("w:eastAsia", "黑体")]), XMLElement("w:b"),
                                         val("w:sz", String(size)), val("w:szCs", String(size))]),
            ])
        }
        let border = { (side: String) in XMLElement("w:\(side)", [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")]) }
        return XMLElement("w:styles", [("xmlns:w", w)], [
            XMLElement("w:docDefaults", [], [
                XMLElement("w:rPrDefault", [], [XMLElement("w:rPr", [], [fonts, val("w:sz", "21"), val("w:szCs", "21"),
                                                                         XMLElement("w:lang", [("w:val", "en-US"), ("w:eastAsia", "zh-CN")])])]),
                XMLElement("w:pPrDefault", [], [XMLElement("w:pPr", [], [XMLElement("w:spacing", [("w:after", "0"), ("w:line", "300"), ("w:lineRule", "auto")])])]),
            ]),
            XMLElement("w:style", [("w:type", "paragraph"), ("w:default", "1"), ("w:styleId", "Normal")], [
                val("w:name", "Normal"), XMLElement("w:qFormat"),
            ]),
            paragraphStyle("Title", "Title", outline: nil, size: 36, center: true),
            paragraphStyle("Heading1", "heading 1", outline: 0, size: 28, center: false),
            paragraphStyle("Heading2", "heading 2", outline: 1, size: 24, center: false),
            XMLElement("w:style", [("w:type", "paragraph"), ("w:customStyle", "1"), ("w:styleId", "TableText")], [
                val("w:name", "Table Text"), val("w:basedOn", "Normal"),
                XMLElement("w:pPr", [], [val("w:jc", "center")]),
                XMLElement("w:rPr", [], [val("w:sz", "18"), val("w:szCs", "18")]),
            ]),
            XMLElement("w:style", [("w:type", "table"), ("w:styleId", "ReportTable")], [
                val("w:name", "Report Table"),
                XMLElement("w:tblPr", [], [
                    XMLElement("w:tblBorders", [], ["top", "left", "bottom", "right", "insideH", "insideV"].map(border)),
                    XMLElement("w:tblCellMar", [], [XMLElement("w:left", [("w:w", "57"), ("w:type", "dxa")]),
                                                    XMLElement("w:right", [("w:w", "57"), ("w:type", "dxa")])]),
                ]),
            ]),
        ])
    }
}
