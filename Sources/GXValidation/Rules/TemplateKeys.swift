import GXModel
import GXTemplate

/// The template's keys as the rules use them, worked out once: `Template` builds these lists anew
/// on every call, which cost more than the checks themselves.
enum TemplateKeys {
    private static let results2021 = Template.resultRows(.v2021)
    private static let results2019 = Template.resultRows(.v2019)

    /// The result rows `T3-SUM` adds up.
    static func resultRows(_ variant: TemplateVariant) -> [String] { variant == .v2021 ? results2021 : results2019 }
}
