import Testing
@testable import GXDocx
import GXModel

/// Text that must stay apart in a cell, and attribute values read exactly (issue 20 §5).
@Suite struct CellTextTests {
    static func cellText(_ content: String) throws -> String {
        let doc = try readDocument(tbl(grid: 1, "<w:tr><w:tc><w:tcPr/>\(content)</w:tc></w:tr>"))
        let cell = try #require(doc.tables.first?.cells.first)
        return cell.text
    }

    @Test func aTextBoxBeforeTheCellsOwnTextIsOnItsOwnLine() throws {
        let box = "<w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox><w:txbxContent>\(p("8"))</w:txbxContent></v:textbox></v:shape></w:pict>"
        let text = try Self.cellText("<w:p><w:r><w:t>0</w:t>\(box)</w:r></w:p>")
        #expect(text.contains("\n"), "\(text.debugDescription)")
        #expect(text != "80" && text != "08")
    }

    @Test func aLineBreakOrTabInACellIsKept() throws {
        #expect(try Self.cellText("<w:p><w:r><w:t>1</w:t><w:br/><w:t>2</w:t></w:r></w:p>") == "1\n2")
        #expect(try Self.cellText("<w:p><w:r><w:t>1</w:t><w:tab/><w:t>2</w:t></w:r></w:p>") == "1\t2")
    }

    @Test func anAmpersandInAnAttributeIsReadOnce() throws {
        let doc = try readDocument("<w:p><w:bookmarkStart w:id=\"1\" w:name=\"a&amp;b&#38;c&lt;\"/><w:r><w:t>x</w:t></w:r></w:p>")
        #expect(doc.paragraphs.first?.bookmarks.first?.name == "a&b&c<")
    }
}
