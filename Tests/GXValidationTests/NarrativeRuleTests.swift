import Testing
import GXModel
@testable import GXValidation

@Suite struct NarrativeRuleTests {
    func warnings(_ f: ReportFactory, _ code: String) -> [Diagnostic] {
        Validator.validate(f.report).filter { $0.code == code }
    }

    static func withRequests(new: Int, done: Int? = nil) -> ReportFactory {
        var f = ReportFactory()
        f.row("new_received", [new, 0, 0, 0, 0, 0])
        f.row("granted", [new, 0, 0, 0, 0, 0])
        f.row("results_total", [done ?? new, 0, 0, 0, 0, 0])
        return f
    }

    @Test func receivedCountsAgreeOrWarnWithTheSentenceQuoted() throws {
        var ok = Self.withRequests(new: 13)
        ok.prose("overview", ["（二）依申请公开。本年度共受理政府信息公开申请 13 件，均按时答复。"])
        #expect(warnings(ok, "N-RECV").isEmpty)

        var off = Self.withRequests(new: 95)
        off.prose("overview", ["2024年，区政府办公室共受理政府信息公开申请17件，比去年增加3件。"])
        let d = try #require(warnings(off, "N-RECV").first)
        #expect(d.severity == .warning)
        #expect(d.left == "17" && d.right == "95")
        #expect(d.message.contains("共受理政府信息公开申请17件"))
        #expect(d.paths.first == "sections.overview.paragraphs.0")
        #expect(d.source?.paragraph == 10)
    }

    @Test func negationsYearsAndPercentagesAreReadRight() {
        var none = ReportFactory()
        none.prose("overview", ["2023年原州区河川乡未收到政府信息公开申请，按时答复率100%。"])
        #expect(warnings(none, "N-RECV").isEmpty, "未收到 means 0, and 0 is what the table says")

        var some = Self.withRequests(new: 2)
        some.prose("overview", ["2023年未收到政府信息公开申请。"])
        #expect(warnings(some, "N-RECV").count == 1)

        var carried = Self.withRequests(new: 2)
        carried.row("carried_over", [1, 0, 0, 0, 0, 0])
        carried.prose("overview", ["本年度我镇收到关于依申请公开政府信息的申请3条，已按程序回复到位。"])
        #expect(warnings(carried, "N-RECV").isEmpty, "new + carried-over is an accepted reading")
    }

    @Test func completedBreakdownAndLegalCounts() {
        var f = Self.withRequests(new: 5, done: 5)
        f.set("review_litigation.review.upheld", "1")
        f.set("review_litigation.review.total", "1")
        f.prose("overview", ["共办结申请4件。其中予以公开3件，部分公开0件。"])
        f.prose("review_litigation", ["本年度因政府信息公开被申请行政复议2件，未发生行政诉讼。"])
        #expect(warnings(f, "N-DONE").first?.left == "4")
        let breaks = warnings(f, "N-BREAK")
        #expect(breaks.count == 1)
        #expect(breaks.first?.left == "3" && breaks.first?.right == "5")
        let legal = warnings(f, "N-LEGAL")
        #expect(legal.count == 1, "行政诉讼: 未发生 reads as 0, which agrees")
        #expect(legal.first?.left == "2" && legal.first?.right == "1")
    }
}
