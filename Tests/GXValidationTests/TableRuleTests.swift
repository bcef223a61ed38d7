import Testing
import GXModel
import GXTemplate
@testable import GXValidation

@Suite struct TableRuleTests {
    /// A consistent table 三: 5 new + 1 carried = 4 granted + 1 withheld + 1 forward.
    static func consistent() -> ReportFactory {
        var f = ReportFactory()
        f.row("new_received", [3, 2, 0, 0, 0, 0])
        f.row("carried_over", [1, 0, 0, 0, 0, 0])
        f.row("granted", [2, 2, 0, 0, 0, 0])
        f.row("withheld_third_party", [1, 0, 0, 0, 0, 0])
        f.row("results_total", [3, 2, 0, 0, 0, 0])
        f.row("carried_forward", [1, 0, 0, 0, 0, 0])
        return f
    }

    func errors(_ f: ReportFactory, _ options: ValidationOptions = .init()) -> [Diagnostic] {
        Validator.validate(f.report, options: options).filter { $0.severity == .error }
    }

    @Test func aConsistentReportHasNoErrors() {
        #expect(errors(Self.consistent()).isEmpty)
        #expect(errors(ReportFactory()).isEmpty, "an all-zero report adds up")
    }

    @Test func balanceBrokenInOneColumnNamesBothSidesAndTheCells() throws {
        var f = Self.consistent()
        f.row("carried_forward", [2, 0, 0, 0, 0, 0])
        let found = errors(f)
        #expect(Set(found.map(\.code)) == ["T3-BAL"])
        let d = try #require(found.first { $0.paths.contains("requests.new_received.natural_person") })
        #expect(d.left == "4")
        #expect(d.right == "5")
        #expect(d.difference == "-1")
        #expect(d.cells.map(\.path) == ["requests.new_received.natural_person", "requests.carried_over.natural_person",
                                         "requests.results_total.natural_person", "requests.carried_forward.natural_person"])
        #expect(d.cells.allSatisfy { $0.source.table == 1 }, "each cell keeps its source")
        #expect(d.messageZh?.contains("相差") == true)
    }

    @Test func sumAndRowRules() {
        var sum = Self.consistent()
        sum.set("requests.results_total.commercial", "3")
        sum.set("requests.results_total.total", "6")
        #expect(errors(sum).contains { $0.code == "T3-SUM" && $0.paths.first == "requests.results_total.commercial" })

        var row = Self.consistent()
        row.set("requests.granted.total", "5")
        let found = errors(row)
        #expect(found.contains { $0.code == "T3-ROW" && $0.paths.first == "requests.granted.total" })
    }

    @Test func tableFourTotalsLeftAtZeroWhilePartsAreNot() {
        var f = ReportFactory()
        f.set("review_litigation.review.upheld", "1")
        f.set("review_litigation.review.corrected", "1")
        let found = errors(f)
        #expect(found.count == 1)
        #expect(found.first?.code == "T4-SUM")
        #expect(found.first?.left == "2" && found.first?.right == "0")
    }

    @Test func blankCellsAreNotAssessableUnlessAskedFor() {
        var f = Self.consistent()
        f.set("requests.carried_over.natural_person", "")
        f.set("requests.carried_over.total", "")
        let strict = Validator.validate(f.report)
        #expect(strict.filter { $0.severity == .error }.isEmpty, "a blank is not a zero")
        #expect(strict.contains { $0.code == "T3-BAL" && $0.severity == .info && $0.message.contains("not assessable") })
        let lenient = errors(f, ValidationOptions(blankAsZero: true))
        #expect(lenient.contains { $0.code == "T3-BAL" && $0.message.contains("--blank-as-zero") })
    }

    @Test func nonIntegerAndNegativeCounts() {
        var f = ReportFactory()
        f.set("requests.granted.natural_person", "2.5")
        f.set("active_disclosure.penalty.decisions", "-1")
        f.set("active_disclosure.fees.amount_10k_yuan", "12.3456")
        let ints = errors(f).filter { $0.code == "T-INT" }
        #expect(Set(ints.flatMap(\.paths)) == ["requests.granted.natural_person", "active_disclosure.penalty.decisions"])
    }

    @Test func decimalFeesSumExactly() {
        let a = Arithmetic(report: ReportFactory().report, options: .init())
        #expect(a.format(-5, 2) == "-0.05")
        #expect(a.format(123456, 4) == "12.3456")
    }

    @Test func variantRuleWarnsOnOldFormatInNewYears() {
        let f = ReportFactory(year: 2023, requests: .v2019)
        let found = Validator.validate(f.report).filter { $0.code == "T-VARIANT" }
        #expect(found.count >= 1)
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(Validator.validate(ReportFactory(year: 2020, requests: .v2019).report)
            .filter { $0.code == "T-VARIANT" && $0.message.contains("2020 report") }.isEmpty)
    }

    @Test func diagnosticCellsCarryTheNearestBookmark() throws {
        var f = Self.consistent()
        f.row("carried_forward", [2, 0, 0, 0, 0, 0])
        f.report.bookmarks = [ReportBookmark(name: "_Hlk66973412", path: "requests.new_received", source: .unknown)]
        let d = try #require(errors(f).first)
        #expect(d.cells.first?.bookmark == "_Hlk66973412")
    }
}
