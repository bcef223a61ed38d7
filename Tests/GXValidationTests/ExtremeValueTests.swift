import Testing
import GXModel
import GXTemplate
@testable import GXValidation

/// Numbers no report prints, near and past `Int.max`: the validator says the equation is not
/// assessable or that the cell is text, and never traps (issue 20 §1).
@Suite struct ExtremeValueTests {
    /// Puts a number straight into the model, past the reader's digit limit, as a crafted JSON or a
    /// future adapter could.
    static func force(_ f: inout ReportFactory, _ path: String, _ canonical: String) {
        let parts = path.split(separator: ".").map(String.init)
        let t = f.report.tables.firstIndex { $0.key.rawValue == parts[0] }!
        let c = f.report.tables[t].cells.firstIndex { $0.path.row == parts[1] && $0.path.column == parts[2] }!
        f.report.tables[t].cells[c].text = canonical
        f.report.tables[t].cells[c].kind = .number
        f.report.tables[t].cells[c].number = PrintedNumber(canonical: canonical)
    }

    @Test(arguments: ["9223372036854775807", "-9223372036854775808", "-9223372036854775807", "4611686018427387904",
                      "99999999999999999999999999", "922337203685477580.7", "0.000001", "-0.0000009"])
    func anExtremeCellBesideOthersIsNoCrashAndNoForgedFinding(_ value: String) {
        var f = TableRuleTests.consistent()
        Self.force(&f, "requests.new_received.natural_person", value)
        Self.force(&f, "requests.new_received.commercial", value)
        let findings = Validator.validate(f.report, options: .init())
        for d in findings where d.paths.contains("requests.new_received.natural_person") && d.severity == .error {
            // An error is only allowed with both sides exact: never a side read as 0.
            #expect(d.left != "0" && d.right != "0" || d.message.contains(value), "\(d.message)")
        }
        #expect(findings.contains { $0.message.contains("too large") || $0.severity == .error || $0.severity == .info })
    }

    @Test func aSumPastInt64IsNotAssessableNotAnError() throws {
        var f = TableRuleTests.consistent()
        Self.force(&f, "requests.new_received.natural_person", "9223372036854775807")
        Self.force(&f, "requests.carried_over.natural_person", "9223372036854775807")
        let found = Validator.validate(f.report, options: .init())
        let bal = try #require(found.first { $0.code == "T3-BAL" && $0.subject == "requests.natural_person" })
        #expect(bal.severity == .info)
        #expect(bal.message.contains("too large"))
    }

    @Test func aTwentyDigitCellIsTextWithADiagnosticNotZero() {
        var f = TableRuleTests.consistent()
        f.set("requests.new_received.natural_person", "10000000000000000000")
        let cell = f.report.table(.requests)!.cells.first { $0.path.description == "requests.new_received.natural_person" }!
        #expect(cell.kind == .text)
        #expect(cell.number == nil)
        #expect(CellReader.refusal("10000000000000000000")?.contains("15 digits") == true)
        let found = Validator.validate(f.report, options: .init())
        // The row and balance equations are not assessable; nothing says "the table counts 0".
        #expect(!found.contains { $0.severity == .error && $0.paths.contains("requests.new_received.natural_person") })
        #expect(!found.contains { $0.code == "N-RECV" })
    }

    @Test func fifteenDigitsStillReadAndAdd() {
        var f = TableRuleTests.consistent()
        f.row("new_received", [999_999_999_999_999, 2, 0, 0, 0, 0])
        let found = Validator.validate(f.report, options: .init()).filter { $0.severity == .error }
        #expect(found.contains { $0.code == "T3-BAL" && $0.left == "1000000000000000" })
    }

    @Test func crossYearWithExtremeYearsAndValuesDoesNotTrap() {
        var a = ReportFactory(year: Int.max)
        Self.force(&a, "active_disclosure.regulations.in_force", "9223372036854775807")
        var b = ReportFactory(year: Int.min)
        Self.force(&b, "active_disclosure.regulations.issued", "9223372036854775807")
        let facts = [a.report, b.report].enumerated().compactMap { CrossYearFacts(report: $0.element, file: "f\($0.offset)") }
        _ = CrossYearRules.check(facts)
    }

    @Test func eachReportIsPairedWithItsAgencysPreviousYearOnce() {
        var reports: [CrossYearFacts] = []
        for i in 0..<40 {
            var last = ReportFactory(year: 2022)
            last.set("requests.carried_forward.natural_person", "5")
            var this = ReportFactory(year: 2023)
            this.set("requests.carried_over.natural_person", "4")
            reports.append(CrossYearFacts(report: last.report, file: "a\(i).docx")!)
            reports.append(CrossYearFacts(report: this.report, file: "b\(i).docx")!)
        }
        let found = CrossYearRules.check(reports).filter { $0.code == "X-CARRY" }
        #expect(found.count == 40, "one finding per 2023 report, not 40 × 40")
        #expect(found.allSatisfy { $0.cells.last?.file == "a0.docx" })
    }
}
