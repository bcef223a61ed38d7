import Testing
import GXModel
@testable import GXHTML

/// What Word, WPS and portal editors leave in a page, read the way a browser shows it.
@Suite struct PasteCleanupTests {
    @Test func wordMarkupReadsAsItsText() throws {
        let doc = try Page.read(Page.body("""
        <div class=WordSection1>
        <p class=MsoNormal><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt'>&nbsp; </span></span><![endif]><span
        style='font-family:仿宋_GB2312;mso-hansi-font-family:宋体'>第一项</span><span lang=EN-US>2023</span><span
        style='font-family:仿宋_GB2312'>年<o:p></o:p></span></p>
        <!--[if gte mso 9]><xml><w:WordDocument>一、总体情况</w:WordDocument></xml><![endif]-->
        <p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
        <p class=MsoNormal>可见<span style='display:none;mso-hide:all'>隐藏</span>文字</p>
        </div>
        """))
        let texts = Page.paragraphs(doc).map(\.text)
        #expect(texts == ["1.  第一项2023年", "", "可见文字"], "&nbsp; and a space, as a browser shows them")
        #expect(Page.paragraphs(doc)[2].hiddenText == "隐藏")
    }

    @Test func lineBreaksBetweenChineseCharactersAreNotSpaces() throws {
        let doc = try Page.read(Page.body("<p>政府信息\n公开工作 2023\n年 and\nmore</p>"))
        #expect(Page.paragraphs(doc).first?.text == "政府信息公开工作 2023 年 and more")
    }

    @Test func cellsKeepParagraphsBreaksAndBlanks() throws {
        let doc = try Page.read(Page.body("""
        <table><tr><td><p class=MsoNormal>结果<br>维持</p></td><td><p>&nbsp;</p></td><td></td>
        <td><p>（本列数据的勾稽关系为：</p><p>等于第三项加第四项之和）</p></td>
        <td><span>1</span><span>3</span></td></tr></table>
        """))
        let t = try #require(Page.tables(doc).first)
        #expect(t.cell(row: 0, column: 0)?.text == "结果\n维持")
        #expect(t.cell(row: 0, column: 1)?.text == "", "&nbsp; is blank, not a value")
        #expect(t.cell(row: 0, column: 2)?.text == "")
        #expect(t.cell(row: 0, column: 3)?.paragraphs.count == 2)
        #expect(t.cell(row: 0, column: 4)?.text == "13", "per-character spans join")
    }

    @Test func namedAnchorsBecomeBookmarksAtTheirOffset() throws {
        let doc = try Page.read(Page.body("""
        <p><a name="_Hlk1"></a>一、总体情况</p><p>前文<a name="_Hlk2">标记</a>后</p>
        <a name="_Toc3"></a><p>下一段</p>
        <table><tr><td><p><a name="_Hlk4"></a>一、本年新收</p></td></tr></table>
        <a href="http://example.cn/">链接</a>
        """))
        let ps = Page.paragraphs(doc)
        #expect(ps[0].bookmarks.map(\.name) == ["_Hlk1"] && ps[0].bookmarks[0].offset == 0)
        #expect(ps[1].bookmarks.first?.offset == 2)
        #expect(ps[2].bookmarks.map(\.name) == ["_Toc3"])
        let cell = try #require(Page.tables(doc).first?.cell(row: 0, column: 0))
        #expect(cell.bookmarks.map(\.name) == ["_Hlk4"])
        #expect(cell.bookmarks.first?.source.row == 1)
    }

    @Test func deletedTextIsNotContent() throws {
        let doc = try Page.read(Page.body("<table><tr><td><del>17</del><ins>18</ins></td></tr></table>"))
        #expect(Page.tables(doc).first?.cell(row: 0, column: 0)?.text == "18")
    }

