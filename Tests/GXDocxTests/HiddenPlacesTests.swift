import Testing
@testable import GXDocx
import GXModel

/// Where real content hides in Word files: text boxes (with tables), content controls nested any
/// depth, smart tags.
@Suite struct HiddenPlacesTests {
    /// A drawing's text box as Word writes it (wps:txbx inside mc:AlternateContent's Choice, the VML
    /// Fallback carrying the same content).
    func textBox(_ content: String) -> String {
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:txbx><w:txbxContent>"
            + content + "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox><w:txbxContent>"
            + content + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    }

    @Test func aTextBoxIsReadAsBlocksAfterTheParagraphThatAnchorsIt() throws {
        let box = textBox(p("三、收到和处理政府信息公开申请情况") + tbl(grid: 2, tr(tc("自然人"), tc("2"))))
        let doc = try readDocument(p("前文") + "<w:p><w:r><w:t>锚定段</w:t></w:r>\(box)</w:p>" + p("后文") + tbl(grid: 1, tr(tc("x"))))
        let texts = doc.blocks.map { block -> String in
            switch block {
            case .paragraph(let p): return p.text
            case .table(let t): return "table \(t.source.table ?? 0): " + t.allText.replacingOccurrences(of: "\n", with: "|")
            }
        }
        #expect(texts == ["前文", "锚定段", "三、收到和处理政府信息公开申请情况", "table 1: 自然人|2", "后文", "table 2: x"])
    }

    @Test func aTextBoxInATableCellStaysInThatCell() throws {
        let box = textBox(p("8") + tbl(grid: 1, tr(tc("内表"))))
        let doc = try readDocument(tbl(grid: 2, tr(tc("规章"), "<w:tc><w:p><w:r><w:t>0</w:t></w:r>\(box)</w:p></w:tc>")))
        let cell = try #require(doc.tables.first?.cell(row: 0, column: 1))
        #expect(cell.text == "0\n8", "two numbers in one cell stay two paragraphs, never glued")
        #expect(cell.blocks.contains { if case .table = $0 { true } else { false } })
        #expect(doc.tables.count == 1)
        // The box in the same run as the cell's own text: nothing of either is lost.
        let same = try readDocument(tbl(grid: 1, "<w:tr><w:tc><w:p><w:r><w:t>0</w:t>\(textBox(p("8")).dropFirst(5).dropLast(6))<w:t>件</w:t></w:r></w:p></w:tc></w:tr>"))
        #expect(same.tables.first?.cells.first?.text == "0件\n8")
    }

    @Test func contentControlsAtAnyDepthAndSmartTagsAreTransparent() throws {
        let sdt = { (inner: String) in "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>\(inner)</w:sdtContent></w:sdt>" }
        let smart = "<w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"chmetcnv\"><w:r><w:t>2023</w:t></w:r></w:smartTag>"
        let cell = "<w:tc>" + sdt(sdt("<w:p>" + sdt(smart) + "<w:r><w:t>年</w:t></w:r></w:p>")) + "</w:tc>"
        let doc = try readDocument(sdt(sdt(sdt(tbl(grid: 2, sdt(tr(tc("行"), cell)))))) + sdt("<w:p>\(smart)</w:p>"))
        #expect(doc.tables.first?.cell(row: 0, column: 1)?.text == "2023年")
        #expect(doc.paragraphs.map(\.text) == ["2023"])
    }
}
