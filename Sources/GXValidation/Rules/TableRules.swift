import GXModel
import GXTemplate

/// `T3-BAL`, `T3-SUM`, `T3-ROW` on table 三 and `T4-SUM` on table 四: the template's equations
/// (`TemplateEquations`, with their wording), evaluated by `Arithmetic` over a `CellGrid`.
enum TableRules {
    /// One table variant's grid and its equations with their paths turned into grid slots, worked
    /// out once per variant rather than per report.
    private struct Prepared {
        let layout: GridLayout
        let equations: [(equation: TemplateEquation, left: [Int], right: [Int])]

        init(_ key: StandardTableKey, _ variant: TemplateVariant) {
            let spec = Template.spec(key, variant)
            let layout = GridLayout(key, rows: spec.rows.map(\.key), columns: spec.columns.map(\.key))
            func slot(_ path: CellPath) -> Int { layout.slot(layout.row(path.row), layout.column(path.column)) }
            self.layout = layout
            equations = TemplateEquations.of(key, variant).map { ($0, $0.left.map(slot), $0.right.map(slot)) }
        }
    }

    private static let requests2021 = Prepared(.requests, .v2021)
    private static let requests2019 = Prepared(.requests, .v2019)
    private static let reviewLitigation = Prepared(.reviewLitigation, .v2021)

    static func requests(_ report: Report, _ a: Arithmetic) -> [Diagnostic] {
        guard let table = report.table(.requests), let variant = table.variant else { return [] }
        return check(report, variant == .v2021 ? requests2021 : requests2019, a)
    }

    static func reviewLitigation(_ report: Report, _ a: Arithmetic) -> [Diagnostic] {
        guard report.table(.reviewLitigation) != nil else { return [] }
        return check(report, reviewLitigation, a)
    }

    private static func check(_ report: Report, _ prepared: Prepared, _ a: Arithmetic) -> [Diagnostic] {
        let grid = CellGrid(report, prepared.layout)
        var out: [Diagnostic] = []
        for (equation, left, right) in prepared.equations {
            if let d = a.check(grid, code: equation.code, subject: equation.subject, what: equation.what, whatZh: equation.whatZh,
                               left: left, right: right) {
                out.append(d)
            }
        }
        return out
    }
}
