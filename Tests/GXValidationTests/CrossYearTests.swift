import Testing
import GXModel
@testable import GXValidation

@Suite struct CrossYearTests {
    static func year(_ y: Int, agency: String = "某某县水利局", over: Int, forward: Int, inForce: Int, issued: Int = 0,
                     repealed: Int = 0, file: String? = nil, sha256: String = "") -> CrossYearFacts {
        var f = ReportFactory(year: y, agency: agency)
        f.report.source.sha256 = sha256
        f.row("carried_over", [over, 0, 0, 0, 0, 0])
        f.row("carried_forward", [forward, 0, 0, 0, 0, 0])
        f.set("active_disclosure.normative_documents.in_force", String(inForce))
        f.set("active_disclosure.normative_documents.issued", String(issued))
        f.set("active_disclosure.normative_documents.repealed", String(repealed))
        return CrossYearFacts(report: f.report, file: file ?? "\(y).docx")!
    }

    @Test func consecutiveYearsThatAgreeRaiseNothing() {
        let found = CrossYearRules.check([Self.year(2022, over: 0, forward: 2, inForce: 10),
                                          Self.year(2023, over: 2, forward: 0, inForce: 12, issued: 3, repealed: 1)])
        #expect(found.isEmpty)
    }

    @Test func carryOverAndInForceMismatchesAreFound() throws {
        let found = CrossYearRules.check([Self.year(2023, agency: "某某县 水利局", over: 1, forward: 0, inForce: 9, issued: 1),
                                          Self.year(2022, over: 0, forward: 2, inForce: 10)])
        let carry = found.filter { $0.code == "X-CARRY" }
        #expect(carry.count == 2, "natural_person and total")
        let d = try #require(carry.first)
        #expect(d.cells.map(\.file) == ["2023.docx", "2022.docx"])
        #expect(d.left == "1" && d.right == "2")
        #expect(found.contains { $0.code == "X-INFORCE" && $0.left == "9" && $0.right == "11" })
    }

    @Test func differentAgenciesOrGapsAreNotCompared() {
        #expect(CrossYearRules.check([Self.year(2022, over: 0, forward: 2, inForce: 10),
                                      Self.year(2023, agency: "另一个局", over: 0, forward: 0, inForce: 0)]).isEmpty)
        #expect(CrossYearRules.check([Self.year(2021, over: 0, forward: 2, inForce: 10),
                                      Self.year(2023, over: 0, forward: 0, inForce: 0)]).isEmpty)
    }

    @Test func copiesOfOneFileAreCheckedOnceUnderTheirFirstPath() throws {
        let last = Self.year(2022, over: 0, forward: 2, inForce: 10, sha256: "aa")
        let copies = ["b/2023.docx", "a/2023.docx"].map {
            Self.year(2023, over: 1, forward: 0, inForce: 10, file: $0, sha256: "bb")
        }
        let found = CrossYearRules.check([last] + copies).filter { $0.code == "X-CARRY" }
        #expect(found.count == 2, "natural_person and total, once, not once per copy")
        #expect(found.allSatisfy { $0.cells.first?.file == "a/2023.docx" })
        // A different file of the same year (a corrected report) is checked on its own.
        let corrected = Self.year(2023, over: 1, forward: 0, inForce: 10, file: "c/2023.docx", sha256: "cc")
        #expect(CrossYearRules.check([last] + copies + [corrected]).filter { $0.code == "X-CARRY" }.count == 4)
    }

    @Test func factsKeepOnlyTheCellsTheChecksRead() throws {
        let f = Self.year(2023, over: 3, forward: 1, inForce: 10, issued: 2)
        #expect(f.carriedOver.first??.integer == 3)
        #expect(f.carriedOver.first??.path == "requests.carried_over.natural_person")
        #expect(f.carriedForward.first??.integer == 1)
        #expect(f.document("normative_documents", "issued")?.integer == 2)
        #expect(f.document("normative_documents", "issued")?.source.table == 1)
        #expect(f.document("licensing", "decisions") == nil)
    }
}
