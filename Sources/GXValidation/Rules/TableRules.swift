import GXModel
import GXTemplate

/// `T3-BAL`, `T3-SUM`, `T3-ROW` on table 三 and `T4-SUM` on table 四.
enum TableRules {
    static func requests(_ report: Report, _ a: Arithmetic) -> [Diagnostic] {
        guard let table = report.table(.requests), let variant = table.variant else { return [] }
        let t = StandardTableKey.requests.rawValue
        let columns = Template.requestColumns.map(\.key)
        let results = Template.resultRows(variant)
        var out: [Diagnostic] = []
        for c in columns {
            let p = { (row: String) in CellPath(t, row, c) }
            if let d = a.check(code: "T3-BAL", subject: "\(t).\(c)", what: "table 三 column \(c): new_received + carried_over = results_total + carried_forward",
                               whatZh: "表三「\(c)」列：新收 + 上年结转 = 办理结果总计 + 结转下年度",
                               left: [p("new_received"), p("carried_over")], right: [p("results_total"), p("carried_forward")]) {
                out.append(d)
            }
        }
        for c in columns {
            if let d = a.check(code: "T3-SUM", subject: "\(t).\(c)", what: "table 三 column \(c): results_total = sum of the result rows",
                               whatZh: "表三「\(c)」列：总计 = 各办理结果之和",
                               left: [CellPath(t, "results_total", c)], right: results.map { CellPath(t, $0, c) }) {
                out.append(d)
            }
        }
        let spec = Template.spec(.requests, variant)
        for row in spec.rows {
            if let d = a.check(code: "T3-ROW", subject: "\(t).\(row.key)", what: "table 三 row \(row.key): total = sum of the six applicant columns",
                               whatZh: "表三「\(row.labels[0])」行：总计 = 六类申请人之和",
                               left: [CellPath(t, row.key, "total")], right: columns.dropLast().map { CellPath(t, row.key, $0) }) {
                out.append(d)
            }
        }
        return out
    }

    static func reviewLitigation(_ report: Report, _ a: Arithmetic) -> [Diagnostic] {
        guard report.table(.reviewLitigation) != nil else { return [] }
        let t = StandardTableKey.reviewLitigation.rawValue
        var out: [Diagnostic] = []
        for group in Template.reviewLitigation2021.rows {
            let parts = ["upheld", "corrected", "other", "pending"].map { CellPath(t, group.key, $0) }
            if let d = a.check(code: "T4-SUM", subject: "\(t).\(group.key)", what: "table 四 \(group.key): upheld + corrected + other + pending = total",
                               whatZh: "表四「\(group.labels[0])」：维持 + 纠正 + 其他 + 尚未审结 = 总计",
                               left: parts, right: [CellPath(t, group.key, "total")]) {
                out.append(d)
            }
        }
        return out
    }
}
