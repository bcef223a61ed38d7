import GXModel

/// What a column holds decides how its printed text reads (spec §5 and rule `T-INT`).
public enum ValueType: Sendable {
    /// A non-negative integer count.
    case count
    /// A signed integer (`本年增/减`: `+3`, `-1`).
    case signedCount
    /// A decimal amount whose printed digits are kept (`256.1789`).
    case decimal
}

public struct ColumnSpec: Sendable {
    public let key: String
    /// The template label first, then wording variants seen in real reports.
    public let labels: [String]
    public let type: ValueType
    /// The unit the template's header states for a money column (`万元`), nil where it states none.
    /// A header printed with another unit overrides it (`AmountReader.unit(inHeader:)`).
    public let unit: String?

    init(_ key: String, _ labels: [String], _ type: ValueType = .count, unit: String? = nil) {
        self.key = key
        self.labels = labels
        self.type = type
        self.unit = unit
    }
}

public struct RowSpec: Sendable {
    public let key: String
    public let labels: [String]
    /// For table 二: the columns this row has (its block's columns). Empty means the table's columns.
    public let columns: [ColumnSpec]
    /// For table 三: the result group the row belongs to (`（三）不予公开` …), nil for top-level rows.
    public let group: String?

    init(_ key: String, _ labels: [String], columns: [ColumnSpec] = [], group: String? = nil) {
        self.key = key
        self.labels = labels
        self.columns = columns
        self.group = group
    }
}

/// One variant of one standard table: the rows and columns in template order.
public struct TableSpec: Sendable {
    public let table: StandardTableKey
    public let variant: TemplateVariant
    public let rows: [RowSpec]
    /// Columns shared by every row (tables 三 and 四); table 二's rows carry their own.
    public let columns: [ColumnSpec]
    /// Table 四's column groups (`review` …); empty elsewhere.
    public let groups: [RowSpec]

    /// Every data cell in template order. Stored, not computed: every table of every report
    /// is assembled and checked along it.
    public let cellPaths: [(path: CellPath, type: ValueType)]
    /// `cellPaths` by row and column: every table assembled along this spec carries it.
    public let index: CellIndex

    init(table: StandardTableKey, variant: TemplateVariant, rows: [RowSpec], columns: [ColumnSpec], groups: [RowSpec]) {
        self.table = table
        self.variant = variant
        self.rows = rows
        self.columns = columns
        self.groups = groups
        var paths: [(CellPath, ValueType)] = []
        for row in rows {
            for column in (row.columns.isEmpty ? columns : row.columns) {
                paths.append((CellPath(table, row.key, column.key), column.type))
            }
        }
        cellPaths = paths
        index = CellIndex(paths.map(\.0))
    }

    public func row(_ key: String) -> RowSpec? { rows.first { $0.key == key } }
}

/// The national template (spec §2–§4), both the 2019 trial format and the 2021 format.
public enum Template {
    // MARK: Table 二 — active_disclosure

    static let issued2021: [ColumnSpec] = [
        ColumnSpec("issued", ["本年制发件数", "本年新制发件数"]),
        ColumnSpec("repealed", ["本年废止件数"]),
        ColumnSpec("in_force", ["现行有效件数"]),
    ]
    static let decisions2021 = [ColumnSpec("decisions", ["本年处理决定数量", "处理决定数量"])]
    static let fees2021 = [ColumnSpec("amount_10k_yuan", ["本年收费金额(单位:万元)", "本年收费金额"], .decimal, unit: "万元")]

    public static let activeDisclosure2021 = TableSpec(
        table: .activeDisclosure, variant: .v2021,
        rows: [
            RowSpec("regulations", ["规章"], columns: issued2021),
            RowSpec("normative_documents", ["行政规范性文件", "规范性文件"], columns: issued2021),
            RowSpec("licensing", ["行政许可"], columns: decisions2021),
            RowSpec("penalty", ["行政处罚"], columns: decisions2021),
            RowSpec("coercion", ["行政强制"], columns: decisions2021),
            RowSpec("fees", ["行政事业性收费"], columns: fees2021),
        ],
        columns: [], groups: [])

