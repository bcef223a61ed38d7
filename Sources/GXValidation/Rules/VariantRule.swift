import GXModel

/// `T-VARIANT`: which format each table follows, and whether that fits the others and the year.
enum VariantRule {
    static func check(_ report: Report) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let variants = [StandardTableKey.activeDisclosure, .requests].compactMap { key in
            report.table(key)?.variant.map { (key, $0) }
        }
        if let year = report.year, year >= 2021 {
            for (key, variant) in variants where variant == .v2019 {
                out.append(Diagnostic(code: "T-VARIANT", severity: .warning, subject: key.rawValue,
                    message: "table \(key.rawValue) follows the 2019 format in a \(year) report (the 2021 format applies from the 2021 report on)",
                    messageZh: "\(year) 年度报告的表格仍使用 2019 年格式", paths: [key.rawValue], source: report.table(key)?.source))
            }
        }
        if out.isEmpty, Set(variants.map(\.1)).count > 1 {
            out.append(Diagnostic(code: "T-VARIANT", severity: .warning, subject: "template",
                message: "the tables follow different formats: " + variants.map { "\($0.0.rawValue) \($0.1.rawValue)" }.joined(separator: ", "),
                messageZh: "各表格式版本不一致", paths: variants.map(\.0.rawValue)))
        }
        return out
    }
}
