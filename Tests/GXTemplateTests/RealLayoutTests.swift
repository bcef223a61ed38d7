import Testing
import GXModel
@testable import GXTemplate

/// A table built from printed rows: one cell per string, `""` blank; a `nil` slot is covered by
/// the cell to its left (a horizontal merge), so label columns can span as in the template.
func grid(_ rows: [[String?]], table: Int = 1) -> Table {
    var t = Table(source: SourceLocation(part: "word/document.xml", table: table))
    for (r, row) in rows.enumerated() {
        var c = 0
        while c < row.count {
            guard let text = row[c] else { c += 1; continue }
            var span = 1
            while c + span < row.count, row[c + span] == nil { span += 1 }
            let source = SourceLocation(part: "word/document.xml", table: table, row: r + 1, cell: c + 1)
            t.place(TableCell(row: r, column: c, columnSpan: span,
                              blocks: [.paragraph(Paragraph(text: text, source: source))], source: source))
            c += span
        }
    }
    return t
}

let requestHeader: [[String?]] = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", nil, nil, "申请人情况", "", "", "", "", "", ""],
    ["", nil, nil, "自然人", "法人或其他组织", "", "", "", "", "总计"],
    ["", nil, nil, "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
]

func requestRows(_ variant: TemplateVariant, blankOther: Bool) -> [[String?]] {
    let z: [String?] = ["0", "0", "0", "0", "0", "0", "0"]
    var rows: [[String?]] = [["一、本年新收政府信息公开申请数量", nil, nil] + z, ["二、上年结转政府信息公开申请数量", nil, nil] + z,
                             ["三、本年度办理结果", "（一）予以公开", nil] + z]
    for key in Template.resultRows(variant) where key != "granted" {
        let spec = Template.spec(.requests, variant).row(key)!
        rows.append(["", "", spec.labels[0]] + z)
        if key == "other_handling" && blankOther { rows[rows.count - 1] = ["", "（六）其他处理", nil, "", "", "", "", "", "", ""] }
    }
    rows += [["", "（七）总计", nil] + z, ["四、结转下年度继续办理", nil, nil] + z]
    return rows
}

func report(_ blocks: [Block]) -> Report {
    ReportBuilder.build(Document(format: .docx, blocks: blocks), source: SourceInfo(format: .docx, path: "t.docx", sha256: ""))
}

@Suite struct VariantByLabelsTests {
    @Test func aBlankOtherHandlingRowWithNoSubRowsIs2019() {
        let r = report([.table(grid(requestHeader + requestRows(.v2019, blankOther: true)))])
        let t3 = r.table(.requests)
        #expect(t3?.variant == .v2019)
        let other = t3?.cells.filter { $0.path.row == "other_handling" } ?? []
        #expect(other.count == 7 && other.allSatisfy { $0.kind == .blank && $0.source.row != nil })
        #expect(!r.diagnostics.contains { $0.code == "GX-W-CELL-MISSING" && $0.paths.contains { $0.hasPrefix("requests.") } })
    }

    @Test func otherHandlingOverItsSubRowsIs2021EvenWhenBlank() {
        var rows = requestRows(.v2021, blankOther: false)
        let at = rows.firstIndex { ($0[2] ?? "").contains("逾期不补正") }!
        rows.insert(["", "（六）其他处理", nil, "", "", "", "", "", "", ""], at: at)
        let r = report([.table(grid(requestHeader + rows))])
        #expect(r.table(.requests)?.variant == .v2021)
        #expect(r.table(.requests)?.cells.count == 25 * 7)
    }
}