    static let made2019: [ColumnSpec] = [
        ColumnSpec("made", ["本年新制作数量"]),
        ColumnSpec("published", ["本年新公开数量"]),
        ColumnSpec("public_total", ["对外公开总数量"]),
    ]
    static let items2019: [ColumnSpec] = [
        ColumnSpec("previous_items", ["上一年项目数量"]),
        ColumnSpec("change", ["本年增/减", "本年增减"], .signedCount),
        ColumnSpec("decisions", ["处理决定数量", "本年处理决定数量"]),
    ]
    static let fees2019: [ColumnSpec] = [
        ColumnSpec("previous_items", ["上一年项目数量"]),
        ColumnSpec("change", ["本年增/减", "本年增减"], .signedCount),
    ]
    static let procurement2019: [ColumnSpec] = [
        ColumnSpec("items", ["采购项目数量"]),
        ColumnSpec("amount", ["采购总金额"], .decimal),
    ]

    public static let activeDisclosure2019 = TableSpec(
        table: .activeDisclosure, variant: .v2019,
        rows: [
            RowSpec("regulations", ["规章"], columns: made2019),
            RowSpec("normative_documents", ["规范性文件", "行政规范性文件"], columns: made2019),
            RowSpec("licensing", ["行政许可"], columns: items2019),
            RowSpec("other_services", ["其他对外管理服务事项"], columns: items2019),
            RowSpec("penalty", ["行政处罚"], columns: items2019),
            RowSpec("coercion", ["行政强制"], columns: items2019),
            RowSpec("fees", ["行政事业性收费"], columns: fees2019),
            RowSpec("procurement", ["政府集中采购"], columns: procurement2019),
        ],
        columns: [], groups: [])

    // MARK: Table 三 — requests

    public static let requestColumns: [ColumnSpec] = [
        ColumnSpec("natural_person", ["自然人"]),
        ColumnSpec("commercial", ["商业企业"]),
        ColumnSpec("research", ["科研机构"]),
        ColumnSpec("social_welfare", ["社会公益组织"]),
        ColumnSpec("legal_service", ["法律服务机构"]),
        ColumnSpec("other_org", ["其他"]),
        ColumnSpec("total", ["总计"]),
    ]

    /// Group labels of table 三's result rows, used as context for the sub-rows beneath them.
    public static let requestGroups: [(key: String, labels: [String])] = [
        ("results", ["本年度办理结果"]),
        ("withheld", ["不予公开"]),
        ("unavailable", ["无法提供"]),
        ("declined", ["不予处理"]),
        ("other", ["其他处理"]),
    ]

    static let requestRowsHead: [RowSpec] = [
        RowSpec("new_received", ["本年新收政府信息公开申请数量", "本年新收申请数量"]),
        RowSpec("carried_over", ["上年结转政府信息公开申请数量", "上年结转申请数量"]),
        RowSpec("granted", ["予以公开"], group: "results"),
        RowSpec("partially_granted", ["部分公开(区分处理的,只计这一情形,不计其他情形)", "部分公开"], group: "results"),
        RowSpec("withheld_state_secret", ["属于国家秘密"], group: "withheld"),
        RowSpec("withheld_prohibited_by_law", ["其他法律行政法规禁止公开", "其他法律法规禁止公开"], group: "withheld"),
        RowSpec("withheld_safety_stability", ["危及三安全一稳定", "危及三安全一稳定的"], group: "withheld"),
        RowSpec("withheld_third_party", ["保护第三方合法权益"], group: "withheld"),
        RowSpec("withheld_internal_affairs", ["属于三类内部事务信息"], group: "withheld"),
        RowSpec("withheld_process_info", ["属于四类过程性信息"], group: "withheld"),
        RowSpec("withheld_enforcement_file", ["属于行政执法案卷"], group: "withheld"),
        RowSpec("withheld_query_service", ["属于行政查询事项"], group: "withheld"),
        RowSpec("unavailable_not_held", ["本机关不掌握相关政府信息"], group: "unavailable"),
        RowSpec("unavailable_needs_creation", ["没有现成信息需要另行制作"], group: "unavailable"),
        RowSpec("unavailable_unclear", ["补正后申请内容仍不明确"], group: "unavailable"),
        RowSpec("declined_petition", ["信访举报投诉类申请"], group: "declined"),
        RowSpec("declined_duplicate", ["重复申请"], group: "declined"),
        RowSpec("declined_publication", ["要求提供公开出版物"], group: "declined"),
        RowSpec("declined_excessive", ["无正当理由大量反复申请"], group: "declined"),
        RowSpec("declined_confirmation", ["要求行政机关确认或重新出具已获取信息"], group: "declined"),
    ]
    static let requestRowsTail: [RowSpec] = [
        RowSpec("results_total", ["总计"], group: "results"),
        RowSpec("carried_forward", ["结转下年度继续办理", "结转下年度继续办理申请数量"]),
    ]

