import Testing
import GXModel
import GXTemplate
@testable import GXHTML

/// The byte-level readings the reader takes for speed give exactly what the Character-level
/// readings they stand in for give, including on the text where they must step aside.
@Suite struct ByteRouteTests {
    /// Plain text, and text where Characters are not scalars or compare equal across scalars.
    static let samples = [
        "", "一、总体情况", "二、主动公开政府信息情况", "（一）收到和处理", "ａｂｃ：１２３", "来源：本网", "  2023年 ",
        "e\u{301}总体情况", "总体情况\u{301}", "处\u{F9E4}", "一\r\n二", "一\n二", "\u{3000}三、收到", "Kelvin \u{212A}",
        "〔2023〕1号", "“一”—…", "四.行政复议", "五、存在的主要问题\u{200D}", "扫一扫【打印】",
    ]
    static let needles = ["总体情况", "处理", "一、", "二", "情况", "：", ":", "abc", "【打印】", "\n", "年"]

    @Test func plainTextAgreesWithString() {
        for text in Self.samples {
            let plain = PlainText(text)
            for needle in Self.needles {
                #expect(plain.contains(needle) == text.contains(needle), "\(text) contains \(needle)")
                #expect(plain.hasPrefix(needle) == text.hasPrefix(needle), "\(text) hasPrefix \(needle)")
            }
            for n in [0, 1, 2, 3, 30, 80] { #expect(plain.prefix(n) == String(text.prefix(n)), "\(text) prefix \(n)") }
            #expect(plain.count == text.count, "\(text) count")
        }
        #expect(PlainText.isPlain("一、总体情况：ａ１"))
        #expect(!PlainText.isPlain("处\u{F9E4}"), "a compatibility ideograph equals another character")
        #expect(!PlainText.isPlain("一\r\n二"), "CR LF is one Character")
    }

    @Test func readerNeedlesArePlain() {
        for section in Template.sections {
            for needle in section.keywords + [section.number + "、", section.number + "."] { #expect(PlainText.isPlain(needle), "\(needle)") }
        }
        for needle in ReportMarkers.metadataLabels + ReportMarkers.foldedTrailingChrome { #expect(PlainText.isPlain(needle), "\(needle)") }
    }

    @Test func classAndIDTokensAgreeWithTheTokenizer() {
        for value in ["MsoNormal", "mainNav", "topMenu", "main-top", "article content", "share_box", "Footer2", "qrcodeBox",
                      "sidebar-left", "navx", "NAV", "x", "breadcrumbsWrap", "toolbars", "a1b2 c3", "--", ""] {
            let general = ChromeRules.tokens(value).contains(where: ChromeRules.chromeTokens.contains)
            #expect(AttributeScan.hasChromeToken(value) == general, "\(value)")
        }
        #expect(AttributeScan.hasChromeToken("nav\u{212A}") == nil, "non-ASCII values take the general path")
    }

    @Test func styleReadingsAgree() {
        for style in ["display:none", "DISPLAY : NONE", "display:\nnone", "font-family:宋体;mso-hide:all", "visibility: hidden",
                      "display:block", "font-family:仿宋_GB2312", "display:宋none", "mso-hide:\tall;color:red", ""] {
            #expect(AttributeScan.hidesContent(style) == ChromeRules.styleHides(style), "\(style)")
        }
        #expect(AttributeScan.hidesContent("display:\u{3000}none") == nil, "U+3000 is white space: the general path decides")
        #expect(ChromeRules.styleHides("display:\u{3000}none"))
    }

    @Test func rememberedPathsAreThePaths() throws {
        let page = Page.body("""
        <div><p>a</p><p>b<span>c</span></p><div><table><tr><td>1</td><td><p>2</p><p>3</p></td></tr><tr><td>4</td></tr></table></div></div>
        <p>d</p>
        """)
        let tree = try HTMLParser.parse(Array(page.utf8), limits: .standard).tree
        var paths = ElementPaths(tree: tree)
        for i in tree.nodes.indices.reversed() { #expect(paths.path(i) == tree.path(i)) }
        #expect(tree.path(0) == "/")
        let cell = try #require(tree.nodes.indices.last { tree.nodes[$0].name == "td" })
        #expect(tree.path(cell) == "/html/body/div[1]/div[1]/table[1]/tr[2]/td[1]")
    }

    @Test func lineBreaksAreNewlineCharacters() {
        for text in ["a\nb", "a\r\nb", "\r\n", "\n", "a\rb", "", "a\n\u{301}"] {
            #expect(LineSplitter.hasLineBreak(text) == text.contains("\n"), "\(text.debugDescription)")
        }
    }

    @Test func conditionalCommentMarkersGoLineBreaksStay() {
        let page = Array("<p><![if !supportLists]>1.<![endif]>x</p>\n<!--[if gte mso 9]><xml></xml><![endif]--><![if !vml\n]>y<![endif]>".utf8)
        let (out, removed) = ConditionalComments.strip(page)
        #expect(String(decoding: out, as: UTF8.self) == "<p>1.x</p>\n<!--[if gte mso 9]><xml></xml><![endif]-->\ny")
        #expect(removed == 4)
        #expect(ConditionalComments.strip(Array("<p>plain</p>".utf8)).removed == 0)
    }
}
