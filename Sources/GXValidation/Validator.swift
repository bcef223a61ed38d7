import GXModel
import GXTemplate

public struct ValidationOptions: Sendable {
    /// Count blank cells as 0 (the lenient reading some evaluators ask for); said in every message.
    public var blankAsZero: Bool

    public init(blankAsZero: Bool = false) {
        self.blankAsZero = blankAsZero
    }
}

/// Runs the spec §6 rules on the report model — never on adapter output — and returns the
/// diagnostics, leaving the report untouched.
public enum Validator {
    public static func validate(_ report: Report, options: ValidationOptions = .init()) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let arithmetic = Arithmetic(report: report, options: options)
        out += TableRules.requests(report, arithmetic)
        out += TableRules.reviewLitigation(report, arithmetic)
        out += IntegerRule.check(report)
        out += VariantRule.check(report)
        out += NarrativeRules.check(report)
        return out
    }

    /// Adds the rule diagnostics to the report's own.
    public static func apply(to report: inout Report, options: ValidationOptions = .init()) {
        report.diagnostics += validate(report, options: options)
    }
}