    public static let requests2021 = TableSpec(
        table: .requests, variant: .v2021,
        rows: requestRowsHead + [
            RowSpec("other_overdue_correction", ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                                                 "申请人无正当理由逾期不补正"], group: "other"),
            RowSpec("other_overdue_fee", ["申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                                          "申请人逾期未按收费通知要求缴纳费用"], group: "other"),
            RowSpec("other_other", ["其他"], group: "other"),
        ] + requestRowsTail,
        columns: requestColumns, groups: [])

    /// （六）其他处理: a data row in 2019, the group label over `otherHandlingSubrows` in 2021. Which
    /// format a table 三 is follows from whether those sub-rows are printed.
    public static let otherHandlingRow = "other_handling"
    public static let otherHandlingSubrows: Set<String> = ["other_overdue_correction", "other_overdue_fee", "other_other"]

    public static let requests2019 = TableSpec(
        table: .requests, variant: .v2019,
        rows: requestRowsHead + [RowSpec("other_handling", ["其他处理"], group: "results")] + requestRowsTail,
        columns: requestColumns, groups: [])

    /// The result rows `T3-SUM` adds up, per variant.
    public static func resultRows(_ variant: TemplateVariant) -> [String] {
        let spec = variant == .v2021 ? requests2021 : requests2019
        return spec.rows.map(\.key).filter { !["new_received", "carried_over", "results_total", "carried_forward"].contains($0) }
    }

    // MARK: Table 四 — review_litigation

    public static let reviewColumns: [ColumnSpec] = [
        ColumnSpec("upheld", ["结果维持"]),
        ColumnSpec("corrected", ["结果纠正"]),
        ColumnSpec("other", ["其他结果"]),
        ColumnSpec("pending", ["尚未审结"]),
        ColumnSpec("total", ["总计"]),
    ]

    public static let reviewLitigation2021 = TableSpec(
        table: .reviewLitigation, variant: .v2021,
        rows: [
            RowSpec("review", ["行政复议"]),
            RowSpec("litigation_direct", ["未经复议直接起诉"]),
            RowSpec("litigation_after_review", ["复议后起诉"]),
        ],
        columns: reviewColumns, groups: [])

    public static func spec(_ table: StandardTableKey, _ variant: TemplateVariant) -> TableSpec {
        switch (table, variant) {
        case (.activeDisclosure, .v2021): return activeDisclosure2021
        case (.activeDisclosure, .v2019): return activeDisclosure2019
        case (.requests, .v2021): return requests2021
        case (.requests, .v2019): return requests2019
        case (.reviewLitigation, _): return reviewLitigation2021
        }
    }

    // MARK: Sections

    public struct SectionSpec: Sendable {
        public let number: String
        public let key: String
        /// Any of these (normalised) in a short heading line identifies the section.
        public let keywords: [String]
    }

    public static let sections: [SectionSpec] = [
        SectionSpec(number: "一", key: "overview", keywords: ["总体情况"]),
        SectionSpec(number: "二", key: "active_disclosure", keywords: ["主动公开"]),
        SectionSpec(number: "三", key: "requests", keywords: ["收到和处理", "依申请公开"]),
        SectionSpec(number: "四", key: "review_litigation", keywords: ["行政复议", "行政诉讼"]),
        SectionSpec(number: "五", key: "problems", keywords: ["存在的主要问题", "主要问题", "改进情况", "整改情况"]),
        SectionSpec(number: "六", key: "other_matters", keywords: ["其他需要报告", "其他事项"]),
    ]

    /// The number of the section a standard table is printed in (二, 三, 四): how messages name it.
    public static func number(of table: StandardTableKey) -> String {
        sections.first { $0.key == table.rawValue }?.number ?? table.rawValue
    }

    /// The first keyword of every section but 五 (whose words also fill ordinary prose): an
    /// element whose text holds two of these holds the report, whatever its class says.
    public static let headingWords: [String] = sections.filter { $0.key != "problems" }.map { $0.keywords[0] }
}
