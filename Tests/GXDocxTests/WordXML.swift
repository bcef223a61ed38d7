@testable import GXDocx
import GXModel

/// Builds a main part around a body fragment, in the Transitional namespace unless told otherwise.
func wordDocument(_ body: String, namespace: String = "http://schemas.openxmlformats.org/wordprocessingml/2006/main") -> [UInt8] {
    let xml = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="\(namespace)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
    xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>\(body)</w:body></w:document>
    """
    return Array(xml.utf8)
}

func readDocument(_ body: String, limits: ReadLimits = .standard,
                  namespace: String = "http://schemas.openxmlformats.org/wordprocessingml/2006/main") throws -> Document {
    let reader = WordprocessingReader(part: "word/document.xml", limits: limits)
    try SAXDriver(handler: reader, part: "word/document.xml", maxElements: limits.maxXMLElements)
        .parse(wordDocument(body, namespace: namespace))
    return try reader.finish()
}

func p(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }
func tc(_ text: String, _ props: String = "") -> String { "<w:tc><w:tcPr>\(props)</w:tcPr>\(p(text))</w:tc>" }
func tr(_ cells: String...) -> String { "<w:tr>" + cells.joined() + "</w:tr>" }
func tbl(grid: Int?, _ rows: String...) -> String {
    let g = grid.map { "<w:tblGrid>" + String(repeating: "<w:gridCol w:w=\"100\"/>", count: $0) + "</w:tblGrid>" } ?? ""
    return "<w:tbl><w:tblPr/>" + g + rows.joined() + "</w:tbl>"
}

extension Document {
    var paragraphs: [Paragraph] { blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } } }
    var tables: [Table] { blocks.compactMap { if case .table(let t) = $0 { t } else { nil } } }
}