@Suite struct AmountTests {
    @Test func amountsKeepTheirTextAndGiveTheNumberInTheHeadersUnit() {
        #expect(AmountReader.read("251000元", headerUnit: nil).map { "\($0.number) \($0.unit ?? "-")" } == "251000 元")
        #expect(AmountReader.read("251000元", headerUnit: "万元").map { "\($0.number) \($0.unit ?? "-")" } == "25.1 万元")
        #expect(AmountReader.read("25.1万元", headerUnit: "元").map { "\($0.number) \($0.unit ?? "-")" } == "251000 元")
        #expect(AmountReader.read("25.1万元", headerUnit: nil).map { "\($0.number) \($0.unit ?? "-")" } == "25.1 万元")
        #expect(AmountReader.read("1,234.5", headerUnit: nil).map { "\($0.number) \($0.unit ?? "-")" } == "1234.5 -")
        #expect(AmountReader.read("０.４５", headerUnit: "万元").map { "\($0.number) \($0.unit ?? "-")" } == "0.45 万元")
        #expect(AmountReader.read("12元", headerUnit: "万元").map { "\($0.number)" } == "0.0012")
        #expect(AmountReader.read("约25万元", headerUnit: nil) == nil)
        #expect(AmountReader.read("25美元", headerUnit: nil) == nil)
        #expect(AmountReader.read("25.1万", headerUnit: nil) == nil, "万 alone is not a currency unit we read")
        #expect(AmountReader.unit(inHeader: "本年收费金额（单位：万元）") == "万元")
        #expect(AmountReader.unit(inHeader: "采购总金额（元）") == "元")
        #expect(AmountReader.unit(inHeader: "采购总金额") == nil)
    }

    @Test func theFeeAndProcurementCellsCarryNumberAndUnit() {
        let t2 = grid([
            ["第二十条第（九）项", nil, nil, nil],
            ["信息内容", "采购项目数量", "采购总金额", nil],
            ["政府集中采购", "3", "251000元", nil],
        ])
        let cell = report([.table(t2)]).cell(CellPath(.activeDisclosure, "procurement", "amount"))
        #expect(cell?.text == "251000元" && cell?.kind == .number && cell?.number?.canonical == "251000" && cell?.unit == "元")
        let fee = grid([
            ["第二十条第（八）项", nil, nil, nil],
            ["信息内容", "本年收费金额（单位：万元）", nil, nil],
            ["行政事业性收费", "251000元", nil, nil],
        ])
        let feeCell = report([.table(fee)]).cell(CellPath(.activeDisclosure, "fees", "amount_10k_yuan"))
        #expect(feeCell?.text == "251000元" && feeCell?.number?.canonical == "25.1" && feeCell?.unit == "万元")
    }
}

func para(_ text: String) -> Block { .paragraph(Paragraph(text: text, source: SourceLocation(part: "word/document.xml"))) }

let table2Pieces: [[[String?]]] = [
    [["第二十条第（一）项", nil, nil, nil], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
     ["规章", "0", "0", "2"], ["行政规范性文件", "1", "0", "7"]],
    [["第二十条第（五）项", nil, nil, nil], ["信息内容", "本年处理决定数量", nil, nil], ["行政许可", "35", nil, nil]],
    [["第二十条第（六）项", nil, nil, nil], ["信息内容", "本年处理决定数量", nil, nil], ["行政处罚", "12", nil, nil], ["行政强制", "0", nil, nil]],
    [["第二十条第（八）项", nil, nil, nil], ["信息内容", "本年收费金额（单位：万元）", nil, nil], ["行政事业性收费", "0", nil, nil]],
]

@Suite struct TableAssemblyTests {
    @Test func table2InFourPiecesIsJoinedWithEveryCell() {
        var blocks: [Block] = [para("二、主动公开政府信息情况")]
        for (k, piece) in table2Pieces.enumerated() {
            blocks.append(.table(grid(piece, table: k + 1)))
            if k == 1 { blocks.append(para("（续表）")) }
        }
        let r = report(blocks)
        let t2 = r.table(.activeDisclosure)
        #expect(t2?.variant == .v2021)
        #expect(t2?.cells.allSatisfy { $0.kind == .number } == true)
        #expect(r.cell(CellPath(.activeDisclosure, "coercion", "decisions"))?.source.table == 3)
        #expect(r.diagnostics.filter { $0.code == "GX-I-TABLE-JOINED" }.count == 3)
        #expect(!r.diagnostics.contains { $0.code == "GX-W-CELL-MISSING" && $0.paths.contains { $0.hasPrefix("active_disclosure") } })
    }

    @Test func table3CutByAPageBreakOrItsHeaderIsJoined() {
        let rows = requestHeader + requestRows(.v2021, blankOther: false)
        for cut in [3, 14] {
            let r = report([para("三、收到和处理政府信息公开申请情况"), .table(grid(Array(rows[..<cut]), table: 1)), para(""),
                            .table(grid(Array(rows[cut...]), table: 2))])
            #expect(r.table(.requests)?.cells.allSatisfy { $0.kind == .number } == true, "cut at \(cut)")
            #expect(r.diagnostics.contains { $0.code == "GX-I-TABLE-JOINED" && $0.message.contains("table 2") && $0.message.contains("table 1") })
        }
    }

