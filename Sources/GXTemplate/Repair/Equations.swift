import GXModel

/// One of the template's hard equations (spec §6) as `Σ left = Σ right` over cell paths, with the
/// words a diagnostic says about it. Validation evaluates these; the repairer solves them; neither
/// restates them.
public struct TemplateEquation: Sendable {
    public var code: String
    public var left: [CellPath]
    public var right: [CellPath]
    /// What the equation is about (`requests.total`, `review_litigation.review`).
    public var subject: String
    /// The equation in words, English and Chinese, as diagnostics print it.
    public var what: String
    public var whatZh: String

    public var paths: [CellPath] { left + right }
}

/// The spec §6 equations of one standard table: on table 三 7 × `T3-BAL`, 7 × `T3-SUM` and one
/// `T3-ROW` per row; on table 四 3 × `T4-SUM`; none on table 二. Worked out once per variant.
public enum TemplateEquations {
    public static func of(_ key: StandardTableKey, _ variant: TemplateVariant) -> [TemplateEquation] {
        switch key {
        case .activeDisclosure: return []
        case .requests: return variant == .v2021 ? requests2021 : requests2019
        case .reviewLitigation: return reviewLitigation
        }
    }

    /// Table 四's parts, which add up to its `total` column.
    public static let reviewParts = Template.reviewColumns.map(\.key).filter { $0 != "total" }

    private static let requests2021 = requests(.v2021)
    private static let requests2019 = requests(.v2019)
    private static let reviewLitigation = Template.reviewLitigation2021.rows.map { group in
        let t = StandardTableKey.reviewLitigation.rawValue
        return TemplateEquation(code: "T4-SUM",
            left: reviewParts.map { CellPath(t, group.key, $0) }, right: [CellPath(t, group.key, "total")],
            subject: "\(t).\(group.key)",
            what: "table 四 \(group.key): upheld + corrected + other + pending = total",
            whatZh: "表四「\(group.labels[0])」：维持 + 纠正 + 其他 + 尚未审结 = 总计")
    }

    private static func requests(_ variant: TemplateVariant) -> [TemplateEquation] {
        let t = StandardTableKey.requests.rawValue
        let columns = Template.requestColumns.map(\.key)
        let results = Template.resultRows(variant)
        var out: [TemplateEquation] = []
        for c in columns {
            out.append(TemplateEquation(code: "T3-BAL",
                left: [CellPath(t, "new_received", c), CellPath(t, "carried_over", c)],
                right: [CellPath(t, "results_total", c), CellPath(t, "carried_forward", c)],
                subject: "\(t).\(c)",
                what: "table 三 column \(c): new_received + carried_over = results_total + carried_forward",
                whatZh: "表三「\(c)」列：新收 + 上年结转 = 办理结果总计 + 结转下年度"))
        }
        for c in columns {
            out.append(TemplateEquation(code: "T3-SUM", left: [CellPath(t, "results_total", c)],
                right: results.map { CellPath(t, $0, c) },
                subject: "\(t).\(c)",
                what: "table 三 column \(c): results_total = sum of the result rows",
                whatZh: "表三「\(c)」列：总计 = 各办理结果之和"))
        }
        for row in Template.spec(.requests, variant).rows {
            out.append(TemplateEquation(code: "T3-ROW", left: [CellPath(t, row.key, "total")],
                right: columns.dropLast().map { CellPath(t, row.key, $0) },
                subject: "\(t).\(row.key)",
                what: "table 三 row \(row.key): total = sum of the six applicant columns",
                whatZh: "表三「\(row.labels[0])」行：总计 = 六类申请人之和"))
        }
        return out
    }
}
