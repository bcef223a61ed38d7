import GXModel

/// One of the template's hard equations (spec §6) as `Σ left = Σ right` over cell paths.
public struct TemplateEquation: Sendable {
    public var code: String
    public var left: [CellPath]
    public var right: [CellPath]

    public var paths: [CellPath] { left + right }
}

/// The spec §6 equations of one standard table: on table 三 7 × `T3-BAL`, 7 × `T3-SUM` and one
/// `T3-ROW` per row; on table 四 3 × `T4-SUM`; none on table 二.
public enum TemplateEquations {
    public static func of(_ key: StandardTableKey, _ variant: TemplateVariant) -> [TemplateEquation] {
        switch key {
        case .activeDisclosure:
            return []
        case .requests:
            let t = key.rawValue
            let columns = Template.requestColumns.map(\.key)
            let results = Template.resultRows(variant)
            var out: [TemplateEquation] = []
            for c in columns {
                out.append(TemplateEquation(code: "T3-BAL",
                    left: [CellPath(t, "new_received", c), CellPath(t, "carried_over", c)],
                    right: [CellPath(t, "results_total", c), CellPath(t, "carried_forward", c)]))
            }
            for c in columns {
                out.append(TemplateEquation(code: "T3-SUM", left: [CellPath(t, "results_total", c)],
                                            right: results.map { CellPath(t, $0, c) }))
            }
            for row in Template.spec(.requests, variant).rows {
                out.append(TemplateEquation(code: "T3-ROW", left: [CellPath(t, row.key, "total")],
                                            right: columns.dropLast().map { CellPath(t, row.key, $0) }))
            }
            return out
        case .reviewLitigation:
            let t = key.rawValue
            return Template.reviewLitigation2021.rows.map { group in
                TemplateEquation(code: "T4-SUM",
                    left: ["upheld", "corrected", "other", "pending"].map { CellPath(t, group.key, $0) },
                    right: [CellPath(t, group.key, "total")])
            }
        }
    }
}
