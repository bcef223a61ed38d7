import GXModel
import GXTemplate

/// The template's keys as the rules use them, worked out once: `Template` builds these lists anew
/// on every call, which cost more than the checks themselves.
enum TemplateKeys {
    private static let results2021 = Template.resultRows(.v2021)
    private static let results2019 = Template.resultRows(.v2019)

    /// The result rows `T3-SUM` adds up.
    static func resultRows(_ variant: TemplateVariant) -> [String] { variant == .v2021 ? results2021 : results2019 }

    private static let variants: [TemplateVariant] = [.v2021, .v2019]

    /// Per table and variant (`index`), every data cell's path and type, a repeated path kept once
    /// (its first type, as `T-INT` always read it).
    private static let cellTypes: [[(path: CellPath, type: ValueType)]] = StandardTableKey.allCases.flatMap { key in
        variants.map { variant in
            var seen = Set<CellPath>()
            return Template.spec(key, variant).cellPaths.filter { seen.insert($0.path).inserted }
        }
    }

    static func cellTypes(_ key: StandardTableKey, _ variant: TemplateVariant) -> [(path: CellPath, type: ValueType)] {
        cellTypes[StandardTableKey.allCases.firstIndex(of: key)! * variants.count + variants.firstIndex(of: variant)!]
    }
}
