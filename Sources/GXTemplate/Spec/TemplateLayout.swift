import GXModel

/// One cell of the national template's printed grid: a label as the format prints it, or the
/// place of a data cell. Writers draw tables from this so every output carries the template's
/// real merged headers, and so what they write reads back through the same mappers.
public struct LayoutCell: Sendable {
    public enum Content: Sendable, Equatable {
        case label(String)
        case value(CellPath)
    }

    public let row: Int
    public let column: Int
    public let rowSpan: Int
    public let columnSpan: Int
    public let content: Content
    /// The report path this cell stands for (`requests.granted` on a row label, `requests.natural_person`
    /// on a column header, `review_litigation.review` on a group header, the cell path on a value):
    /// where a bookmark with that path is put back.
    public let role: String?
    /// Part of a header block (column labels) rather than a data row.
    public let isHeader: Bool
}

/// A standard table as the national format lays it out: a grid, its anchored cells in row-major
/// order, and how many leading rows are column headers.
public struct TableLayout: Sendable {
    public let table: StandardTableKey
    public let variant: TemplateVariant
    public let rowCount: Int
    public let columnCount: Int
    public let headerRows: Int
    public let cells: [LayoutCell]
    /// Relative widths of the grid columns, for writers that size columns (DOCX).
    public let columnWeights: [Int]

    /// Anchored cells of each grid row, left to right.
    public var rows: [[LayoutCell]] {
        var result = [[LayoutCell]](repeating: [], count: rowCount)
        for cell in cells { result[cell.row].append(cell) }
        return result.map { $0.sorted { $0.column < $1.column } }
    }

    /// The cell covering each grid slot (row-major), for writers that must emit merge continuations.
    public func covering(row: Int, column: Int) -> LayoutCell? {
        cells.first { row >= $0.row && row < $0.row + $0.rowSpan && column >= $0.column && column < $0.column + $0.columnSpan }
    }
}

/// The printed national template (《…年度报告格式》 2021 and the 2019 trial format): labels with
/// their numbering and punctuation as printed, and the merges of each header. `Template` holds
/// the keys and the folded labels used for matching; this holds what a reader of the form sees.
public enum TemplateLayout {
    public static let requestsTopLeft = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

    public static func layout(_ table: StandardTableKey, _ variant: TemplateVariant) -> TableLayout {
        switch table {
        case .activeDisclosure: return activeDisclosure(variant)
        case .requests: return requests(variant)
        case .reviewLitigation: return reviewLitigation(variant)
        }
    }

    /// Rows printed under one column header, as row keys: table 二 has one block per item of
    /// 第二十条 (each with its own header and column positions); tables 三 and 四 one block.
    public static func printedBlocks(_ table: StandardTableKey, _ variant: TemplateVariant) -> [[String]] {
        switch table {
        case .activeDisclosure: return (variant == .v2019 ? activeDisclosureBlocks2019 : activeDisclosureBlocks2021).map(\.rows)
        case .requests, .reviewLitigation: return [Template.spec(table, variant).rows.map(\.key)]
        }
    }

    // MARK: printed labels

    static let activeDisclosureBlocks2021: [(block: String, rows: [String])] = [
        ("第二十条第（一）项", ["regulations", "normative_documents"]),
        ("第二十条第（五）项", ["licensing"]),
        ("第二十条第（六）项", ["penalty", "coercion"]),
        ("第二十条第（八）项", ["fees"]),
    ]
    static let activeDisclosureBlocks2019: [(block: String, rows: [String])] = [
        ("第二十条第（一）项", ["regulations", "normative_documents"]),
        ("第二十条第（五）项", ["licensing", "other_services"]),
        ("第二十条第（六）项", ["penalty", "coercion"]),
        ("第二十条第（八）项", ["fees"]),
        ("第二十条第（九）项", ["procurement"]),
    ]
    static let activeDisclosureColumnLabels: [String: String] = [
        "issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
        "decisions": "本年处理决定数量", "amount_10k_yuan": "本年收费金额（单位：万元）",
        "made": "本年新制作数量", "published": "本年新公开数量", "public_total": "对外公开总数量",
        "previous_items": "上一年项目数量", "change": "本年增/减", "items": "采购项目数量", "amount": "采购总金额",
    ]
    static let activeDisclosureRowLabels: [String: String] = [
        "regulations": "规章", "normative_documents": "行政规范性文件", "licensing": "行政许可",
        "other_services": "其他对外管理服务事项", "penalty": "行政处罚", "coercion": "行政强制",
        "fees": "行政事业性收费", "procurement": "政府集中采购",
    ]

