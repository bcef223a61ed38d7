import Testing
import GXModel
@testable import GXTemplate

@Suite struct LabelTests {
    @Test func normalisationFoldsWidthSpacesNumberingAndQuotes() {
        #expect(LabelNormalizer.normalize("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == "部分公开(区分处理的,只计这一情形,不计其他情形)")
        #expect(LabelNormalizer.normalize("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)") == "部分公开(区分处理的,只计这一情形,不计其他情形)")
        #expect(LabelNormalizer.normalize("3.危及“三安全一稳定”") == "危及三安全一稳定")
        #expect(LabelNormalizer.normalize("5.要求行政机关确认或重新\n出具已获取信息") == "要求行政机关确认或重新出具已获取信息")
        #expect(LabelNormalizer.normalize("三、本年度办理结果") == "本年度办理结果")
        #expect(LabelNormalizer.normalize("- 1.") == "")
        #expect(LabelNormalizer.normalize("1、信访举报投诉类申请") == "信访举报投诉类申请")
        #expect(LabelNormalizer.normalize("结果\n维持") == "结果维持")
    }

    @Test func matcherPrefersExactAndNeverMatchesShortLabelsLoosely() {
        let rows = LabelMatcher(rows: Template.requests2021.rows)
        #expect(rows.match("3.其他")?.key == "other_other")
        #expect(rows.match("（七）总计")?.key == "results_total")
        #expect(rows.match("2.其他法律法规禁止公开")?.key == "withheld_prohibited_by_law")
        #expect(rows.match("(二)部分公开(区分处理的,只计这一 情形,不计其他情形)")?.key == "partially_granted")
        #expect(rows.match("其他说明") == nil)
        // OCR: one character wrong in a long label still lands, flagged as fuzzy.
        let ocr = rows.match("本机关不掌捏相关政府信息")
        #expect(ocr?.key == "unavailable_not_held")
        #expect(ocr?.quality == 3)
    }

    @Test func cellReadingKeepsBlankNAAndTextApart() {
        #expect(CellReader.read("").kind == .blank)
        #expect(CellReader.read("  ").kind == .blank)
        #expect(CellReader.read("/").kind == .na)
        #expect(CellReader.read("—").kind == .na)
        #expect(CellReader.read("不适用").kind == .na)
        #expect(CellReader.read("22（其中修订16件）").kind == .text)
        #expect(CellReader.read("251000元").kind == .text)
        #expect(CellReader.read("１３").number?.canonical == "13")
        #expect(CellReader.read("1,234").number?.canonical == "1234")
        #expect(CellReader.read("12,34").kind == .text)
        #expect(CellReader.read("256.1789", type: .decimal).number?.canonical == "256.1789")
        #expect(CellReader.read("0.45").number?.canonical == "0.45")
        #expect(CellReader.read("+3", type: .signedCount).number?.canonical == "3")
        #expect(CellReader.read("-1", type: .signedCount).number?.canonical == "-1")
        #expect(CellReader.read("007").number?.canonical == "7")
    }

    @Test func everyReaderSharesOneListOfNotApplicableMarks() {
        // The PDF geometry and the scan reader ask the same question: full-width, en and em
        // dashes and `空` are marks too; a word that starts like one is not.
        for mark in ["/", "／", "-", "－", "–", "—", "——", "\\", "无", "空", "不适用", " 无 "] {
            #expect(CellReader.isNotApplicable(mark), "\(mark)")
            #expect(CellReader.read(mark).kind == .na, "\(mark)")
        }
        for text in ["0", "-1", "无效", "空白", "不", "//2"] { #expect(!CellReader.isNotApplicable(text), "\(text)") }
    }

    @Test func titlesAndDates() {
        let a = TitleReader.agencyAndYear("克井镇人民政府 2023 年政府信息公开工作年度报告")
        #expect(a.agency == "克井镇人民政府")
        #expect(a.year == 2023)
        let b = TitleReader.agencyAndYear("昌乐县人民政府办公室2023年政府信息公开工作年度报告")
        #expect(b.agency == "昌乐县人民政府办公室")
        let c = TitleReader.agencyAndYear("2022年度某某市生态环境局政府信息公开工作年度报告")
        #expect(c.agency == "某某市生态环境局")
        #expect(c.year == 2022)
        #expect(DateReader.isoDate(in: "2024年1月24日") == "2024-01-24")
        #expect(DateReader.isoDate(in: "2024 年 1 月 24 日") == "2024-01-24")
        #expect(DateReader.isoDate(in: "二〇二四年一月二十四日") == "2024-01-24")
        #expect(DateReader.isoDate(in: "2024年13月1日") == nil)
    }
}
