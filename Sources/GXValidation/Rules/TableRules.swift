import GXModel
import GXTemplate

/// `T3-BAL`, `T3-SUM`, `T3-ROW` on table 三 and `T4-SUM` on table 四.
enum TableRules {
    /// Table 三's rows and the rows the rules name (all in the template, but the rules should not
    /// depend on that), by the applicant columns and `total`.
    private static func requestsLayout(_ variant: TemplateVariant) -> GridLayout {
        GridLayout(.requests, rows: Template.spec(.requests, variant).rows.map(\.key) + ["new_received", "carried_over", "results_total", "carried_forward"]
                       + TemplateKeys.resultRows(variant),
                   columns: TemplateKeys.requestColumns + ["total"])
    }
    private static let requests2021 = requestsLayout(.v2021)
    private static let requests2019 = requestsLayout(.v2019)
    private static let reviewLitigation = GridLayout(.reviewLitigation, rows: Template.reviewLitigation2021.rows.map(\.key),
                                                     columns: TemplateKeys.reviewColumns)

    static func requests(_ report: Report, _ a: Arithmetic) -> [Diagnostic] {
        guard let table = report.table(.requests), let variant = table.variant else { return [] }
        let t = StandardTableKey.requests.rawValue
        let layout = variant == .v2021 ? requests2021 : requests2019
        let grid = CellGrid(report, layout)
        let columns = TemplateKeys.requestColumns
        let results = TemplateKeys.resultRows(variant).map(layout.row)
        let (newReceived, carriedOver) = (layout.row("new_received"), layout.row("carried_over"))
        let (resultsTotal, carriedForward) = (layout.row("results_total"), layout.row("carried_forward"))
        var out: [Diagnostic] = []
        for c in columns {
            let k = layout.column(c)
            if let d = a.check(grid, code: "T3-BAL", subject: "\(t).\(c)", what: "table 三 column \(c): new_received + carried_over = results_total + carried_forward",
                               whatZh: "表三「\(c)」列：新收 + 上年结转 = 办理结果总计 + 结转下年度",
                               left: [layout.slot(newReceived, k), layout.slot(carriedOver, k)],
                               right: [layout.slot(resultsTotal, k), layout.slot(carriedForward, k)]) {
                out.append(d)
            }
        }
        for c in columns {
            let k = layout.column(c)
            if let d = a.check(grid, code: "T3-SUM", subject: "\(t).\(c)", what: "table 三 column \(c): results_total = sum of the result rows",
                               whatZh: "表三「\(c)」列：总计 = 各办理结果之和",
                               left: [layout.slot(resultsTotal, k)], right: results.map { layout.slot($0, k) }) {
                out.append(d)
            }
        }
        let total = layout.column("total")
        let applicants = columns.dropLast().map(layout.column)
        for row in Template.spec(.requests, variant).rows {
            let r = layout.row(row.key)
            if let d = a.check(grid, code: "T3-ROW", subject: "\(t).\(row.key)", what: "table 三 row \(row.key): total = sum of the six applicant columns",
                               whatZh: "表三「\(row.labels[0])」行：总计 = 六类申请人之和",
                               left: [layout.slot(r, total)], right: applicants.map { layout.slot(r, $0) }) {
                out.append(d)
            }
        }
        return out
    }

    static func reviewLitigation(_ report: Report, _ a: Arithmetic) -> [Diagnostic] {
        guard report.table(.reviewLitigation) != nil else { return [] }
        let t = StandardTableKey.reviewLitigation.rawValue
        let layout = reviewLitigation
        let grid = CellGrid(report, layout)
        let parts = ["upheld", "corrected", "other", "pending"].map(layout.column)
        let total = layout.column("total")
        var out: [Diagnostic] = []
        for group in Template.reviewLitigation2021.rows {
            let r = layout.row(group.key)
            if let d = a.check(grid, code: "T4-SUM", subject: "\(t).\(group.key)", what: "table 四 \(group.key): upheld + corrected + other + pending = total",
                               whatZh: "表四「\(group.labels[0])」：维持 + 纠正 + 其他 + 尚未审结 = 总计",
                               left: parts.map { layout.slot(r, $0) }, right: [layout.slot(r, total)]) {
                out.append(d)
            }
        }
        return out
    }
}
