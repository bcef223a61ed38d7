import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXModel
import GXValidation

/// Fixtures/validation: each report breaks one rule on purpose (or none). The rule must fire there
/// — with both sides of the equation right — and nowhere else.
@Suite struct ValidationFixtureTests {
    static let docx = Fixtures.files("validation", ext: "docx")
    /// The same reports as tab-separated text exports: the rules must find the same things.
    static let text = Fixtures.files("validation", ext: "txt")
    static let ruleCodes: Set<String> = ["T3-BAL", "T3-SUM", "T3-ROW", "T4-SUM", "T-INT", "T-VARIANT",
                                         "N-RECV", "N-DONE", "N-BREAK", "N-LEGAL"]

    static func report(_ url: URL) throws -> Report {
        try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
    }

    @Test func everyRuleHasAFixture() throws {
        var broken = Set<String>()
        for url in Self.docx {
            let expected = try Fixtures.expectation(for: url)
            for key in ["violations", "warnings"] {
                for f in ReportExpectation.findings(expected, key) { broken.insert(String(f.split(separator: " ")[0])) }
            }
        }
        #expect(Self.ruleCodes.isSubset(of: broken), "missing: \(Self.ruleCodes.subtracting(broken))")
    }

    @Test func everyReportComesInBothForms() {
        #expect(Self.docx.count == Self.text.count)
        #expect(Self.docx.count >= 18)
    }

    @Test(arguments: docx + text)
    func rulesFireExactlyWhereExpected(_ url: URL) throws {
        let expected = try Fixtures.expectation(for: url)
        let report = try Self.report(url)
        ReportExpectation(expected: expected).check(report)
        if url.pathExtension == "txt" {
            let d = report.diagnostics.first { $0.severity == .error }
            if let d { #expect(d.cells.allSatisfy { $0.source.line > 0 }, "text findings point at a line: \(d.cells.map(\.source))") }
        }

        let rules = report.diagnostics.filter { Self.ruleCodes.contains($0.code) }
        let errors = rules.filter { $0.severity == .error }
        #expect(errors.map { "\($0.code) \($0.subject ?? "?")" }.sorted() == ReportExpectation.findings(expected, "violations"))
        #expect(rules.filter { $0.severity == .warning }.map { "\($0.code) \($0.subject ?? "?")" }.sorted()
                == ReportExpectation.findings(expected, "warnings"))
        #expect(rules.filter { $0.severity == .info }.map { "\($0.code) \($0.subject ?? "?")" }.sorted()
                == ReportExpectation.findings(expected, "not_assessable"))

        // Both sides of every arithmetic error, as printed.
        for want in (expected["violations"] as? [[String: Any]]) ?? [] where (want["right"] as? NSNumber) != nil {
            let d = errors.first { $0.code == want["code"] as? String && $0.subject == want["where"] as? String }
            #expect(d?.left.flatMap(Double.init) == (want["left"] as? NSNumber)?.doubleValue, "left of \(want)")
            #expect(d?.right.flatMap(Double.init) == (want["right"] as? NSNumber)?.doubleValue, "right of \(want)")
        }
    }

    @Test func blankCellsHoldWhenCountedAsZero() throws {
        let url = Fixtures.root.appendingPathComponent("validation/blank-cells.docx")
        let options = ConvertOptions(validation: ValidationOptions(blankAsZero: true))
        let report = try Converter.report(try Fixtures.bytes(url), path: "blank-cells.docx", options: options)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(!report.diagnostics.contains { $0.severity == .info && $0.message.contains("not assessable") })
    }

    @Test func crossYearPairsGiveExactlyTheirWarnings() throws {
        let pairs = try JSONSerialization.jsonObject(with: Data(contentsOf:
            Fixtures.root.appendingPathComponent("validation/cross_year.expected.json"))) as! [[String: Any]]
        #expect(pairs.count >= 3)
        for pair in pairs {
            let names = pair["files"] as! [String]
            for ext in ["docx", "txt"] {
                let facts = try names.map { name in
                    let url = Fixtures.root.appendingPathComponent("validation/\(name).\(ext)")
                    return try #require(CrossYearFacts(report: try Self.report(url), file: name))
                }
                let found = CrossYearRules.check(facts).map { "\($0.code) \($0.subject ?? "?")" }.sorted()
                #expect(found == ReportExpectation.findings(pair, "warnings"), "\(names) as \(ext)")
            }
        }
    }
}