    @Test func piecesAreNotJoinedAcrossAHeadingOrARepeatedRow() {
        let rows = requestHeader + requestRows(.v2021, blankOther: false)
        let apart = report([.table(grid(Array(rows[..<14]))), para("四、政府信息公开行政复议、行政诉讼情况"), .table(grid(Array(rows[14...])))])
        #expect(!apart.diagnostics.contains { $0.code == "GX-I-TABLE-JOINED" })
        let twice = report([.table(grid(rows)), .table(grid(rows))])
        #expect(!twice.diagnostics.contains { $0.code == "GX-I-TABLE-JOINED" })
        // Tables 二 and 三 back to back are two tables.
        let two = report([.table(grid(table2Pieces[0])), .table(grid(rows))])
        #expect(!two.diagnostics.contains { $0.code == "GX-I-TABLE-JOINED" })
        #expect(two.table(.requests)?.cells.allSatisfy { $0.kind == .number } == true)
    }

    @Test func tablesNestedInLayoutTablesAreFoundAndTheirParagraphsAreBody() {
        let source = SourceLocation(part: "word/document.xml", table: 1, row: 1, cell: 1)
        func cell(_ blocks: [Block], column: Int = 0) -> TableCell { TableCell(row: 0, column: column, blocks: blocks, source: source) }
        var inner = Table(source: source)
        inner.place(cell([para("广州市某区司法局2022年政府信息公开工作年度报告"), para("一、总体情况"), para("全年主动公开信息12条。"),
                          para("二、主动公开政府信息情况")] + table2Pieces.map { .table(grid($0)) }
                         + [para("三、收到和处理政府信息公开申请情况"), .table(grid(requestHeader + requestRows(.v2021, blankOther: false)))]))
        var outer = Table(source: source)
        outer.place(cell([para("首页 > 政务公开")]))
        outer.place(cell([.table(inner)], column: 1))
        let r = report([.table(outer)])
        #expect(r.title == "广州市某区司法局2022年政府信息公开工作年度报告")
        #expect(r.sections.map(\.key) == ["overview", "active_disclosure", "requests"])
        #expect(r.sections.first?.paragraphs == ["全年主动公开信息12条。"])
        #expect(r.table(.activeDisclosure)?.cells.allSatisfy { $0.kind == .number } == true)
        #expect(r.table(.requests)?.cells.allSatisfy { $0.kind == .number } == true)
        #expect(r.diagnostics.filter { $0.code == "GX-I-LAYOUT-TABLE" }.count == 2)
    }
}

@Suite struct MisalignedCellTests {
    /// A data cell merged across two applicant columns (as a converter leaves a broken grid): its
    /// value could belong to either, so both are left empty, marked lost, and said why.
    @Test func aDataCellAcrossTwoHeaderColumnsIsLostNotGuessed() {
        var rows = requestHeader + requestRows(.v2021, blankOther: false)
        rows[3] = ["一、本年新收政府信息公开申请数量", nil, nil, "7", nil, "0", "0", "0", "0", "7"]
        let r = report([.table(grid(rows))])
        let np = r.cell(CellPath(.requests, "new_received", "natural_person"))
        let commercial = r.cell(CellPath(.requests, "new_received", "commercial"))
        #expect(np?.lost == true && np?.number == nil)
        #expect(commercial?.lost == true && commercial?.number == nil)
        #expect(r.cell(CellPath(.requests, "new_received", "research"))?.number?.canonical == "0")
        #expect(r.diagnostics.contains { $0.code == "GX-W-MISALIGNED" && $0.paths.contains("requests.new_received.commercial") })
    }

    @Test func aHeaderOutOfTemplateOrderPlacesNoValue() {
        var rows = requestHeader + requestRows(.v2021, blankOther: false)
        rows[2] = ["", nil, nil, "", "科研机构", "商业企业", "社会公益组织", "法律服务机构", "其他", ""]
        let r = report([.table(grid(rows))])
        #expect(r.table(.requests)?.cells.allSatisfy { $0.number == nil && $0.lost } == true)
        #expect(r.diagnostics.contains { $0.code == "GX-W-MISALIGNED" })
    }
}

