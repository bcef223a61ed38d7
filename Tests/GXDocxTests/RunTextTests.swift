import Testing
@testable import GXDocx
import GXModel

@Suite struct RunTextTests {
    @Test func numbersSplitOverRunsAreJoined() throws {
        let doc = try readDocument("<w:p><w:r><w:t>1</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:rPr><w:b/></w:rPr><w:t>3</w:t></w:r></w:p>")
        #expect(doc.paragraphs.first?.text == "13")
    }

    @Test func trackedChangesAreAccepted() throws {
        let doc = try readDocument("<w:p><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>5</w:delText></w:r></w:del>"
            + "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>3</w:t></w:r></w:ins>"
            + "<w:moveFrom w:id=\"3\" w:author=\"a\"><w:r><w:t>old</w:t></w:r></w:moveFrom></w:p>")
        #expect(doc.paragraphs.first?.text == "3")
    }

    @Test func alternateContentIsReadOnce() throws {
        let doc = try readDocument("<w:p><mc:AlternateContent><mc:Choice Requires=\"w14\"><w:r><w:t>once</w:t></w:r></mc:Choice>"
            + "<mc:Fallback><w:r><w:t>once</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>")
        #expect(doc.paragraphs.first?.text == "once")
    }

    @Test func fieldsKeepTheirResultNotTheInstruction() throws {
        let doc = try readDocument("<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            + "<w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>页</w:t></w:r>"
            + "<w:fldSimple w:instr=\"DATE\"><w:r><w:t>!</w:t></w:r></w:fldSimple></w:p>")
        #expect(doc.paragraphs.first?.text == "第4页!")
    }

    @Test func hiddenTextIsExcludedAndFlagged() throws {
        let doc = try readDocument("<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>见</w:t></w:r>"
            + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>秘密</w:t></w:r><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>光</w:t></w:r></w:p>")
        let para = try #require(doc.paragraphs.first)
        #expect(para.text == "见光")
        #expect(para.hiddenText == "秘密")
        #expect(doc.diagnostics.contains { $0.code == "GX-I-HIDDEN-TEXT" })
    }

    @Test func tabsBreaksAndPropertyChangesAreHandled() throws {
        let doc = try readDocument("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"100\"/></w:tabs></w:pPr>"
            + "<w:r><w:rPr><w:rPrChange w:id=\"9\" w:author=\"a\"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr>"
            + "<w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p>")
        #expect(doc.paragraphs.first?.text == "a\tb\nc", "an old vanish inside rPrChange does not hide text")
    }

    @Test func bookmarksAreZeroWidthMarkersWithTheirPlace() throws {
        let doc = try readDocument("<w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/>"
            + "<w:p><w:r><w:t>前</w:t></w:r><w:bookmarkStart w:id=\"1\" w:name=\"_Hlk1\"/><w:r><w:t>后</w:t></w:r>"
            + "<w:bookmarkEnd w:id=\"1\"/></w:p>"
            + tbl(grid: 1, "<w:bookmarkStart w:id=\"2\" w:name=\"_Hlk2\"/>" + tr(tc("x")) + "<w:bookmarkEnd w:id=\"2\"/>"))
        let para = try #require(doc.paragraphs.first)
        #expect(para.text == "前后", "bookmarks are never text")
        #expect(para.bookmarks.map(\.name) == ["_GoBack", "_Hlk1"])
        #expect(para.bookmarks.last?.offset == 1)
        let t = try #require(doc.tables.first)
        #expect(t.rowBookmarks.map(\.marker.name) == ["_Hlk2"])
        #expect(t.rowBookmarks.first?.row == 0)
    }

    @Test func strictNamespaceReadsLikeTransitional() throws {
        let doc = try readDocument(p("严格"), namespace: "http://purl.oclc.org/ooxml/wordprocessingml/main")
        #expect(doc.paragraphs.first?.text == "严格")
    }

    @Test func sourceLocationsNameParagraphAndCell() throws {
        let doc = try readDocument(p("一") + tbl(grid: 2, tr(tc("a"), tc("b"))) + p("二"))
        #expect(doc.paragraphs.map { $0.source.paragraph } == [1, 2])
        let cell = try #require(doc.tables.first?.cell(row: 0, column: 1))
        #expect(cell.source.table == 1 && cell.source.row == 1 && cell.source.cell == 2)
    }

    @Test func aDoctypeIsRefusedUnread() {
        let xml = Array("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".utf8)
        let reader = WordprocessingReader(part: "p", limits: .standard)
        #expect {
            try SAXDriver(handler: reader, part: "p", maxElements: 100).parse(xml)
        } throws: { ($0 as? GXError)?.code == .dtd }
    }

    @Test func depthBeyondTheLimitIsRefused() {
        let body = String(repeating: "<w:sdt><w:sdtContent>", count: 200) + String(repeating: "</w:sdtContent></w:sdt>", count: 200)
        #expect { try readDocument(body) } throws: { ($0 as? GXError)?.code == .limit }
    }
}