    @Test func portalChromeIsLeftOutAndTheTitleFound() throws {
        let doc = try Page.read("""
        <html><head><title>某某县人民政府2023年政府信息公开工作年度报告_某某县人民政府</title>
        <script>document.write('一、总体情况 二、主动公开');</script></head><body>
        <div class="nav"><a>首页</a><a>政务公开</a></div>
        <div class="position">当前位置：首页 &gt; 年报</div>
        <table class="xxgk"><tr><td>索引号：</td><td>123/2024-1</td><td>发布机构：</td><td>某某县</td></tr>
        <tr><td>公开日期：</td><td>2024-01-20</td></tr></table>
        <h1 class="title">某某县人民政府2023年政府信息公开工作年度报告</h1>
        <div id="zoom"><p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p><p>六、其他需要报告的事项</p><p>无。</p>
        <p>某某县人民政府</p><p>2024年1月20日</p></div>
        <div class="share">分享到：微信</div><p>【打印本页】【关闭窗口】</p>
        <div class="footer">版权所有 四、联系我们</div></body></html>
        """)
        let texts = Page.paragraphs(doc).map(\.text)
        #expect(texts.first == "某某县人民政府2023年政府信息公开工作年度报告")
        #expect(texts.last == "2024年1月20日")
        #expect(!texts.contains { $0.contains("索引号") || $0.contains("首页") || $0.contains("打印") || $0.contains("版权") })
        #expect(Page.tables(doc).isEmpty)
        #expect(Page.paragraphs(doc).first?.source.paragraph == 1)
    }

    @Test func aLayoutTableAroundTheReportIsUnwrapped() throws {
        let doc = try Page.read(Page.body("""
        <table width="1000"><tr><td>网站首页 | 信息公开</td></tr><tr><td>
        <p>某某镇2022年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文</p><p>四、政府信息公开行政复议、行政诉讼情况</p>
        <table border="1"><tr><td colspan="5">行政复议</td></tr><tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
        <tr><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>
        </td></tr><tr><td>版权所有</td></tr></table>
        """))
        let tables = Page.tables(doc)
        #expect(tables.count == 1)
        #expect(tables.first?.rowCount == 3)
        #expect(tables.first?.source.table == 1)
        #expect(Page.paragraphs(doc).first?.text == "某某镇2022年政府信息公开工作年度报告")
        #expect(doc.diagnostics.contains { $0.code == "GX-I-LAYOUT-TABLE" })
    }

    @Test func downlevelCommentsGoButCommentsStayComments() throws {
        let doc = try Page.read(Page.body("""
        <!--[if gte mso 9]><xml><o:x>不是正文</o:x></xml><![endif]--><p><![if !supportLists]>1.<![endif]>文字</p>
        <!--[if !mso]><p>也不是</p><![endif]--><p><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></p><p>后</p>
        """))
        #expect(Page.paragraphs(doc).map(\.text) == ["1.文字", "", "后"])
    }

    @Test func aMetadataLineIsNotTheTitle() throws {
        let doc = try Page.read(Page.body("""
        <div class="art"><p>名称：某某局2023年政府信息公开工作年度报告</p><p>某某局2023年政府信息公开工作年度报告</p>
        <p>一、总体情况</p><p>正文</p><p>二、主动公开政府信息情况</p></div>
        """))
        #expect(Page.paragraphs(doc).first?.text == "某某局2023年政府信息公开工作年度报告")
    }

    @Test func lineBreaksSeparateBodyParagraphsButNotCellLines() throws {
        let doc = try Page.read(Page.body("""
        <div class="content">某某局2023年政府信息<br>公开工作年度报告<br><br>一、总体情况<br>　　正文<a name="_Hlk9"></a>一段。<br/>
        二、主动公开政府信息情况<br><table><tr><td>结果<br>维持</td></tr></table></div>
        """))
        let texts = Page.paragraphs(doc).map(\.text)
        #expect(texts == ["某某局2023年政府信息", "公开工作年度报告", "", "一、总体情况", "　　正文一段。", "二、主动公开政府信息情况"])
        #expect(Page.paragraphs(doc)[4].bookmarks.first?.offset == 4)
        #expect(Page.tables(doc).first?.cell(row: 0, column: 0)?.text == "结果\n维持")
    }
}