    /// Table 三's printed row labels; where a row sits (top level, under 三、本年度办理结果, or in a
    /// numbered sub-group) comes from `RowSpec.group`.
    public static let requestRowLabels: [String: String] = [
        "new_received": "一、本年新收政府信息公开申请数量",
        "carried_over": "二、上年结转政府信息公开申请数量",
        "granted": "（一）予以公开",
        "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "withheld_state_secret": "1.属于国家秘密",
        "withheld_prohibited_by_law": "2.其他法律行政法规禁止公开",
        "withheld_safety_stability": "3.危及“三安全一稳定”",
        "withheld_third_party": "4.保护第三方合法权益",
        "withheld_internal_affairs": "5.属于三类内部事务信息",
        "withheld_process_info": "6.属于四类过程性信息",
        "withheld_enforcement_file": "7.属于行政执法案卷",
        "withheld_query_service": "8.属于行政查询事项",
        "unavailable_not_held": "1.本机关不掌握相关政府信息",
        "unavailable_needs_creation": "2.没有现成信息需要另行制作",
        "unavailable_unclear": "3.补正后申请内容仍不明确",
        "declined_petition": "1.信访举报投诉类申请",
        "declined_duplicate": "2.重复申请",
        "declined_publication": "3.要求提供公开出版物",
        "declined_excessive": "4.无正当理由大量反复申请",
        "declined_confirmation": "5.要求行政机关确认或重新出具已获取信息",
        "other_overdue_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other_overdue_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "other_other": "3.其他",
        "other_handling": "（六）其他处理",
        "results_total": "（七）总计",
        "carried_forward": "四、结转下年度继续办理",
    ]
    public static let requestGroupLabels: [String: String] = [
        "results": "三、本年度办理结果", "withheld": "（三）不予公开", "unavailable": "（四）无法提供",
        "declined": "（五）不予处理", "other": "（六）其他处理",
    ]
    static let requestColumnLabels = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    static let reviewGroupLabels = ["行政复议", "未经复议直接起诉", "复议后起诉"]
    static let reviewColumnLabels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

    // MARK: grids

    /// Label column, then three value columns; a block with fewer values widens its last one.
    static func activeDisclosure(_ variant: TemplateVariant) -> TableLayout {
        let key = StandardTableKey.activeDisclosure.rawValue
        let spec = Template.spec(.activeDisclosure, variant)
        var b = GridBuilder()
        for block in variant == .v2021 ? activeDisclosureBlocks2021 : activeDisclosureBlocks2019 {
            let r = b.newRow()
            b.add(r, 0, colSpan: 4, .label(block.block), role: "\(key).header", header: true)
            let columns = spec.row(block.rows[0])!.columns
            let spans = valueSpans(columns.count)
            let h = b.newRow()
            b.add(h, 0, .label("信息内容"), role: "\(key).header", header: true)
            var c = 1
            for (column, span) in zip(columns, spans) {
                b.add(h, c, colSpan: span, .label(activeDisclosureColumnLabels[column.key] ?? column.labels[0]), header: true)
                c += span
            }
            for rowKey in block.rows {
                let d = b.newRow()
                b.add(d, 0, .label(activeDisclosureRowLabels[rowKey] ?? rowKey), role: "\(key).\(rowKey)")
                var c = 1
                for (column, span) in zip(spec.row(rowKey)!.columns, spans) {
                    let path = CellPath(.activeDisclosure, rowKey, column.key)
                    b.add(d, c, colSpan: span, .value(path), role: path.description)
                    c += span
                }
            }
        }
        return b.finish(.activeDisclosure, variant, columns: 4, headerRows: 0, weights: [30, 23, 23, 24])
    }

    private static func valueSpans(_ count: Int) -> [Int] {
        switch count {
        case 1: return [3]
        case 2: return [1, 2]
        default: return [Int](repeating: 1, count: count)
        }
    }

