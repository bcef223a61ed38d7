import GXModel

/// `gxconvert validate --format json`: one entry per report, the cross-year findings, and the
/// inputs that could not be read, with the same diagnostic shape as the report JSON.
public enum ValidationJSON {
    public static let schema = "gxconvert.validation/1"

    public static func value(results: [(file: String, report: Report)], crossYear: [Diagnostic], unreadable: [GXError],
                             errors: Int, warnings: Int) -> JSONValue {
        .object([
            ("schema", .string(schema)),
            ("reports", .array(results.map { file, report in
                .object([
                    ("path", .string(file)),
                    ("agency", .optional(report.agency)),
                    ("year", .optional(report.year)),
                    ("errors", .int(report.diagnostics.filter { $0.severity == .error }.count)),
                    ("warnings", .int(report.diagnostics.filter { $0.severity == .warning }.count)),
                    ("diagnostics", .array(report.diagnostics.map(ReportJSON.diagnostic))),
                ])
            })),
            ("cross_year", .array(crossYear.map(ReportJSON.diagnostic))),
            ("unreadable", .array(unreadable.map { e in
                .object([("path", .optional(e.file)), ("code", .string(e.code.rawValue)), ("message", .string(e.description))])
            })),
            ("summary", .object([("reports", .int(results.count)), ("errors", .int(errors)), ("warnings", .int(warnings)),
                                 ("unreadable", .int(unreadable.count))])),
        ])
    }
}
