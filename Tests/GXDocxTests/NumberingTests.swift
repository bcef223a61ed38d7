import Testing
@testable import GXDocx
import GXModel

@Suite struct NumberingTests {
    @Test func formatsAsWordShowsThem() {
        #expect([1, 9, 10, 11, 20, 21, 105, 110].map { NumberFormat.format($0, as: "chineseCounting") }
                == ["一", "九", "十", "十一", "二十", "二十一", "一百零五", "一百一十"])
        #expect(NumberFormat.format(12, as: "chineseCountingThousand") == "十二")
        #expect(NumberFormat.format(3, as: "ideographTraditional") == "丙")
        #expect(NumberFormat.format(2, as: "decimalEnclosedCircleChinese") == "②")
        #expect(NumberFormat.format(21, as: "decimalEnclosedCircleChinese") == "21")
        #expect(NumberFormat.format(4, as: "upperRoman") == "IV")
        #expect(NumberFormat.format(28, as: "lowerLetter") == "bb")
        #expect(NumberFormat.format(3, as: "chineseLegalSimplified") == "叁")
    }

    static let numbering: [UInt8] = Array("""
    <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:abstractNum w:abstractNumId="7">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/><w:suff w:val="space"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="8"/></w:num>
    </w:numbering>
    """.utf8)

    static let styles: [UInt8] = Array("""
    <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="1"/></w:style>
    </w:styles>
    """.utf8)

    func definitions() throws -> NumberingDefinitions {
        let reader = NumberingReader()
        try SAXDriver(handler: reader, part: "word/numbering.xml", maxElements: 10_000).parse(Self.numbering)
        try SAXDriver(handler: reader, part: "word/styles.xml", maxElements: 10_000).parse(Self.styles)
        return reader.definitions
    }

    @Test func countersContinueRestartAndFollowStyles() throws {
        var lists = ListCounter(try definitions())
        #expect(lists.label(numId: "1", ilvl: 0) == "一、")
        #expect(lists.label(numId: "1", ilvl: 1) == "（一）")
        #expect(lists.label(numId: "1", ilvl: 1) == "（二）")
        #expect(lists.label(numId: "1", ilvl: 2) == "一.1 ", "%1.%3: the level-0 number in its own format, space suffix")
        #expect(lists.label(numId: "1", ilvl: 0) == "二、")
        #expect(lists.label(numId: "1", ilvl: 1) == "（一）", "a level restarts under a new higher level")
        #expect(lists.label(numId: "2", ilvl: 1) == "（五）", "startOverride restarts the level at its first use")
        #expect(lists.label(numId: "2", ilvl: 1) == "（六）")
        #expect(lists.label(numId: "1", ilvl: 0) == "三、", "instances of one list continue each other")
        #expect(lists.label(numId: "3", ilvl: 0) == nil, "bullets are not numbers")
        #expect(lists.label(numId: "0", ilvl: 0) == nil)
        #expect(lists.label(numId: "99", ilvl: 0) == nil)
        #expect(lists.definitions.numbering(ofStyle: "MyHeading")?.numId == "1")
    }

    @Test func numberedParagraphsGetTheirNumberBeforeTheirText() throws {
        let xml = wordDocument("""
        <w:p><w:pPr><w:pStyle w:val="MyHeading"/></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:bookmarkStart w:id="0" w:name="_Hlk1"/><w:r><w:t>主动公开</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>
        """)
        let doc = try DocxReader.readMainPart(xml, part: "word/document.xml", limits: .standard, numbering: try definitions())
        let texts = doc.blocks.compactMap { if case .paragraph(let p) = $0 { p.text } else { nil } }
        #expect(texts == ["一、总体情况", "（一）主动公开", "不编号"])
        if case .paragraph(let p) = doc.blocks[1] { #expect(p.bookmarks.first?.offset == 3) }
    }
}