    /// Three label columns (三、本年度办理结果 | group | item) and the seven applicant columns under
    /// 申请人情况 › 自然人 | 法人或其他组织 (five) | 总计.
    static func requests(_ variant: TemplateVariant) -> TableLayout {
        let key = StandardTableKey.requests.rawValue
        let spec = Template.spec(.requests, variant)
        var b = GridBuilder()
        let h0 = b.newRow(), h1 = b.newRow(), h2 = b.newRow()
        b.add(h0, 0, rowSpan: 3, colSpan: 3, .label(requestsTopLeft), role: "\(key).header", header: true)
        b.add(h0, 3, colSpan: 7, .label("申请人情况"), header: true)
        let columns = Template.requestColumns
        b.add(h1, 3, rowSpan: 2, .label(requestColumnLabels[0]), role: "\(key).\(columns[0].key)", header: true)
        b.add(h1, 4, colSpan: 5, .label("法人或其他组织"), header: true)
        b.add(h1, 9, rowSpan: 2, .label(requestColumnLabels[6]), role: "\(key).\(columns[6].key)", header: true)
        for i in 1...5 {
            b.add(h2, 3 + i, .label(requestColumnLabels[i]), role: "\(key).\(columns[i].key)", header: true)
        }

        let resultRows = spec.rows.filter { $0.group != nil }
        var r = 0
        while r < spec.rows.count {
            let row = spec.rows[r]
            let line = b.newRow()
            switch row.group {
            case nil:
                b.add(line, 0, colSpan: 3, .label(requestRowLabels[row.key]!), role: "\(key).\(row.key)")
            case "results":
                if row.key == resultRows.first?.key {
                    b.add(line, 0, rowSpan: resultRows.count, .label(requestGroupLabels["results"]!), role: "\(key).group.results")
                }
                b.add(line, 1, colSpan: 2, .label(requestRowLabels[row.key]!), role: "\(key).\(row.key)")
            case let group?:
                let members = spec.rows.filter { $0.group == group }
                if row.key == members.first?.key {
                    b.add(line, 1, rowSpan: members.count, .label(requestGroupLabels[group]!), role: "\(key).group.\(group)")
                }
                b.add(line, 2, .label(requestRowLabels[row.key]!), role: "\(key).\(row.key)")
            }
            for (i, column) in columns.enumerated() {
                let path = CellPath(.requests, row.key, column.key)
                b.add(line, 3 + i, .value(path), role: path.description)
            }
            r += 1
        }
        return b.finish(.requests, variant, columns: 10, headerRows: 3, weights: [7, 10, 27, 8, 8, 8, 8, 8, 8, 8])
    }

    /// 行政复议 over five columns, 行政诉讼 over ten with 未经复议直接起诉 / 复议后起诉 over five each;
    /// 行政复议's column labels are merged down over the two lower header rows. One data row.
    static func reviewLitigation(_ variant: TemplateVariant) -> TableLayout {
        let key = StandardTableKey.reviewLitigation.rawValue
        let groups = Template.reviewLitigation2021.rows
        var b = GridBuilder()
        let h0 = b.newRow(), h1 = b.newRow(), h2 = b.newRow(), d = b.newRow()
        b.add(h0, 0, colSpan: 5, .label(reviewGroupLabels[0]), role: "\(key).\(groups[0].key)", header: true)
        b.add(h0, 5, colSpan: 10, .label("行政诉讼"), role: "\(key).litigation", header: true)
        for (i, label) in reviewColumnLabels.enumerated() { b.add(h1, i, rowSpan: 2, .label(label), header: true) }
        b.add(h1, 5, colSpan: 5, .label(reviewGroupLabels[1]), role: "\(key).\(groups[1].key)", header: true)
        b.add(h1, 10, colSpan: 5, .label(reviewGroupLabels[2]), role: "\(key).\(groups[2].key)", header: true)
        for g in 1...2 {
            for (i, label) in reviewColumnLabels.enumerated() { b.add(h2, g * 5 + i, .label(label), header: true) }
        }
        for (g, group) in groups.enumerated() {
            for (i, column) in Template.reviewColumns.enumerated() {
                let path = CellPath(.reviewLitigation, group.key, column.key)
                b.add(d, g * 5 + i, .value(path), role: path.description)
            }
        }
        return b.finish(.reviewLitigation, variant, columns: 15, headerRows: 3,
                        weights: [Int](repeating: 1, count: 15))
    }
}

/// Collects anchored cells row by row.
private struct GridBuilder {
    var cells: [LayoutCell] = []
    var rowCount = 0

    mutating func newRow() -> Int {
        rowCount += 1
        return rowCount - 1
    }

    mutating func add(_ row: Int, _ column: Int, rowSpan: Int = 1, colSpan: Int = 1, _ content: LayoutCell.Content,
                      role: String? = nil, header: Bool = false) {
        cells.append(LayoutCell(row: row, column: column, rowSpan: rowSpan, columnSpan: colSpan, content: content,
                                role: role, isHeader: header))
    }

    func finish(_ table: StandardTableKey, _ variant: TemplateVariant, columns: Int, headerRows: Int,
                weights: [Int]) -> TableLayout {
        TableLayout(table: table, variant: variant, rowCount: rowCount, columnCount: columns, headerRows: headerRows,
                    cells: cells, columnWeights: weights)
    }
}