@Suite struct RowByOrderTests {
    /// Table 三's rows with one row's label replaced by text no template row matches (as OCR
    /// garbles a label), that row's natural-person cell holding 5.
    func rows(garbling keys: [String]) -> [[String?]] {
        var rows = requestHeader + requestRows(.v2021, blankOther: false)
        for key in keys {
            let label = Template.requests2021.row(key)!.labels[0]
            // The last: 其他 also heads a column.
            let r = rows.lastIndex { $0.contains { $0 == label } }!
            rows[r] = ["", "", "守属。二关门部和和力", "5", "0", "0", "0", "0", "0", "5"]
        }
        return rows
    }

    /// Its neighbours are template rows one apart: the row between them is the only reading.
    @Test func aGarbledLabelBetweenTwoKnownRowsIsPlacedAndSaidSo() {
        let r = report([.table(grid(rows(garbling: ["withheld_safety_stability"])))])
        #expect(r.cell(CellPath(.requests, "withheld_safety_stability", "natural_person"))?.number?.canonical == "5")
        #expect(r.diagnostics.contains { $0.code == "GX-I-ROW-BY-ORDER" && $0.paths == ["requests.withheld_safety_stability"] })
    }

    /// Two garbled rows side by side between rows two template rows apart: the two template rows
    /// between are the only reading, in the printed order.
    @Test func twoGarbledRowsBetweenRowsTwoApartArePlacedInOrder() {
        var rows = rows(garbling: ["withheld_safety_stability", "withheld_third_party"])
        let second = rows.firstIndex { $0.contains { $0 == "守属。二关门部和和力" } }! + 1
        rows[second][3] = "7"
        let r = report([.table(grid(rows))])
        #expect(r.cell(CellPath(.requests, "withheld_safety_stability", "natural_person"))?.number?.canonical == "5")
        #expect(r.cell(CellPath(.requests, "withheld_third_party", "natural_person"))?.number?.canonical == "7")
        #expect(r.diagnostics.filter { $0.code == "GX-I-ROW-BY-ORDER" }.count == 2)
    }

    /// Two garbled rows where the template has three between their neighbours (a row is missing
    /// from the grid): which two they are is not known, so neither is placed.
    @Test func garbledRowsFewerThanTheTemplateGapAreNotGuessed() {
        var rows = rows(garbling: ["withheld_safety_stability", "withheld_third_party"])
        let label = Template.requests2021.row("withheld_internal_affairs")!.labels[0]
        rows.remove(at: rows.firstIndex { $0.contains { $0 == label } }!)
        let r = report([.table(grid(rows))])
        #expect(r.cell(CellPath(.requests, "withheld_safety_stability", "natural_person"))?.number == nil)
        #expect(r.cell(CellPath(.requests, "withheld_third_party", "natural_person"))?.number == nil)
        #expect(!r.diagnostics.contains { $0.code == "GX-I-ROW-BY-ORDER" })
    }

    /// 其他处理's sub-rows decide the table's format: a garbled one is inferred only when another
    /// sub-row's own label has shown the 2021 format.
    @Test func aGarbledOtherHandlingSubRowIsInferredOnlyWhenTheFormatIsRead() {
        let one = report([.table(grid(rows(garbling: ["other_overdue_fee"])))])
        #expect(one.cell(CellPath(.requests, "other_overdue_fee", "natural_person"))?.number?.canonical == "5")
        let all = report([.table(grid(rows(garbling: ["other_overdue_correction", "other_overdue_fee", "other_other"])))])
        for key in ["other_overdue_correction", "other_overdue_fee", "other_other"] {
            #expect(all.cell(CellPath(.requests, key, "natural_person"))?.number == nil, "\(key)")
        }
        #expect(!all.diagnostics.contains { $0.code == "GX-I-ROW-BY-ORDER" })
    }
}

@Suite struct SplitRowTests {
    /// `grid(rows)` with each cell's page: rows up to `lastOnFirstPage` on page 1, the rest on 2.
    func paged(_ rows: [[String?]], lastOnFirstPage: Int) -> Table {
        let flat = grid(rows)
        var t = Table(source: flat.source)
        for var cell in flat.cells {
            cell.source.page = cell.row <= lastOnFirstPage ? 1 : 2
            t.place(cell)
        }
        return t
    }

    /// Table 三 with 上年结转 broken after 政府信息公开: `first` and `second` are its two pieces' values.
    func rows(first: [String], second: [String]) -> (rows: [[String?]], split: Int) {
        var rows = requestHeader + requestRows(.v2021, blankOther: false)
        let r = rows.firstIndex { $0.first == "二、上年结转政府信息公开申请数量" }!
        rows[r] = ["二、上年结转政府信息公开", nil, nil] + first.map { $0 }
        rows.insert(["申请数量", nil, nil] + second.map { $0 }, at: r + 1)
        return (rows, r)
    }

    let values = ["3", "0", "1", "0", "0", "0", "4"]
    let blank = ["", "", "", "", "", "", ""]

    @Test func theTwoPiecesAreOneRow() {
        let (rows, split) = rows(first: values, second: blank)
        let r = report([.table(paged(rows, lastOnFirstPage: split))])
        #expect(r.cell(CellPath(.requests, "carried_over", "natural_person"))?.number?.canonical == "3")
        #expect(r.cell(CellPath(.requests, "carried_over", "total"))?.number?.canonical == "4")
        #expect(r.diagnostics.contains { $0.code == "GX-I-ROW-SPLIT" && $0.paths == ["requests.carried_over"] })
        // The rows after it are still read by their own labels.
        #expect(r.cell(CellPath(.requests, "granted", "natural_person"))?.number?.canonical == "0")
    }

    /// A word processor that centres values puts them in the second piece.
    @Test func theValuesMayStandInTheSecondPiece() {
        let (rows, split) = rows(first: blank, second: values)
        let r = report([.table(paged(rows, lastOnFirstPage: split))])
        #expect(r.cell(CellPath(.requests, "carried_over", "total"))?.number?.canonical == "4")
    }

    /// Two rows on one page are two printed rows, whatever their labels.
    @Test func rowsOnOnePageAreNotJoined() {
        let (rows, _) = rows(first: values, second: blank)
        let r = report([.table(paged(rows, lastOnFirstPage: rows.count))])
        #expect(r.cell(CellPath(.requests, "carried_over", "natural_person"))?.number == nil)
        #expect(!r.diagnostics.contains { $0.code == "GX-I-ROW-SPLIT" })
    }

    /// Numbers in both pieces of one column: which is the row's is not known, so no join.
    @Test func aValueInBothPiecesIsNoJoin() {
        var second = blank
        second[0] = "9"
        let (rows, split) = rows(first: values, second: second)
        let r = report([.table(paged(rows, lastOnFirstPage: split))])
        #expect(r.cell(CellPath(.requests, "carried_over", "natural_person"))?.number == nil)
        #expect(!r.diagnostics.contains { $0.code == "GX-I-ROW-SPLIT" })
    }
}

@Suite struct DistinctMatchTests {
    let matcher = LabelMatcher([("a", ["本机关不掌握相关政府信息"]), ("b", ["本机关不掌握相关行政信息"]),
                                ("c", ["申请人逾期未按收费通知要求缴纳费用"])])

    @Test func aCloseReadingOfOneLabelMatches() {
        #expect(matcher.distinctMatch("申请人逾期未按收费通知要求缴钠费用")?.key == "c")
        #expect(matcher.distinctMatch("本机关不掌握相关政府信息")?.key == "a")
    }

    /// One character off two labels alike: `matchNormalized` picks one, `distinctMatch` neither.
    @Test func aReadingBetweenTwoLabelsMatchesNeither() {
        #expect(matcher.distinctMatch("本机关不掌握相关政务信息") == nil)
        #expect(matcher.matchNormalized("本机关不掌握相关政务信息") != nil)
    }
}

@Suite struct FirstDataRowTests {
    /// The first data row's label OCR'd with one character wrong still ends the header: the
    /// table is read, not left missing.
    @Test func aMisreadFirstRowLabelStillEndsTheHeader() {
        var rows = requestHeader + requestRows(.v2021, blankOther: false)
        let r = rows.firstIndex { $0.first == "一、本年新收政府信息公开申请数量" }!
        rows[r][0] = "一、本年新中政府信息公开申请数量"
        rows[r][3] = "61"
        let report = report([.table(grid(rows))])
        #expect(report.cell(CellPath(.requests, "new_received", "natural_person"))?.number?.canonical == "61")
        #expect(report.cell(CellPath(.requests, "granted", "total"))?.number?.canonical == "0")
    }
}
