import Testing
import GXModel
@testable import GXTemplate

/// The placement solver on its own, with small token streams: what it keeps, and where it abstains.
@Suite struct PlacementSolverTests {
    static func number(_ text: String, line: Int = 0) -> PlacementToken {
        PlacementToken(.number, text, source: SourceLocation(line: line, column: 1))
    }

    static func label(_ text: String, line: Int = 0, row: String? = nil) -> PlacementToken {
        PlacementToken(.label, text, source: SourceLocation(line: line, column: 1), row: row)
    }

    /// Numbers printed left to right on one line.
    static func onOneLine(_ values: [String], line: Int) -> [PlacementToken] {
        values.enumerated().map { PlacementToken(.number, $0.element, source: SourceLocation(line: line, column: 1 + 6 * $0.offset)) }
    }

    static func t4(_ group: String, _ column: String) -> CellPath { CellPath(.reviewLitigation, group, column) }
    static func t2(_ row: String, _ column: String) -> CellPath { CellPath(.activeDisclosure, row, column) }

    func text(_ p: Placement, _ path: CellPath, _ tokens: [PlacementToken]) -> String? {
        if case .token(let t) = p.decisions[path] { return tokens[t].text }
        return nil
    }

    func abstained(_ p: Placement, _ path: CellPath) -> String? {
        if case .abstain(let why) = p.decisions[path] { return why }
        return nil
    }

    // MARK: Row blocks

    @Test func aRowBlockThatAddsUpIsKeptWhole() {
        let tokens = Self.onOneLine(["2", "1", "0", "1", "4", "0", "0", "0", "3", "3", "1", "0", "0", "0", "1"], line: 9)
        let p = PlacementSolver.solve(tokens: tokens, table: .reviewLitigation, variant: .v2021, proposed: [])
        #expect(p.reading == "row-major")
        #expect(p.abstained.isEmpty)
        #expect(!p.doubtful)
        #expect(text(p, Self.t4("review", "total"), tokens) == "4")
        #expect(text(p, Self.t4("litigation_direct", "total"), tokens) == "3")
        #expect(text(p, Self.t4("litigation_after_review", "upheld"), tokens) == "1")
    }

    @Test func aGroupWhoseTotalFailsIsAbstainedNotBlamed() {
        // review: 1 + 0 + 0 + 0 ≠ 0 — a misread or the agency's arithmetic; text cannot tell.
        let tokens = Self.onOneLine(["1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"], line: 3)
        let p = PlacementSolver.solve(tokens: tokens, table: .reviewLitigation, variant: .v2021, proposed: [])
        #expect(p.doubtful)
        for c in ["upheld", "corrected", "other", "pending", "total"] {
            #expect(abstained(p, Self.t4("review", c))?.contains("T4-SUM") == true)
            #expect(text(p, Self.t4("litigation_direct", c), tokens) == "0")
        }
        #expect(p.notes.count == 1)
        #expect(p.notes[0].contains("5 cell(s) left empty"))
    }

    @Test func aShortRowWithoutLabelsGivesNoReadingAtAll() {
        // 14 numbers for 15 cells and no labels: no order is complete, nothing is placed.
        let tokens = (0..<14).map { _ in Self.number("0") }
        let p = PlacementSolver.solve(tokens: tokens, table: .reviewLitigation, variant: .v2021, proposed: [])
        #expect(p.decisions.values.allSatisfy { if case .token = $0 { return false }; return true })
    }

    // MARK: Column blocks

    /// Plain `pdftotext` prints table 二 column by column, each column after its header.
    static let columnBlocks: [PlacementToken] = [
        label("本年制发件数"), number("79"), number("0"),
        label("本年废止件数"), number("0"), number("0"),
        label("本年处理决定数量"), number("0"),
        label("本年处理决定数量"), number("5"), number("4"),
        label("现行有效件数"), number("8"), number("4"),
        label("本年收费金额（单位：万元）"), number("54"),
    ]

    @Test func columnHeadersAnnounceTheirValues() {
        let spec = Template.spec(.activeDisclosure, .v2021)
        let reading = PlacementSolver.headerAnnounced(tokens: Self.columnBlocks, spec: spec)
        #expect(reading != nil)
        let t = Self.columnBlocks
        func at(_ p: CellPath) -> String? { (reading?.cells[p] ?? nil).map { t[$0].text } }
        #expect(at(Self.t2("regulations", "in_force")) == "8")
        #expect(at(Self.t2("penalty", "decisions")) == "5")
        #expect(at(Self.t2("coercion", "decisions")) == "4")
        #expect(at(Self.t2("normative_documents", "in_force")) == "4")
    }

    @Test func columnBlocksWithoutEquationsOrLabelsAreAllAbstained() {
        let t = Self.columnBlocks
        let p = PlacementSolver.solve(tokens: t, table: .activeDisclosure, variant: .v2021, proposed: [])
        // Row by row reads 8 for 行政处罚, the headers 5: table 二 has no equation to choose.
        #expect(abstained(p, Self.t2("penalty", "decisions"))?.contains("cannot tell them apart") == true)
        // Every order puts 79 first, but without an equation order alone is no evidence, and no
        // label stands beside it.
        #expect(abstained(p, Self.t2("regulations", "issued"))?.contains("no label of row regulations") == true)
        #expect(p.abstained.count == 10)
        #expect(p.notes.first?.contains("readings disagree") == true)
    }

    // MARK: Labels beside values

    @Test func aValueIsKeptOnlyBesideItsRowLabel() {
        // The reader's reading: 行政许可 12 on one line; 3 on a line of its own before 行政处罚, which
        // could as well be a 行政许可 value wrapped or a 行政处罚 value printed first.
        let tokens = [Self.label("行政许可", line: 5), Self.number("12", line: 5),
                      Self.number("3", line: 6), Self.label("行政处罚", line: 7), Self.label("行政强制", line: 8)]
        let reading = PlacementReading(name: "row labels", cells: [
            Self.t2("licensing", "decisions"): 1, Self.t2("penalty", "decisions"): 2])
        let p = PlacementSolver.solve(tokens: tokens, table: .activeDisclosure, variant: .v2021, proposed: [reading])
        #expect(text(p, Self.t2("licensing", "decisions"), tokens) == "12")
        #expect(abstained(p, Self.t2("penalty", "decisions"))?.contains("no label of row penalty") == true)
        // Cells no reading placed keep the reader's own flag.
        #expect(p.decisions[Self.t2("fees", "amount_10k_yuan")] == .undecided)
    }

    @Test func aWrappedLabelAroundTheValuesSupportsThem() {
        let tokens = [Self.label("行政", line: 5), Self.number("7", line: 6), Self.label("规范性文件", line: 7)]
        let support = PlacementSolver.lineSupport(tokens: tokens, spec: Template.spec(.activeDisclosure, .v2021))
        // `规范性文件` names only normative_documents; `行政` names several rows and says nothing.
        #expect(!support.beside(1, Self.t2("normative_documents", "issued")))
        let raw = [Self.label("2.行政规范", line: 5), Self.label("性文件", line: 6), Self.number("7", line: 7), Self.number("0", line: 7),
                   Self.number("1", line: 7), Self.label("行政许可", line: 8)]
        let rawSupport = PlacementSolver.lineSupport(tokens: raw, spec: Template.spec(.activeDisclosure, .v2021))
        for t in 2...4 { #expect(rawSupport.beside(t, Self.t2("normative_documents", "issued"))) }
        #expect(!rawSupport.beside(4, Self.t2("licensing", "decisions")))
        #expect(!rawSupport.sameLine(2, Self.t2("normative_documents", "issued")), "`性文件` is on the line above")
    }

    @Test func aLoneNumberBetweenTwoWholeLabelsBelongsToNeither() {
        // Plain pdftotext prints a table's values before their labels as often as after them:
        // `行政处罚 / 0 / 行政强制` is penalty's 0 or coercion's.
        let tokens = [Self.label("行政处罚", line: 5), Self.number("0", line: 6), Self.label("行政强制", line: 7)]
        let support = PlacementSolver.lineSupport(tokens: tokens, spec: Template.spec(.activeDisclosure, .v2021))
        #expect(!support.beside(1, Self.t2("penalty", "decisions")))
        #expect(!support.beside(1, Self.t2("coercion", "decisions")))
        // Followed by text that names no row, it is penalty's.
        let before = [Self.label("行政处罚", line: 5), Self.number("0", line: 6), Self.label("第二十条第（八）项", line: 7)]
        #expect(PlacementSolver.lineSupport(tokens: before, spec: Template.spec(.activeDisclosure, .v2021)).beside(1, Self.t2("penalty", "decisions")))
    }

    @Test func aBlockWithARowThatDoesNotFitKeepsOnlyValuesOnTheirLabelsLine() {
        // Table 二's first block in plain pdftotext: `规章 / 3 / 行政规范性文件 / 0 / 2 / 7` — five numbers
        // for six cells (a blank), in column order. The reader fits 0 2 7 to 行政规范性文件, but its
        // block's other row did not fit: nothing says which cell is blank, so none is kept.
        let tokens = [Self.label("规章", line: 1), Self.number("3", line: 2), Self.label("行政规范性文件", line: 3),
                      Self.number("0", line: 4), Self.number("2", line: 5), Self.number("7", line: 6), Self.label("行政许可", line: 7),
                      Self.number("6", line: 8)]
        let cells: [CellPath: Int?] = [Self.t2("normative_documents", "issued"): 3, Self.t2("normative_documents", "repealed"): 4,
                                       Self.t2("normative_documents", "in_force"): 5]
        let reading = PlacementReading(name: "row labels", cells: cells, misfitRows: ["regulations"])
        let p = PlacementSolver.solve(tokens: tokens, table: .activeDisclosure, variant: .v2021, proposed: [reading])
        for c in ["issued", "repealed"] {
            #expect(abstained(p, Self.t2("normative_documents", c))?.contains("row regulations of the same block") == true)
        }
        // 7, alone on its line before `行政许可`, may be licensing's: no row's label supports it.
        #expect(abstained(p, Self.t2("normative_documents", "in_force"))?.contains("no label of row") == true)
        // The same values on their label's line (pdftotext -layout) stay.
        let layout = [Self.label("规章", line: 1), Self.number("3", line: 1), Self.number("2", line: 1),
                      Self.label("行政规范性文件", line: 2), Self.number("0", line: 2), Self.number("7", line: 2), Self.number("6", line: 2)]
        let onLine: [CellPath: Int?] = [Self.t2("normative_documents", "issued"): 4, Self.t2("normative_documents", "repealed"): 5,
                                        Self.t2("normative_documents", "in_force"): 6]
        let q = PlacementSolver.solve(tokens: layout, table: .activeDisclosure, variant: .v2021,
                                      proposed: [PlacementReading(name: "row labels", cells: onLine, misfitRows: ["regulations"])])
        #expect(text(q, Self.t2("normative_documents", "repealed"), layout) == "7")
    }

    // MARK: Rows printed out of order

    /// Table 三 printed row by row, one row a line, no labels: `values[row][column]`.
    static func requestsTokens(_ values: [String: [Int]]) -> [PlacementToken] {
        let columns = Template.requestColumns.map(\.key)
        var tokens: [PlacementToken] = []
        for (line, row) in Template.spec(.requests, .v2021).rows.enumerated() {
            let v = values[row.key] ?? Array(repeating: 0, count: columns.count)
            tokens += v.map { Self.number(String($0), line: line + 1) }
        }
        return tokens
    }

    @Test func aRowPrintedOutOfOrderIsNotConfirmedByItsOwnTotal() {
        // withheld_query_service is printed `0 0 0 0 0 8 8` but is [0, 8, 0, 0, 0, 0, 8] (plain
        // pdftotext moved the 8 to the row's end). Its own total holds either way. The column sums
        // see it (commercial 8 short, other_org 8 over), but new_received is off in those two
        // columns too (the agency's arithmetic), so the balance fails first and empties the column
        // totals: the row's total is then the only equation left over the two cells. It must not
        // confirm which of them holds the 8.
        var v: [String: [Int]] = [:]
        v["granted"] = [5, 3, 0, 0, 0, 1, 9]
        v["withheld_query_service"] = [0, 0, 0, 0, 0, 8, 8]   // printed; truth [0, 8, 0, 0, 0, 0, 8]
        v["results_total"] = [5, 11, 0, 0, 0, 1, 17]
        v["new_received"] = [5, 12, 0, 0, 0, 2, 19]           // commercial and other_org: 1 over
        v["carried_forward"] = [0, 0, 0, 0, 0, 0, 0]
        let tokens = Self.requestsTokens(v)
        let p = PlacementSolver.solve(tokens: tokens, table: .requests, variant: .v2021, proposed: [])
        #expect(p.reading == "row-major")
        let row = { (c: String) in CellPath(.requests, "withheld_query_service", c) }
        #expect(abstained(p, row("commercial")) != nil)
        #expect(abstained(p, row("other_org")) != nil)
        // The row's total and the cells whose columns add up stay.
        #expect(text(p, row("total"), tokens) == "8")
        #expect(text(p, row("natural_person"), tokens) == "0")
        #expect(text(p, CellPath(.requests, "granted", "natural_person"), tokens) == "5")
    }

    @Test func tableFourPartsAreConfirmedByTheirLineNotByTheirTotal() {
        // litigation_direct printed `0 944 0 0 944` is [0, 0, 944, 0, 944]: T4-SUM holds either way
        // and table 四 has no column sums. One number a line with header pieces cutting the run
        // (plain pdftotext), nothing shows which part is which; the same numbers left to right on
        // one line do, and so does one uninterrupted run.
        let values = ["0", "0", "0", "0", "0", "0", "944", "0", "0", "944", "0", "0", "0", "0", "0"]
        var scattered: [PlacementToken] = []
        for (k, v) in values.enumerated() {
            if k == 4 || k == 10 { scattered.append(Self.label("维持 纠正 结果 审结", line: 2 * k + 9)) }
            scattered.append(Self.number(v, line: 2 * k + 10))
        }
        let p = PlacementSolver.solve(tokens: scattered, table: .reviewLitigation, variant: .v2021, proposed: [])
        for c in ["upheld", "corrected", "other", "pending"] {
            #expect(abstained(p, Self.t4("litigation_direct", c)) != nil)
            #expect(text(p, Self.t4("review", c), scattered) == "0")   // all equal: any order is the same
        }
        #expect(text(p, Self.t4("litigation_direct", "total"), scattered) == "944")
        let oneLine = Self.onOneLine(values, line: 7)
        let q = PlacementSolver.solve(tokens: oneLine, table: .reviewLitigation, variant: .v2021, proposed: [])
        #expect(q.abstained.isEmpty)
        #expect(text(q, Self.t4("litigation_direct", "corrected"), oneLine) == "944")
        let run = values.enumerated().map { Self.number($0.element, line: 2 * $0.offset + 10) }
        let r = PlacementSolver.solve(tokens: run, table: .reviewLitigation, variant: .v2021, proposed: [])
        #expect(r.abstained.isEmpty)
    }

    @Test func aFailingGroupOfTableFourPutsItsNeighboursInDoubt() {
        // 0 × 11, then `3 4 7 0`: review and litigation_direct read as zeros add up, but
        // litigation_after_review `0 3 4 7 0` does not — the run of 15 numbers was read out of
        // order, and a row of zeros fits any group.
        let values = ["0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "3", "4", "7", "0"]
        var tokens = values.enumerated().map { Self.number($0.element, line: 2 * $0.offset + 10) }
        tokens.insert(Self.label("复议后起诉", line: 37), at: 14)
        let p = PlacementSolver.solve(tokens: tokens, table: .reviewLitigation, variant: .v2021, proposed: [])
        for group in ["review", "litigation_direct", "litigation_after_review"] {
            for c in ["upheld", "corrected", "other", "pending", "total"] { #expect(abstained(p, Self.t4(group, c)) != nil) }
        }
    }

    @Test func aLabelSupportsNoMoreNumbersAfterItThanItsRowHasCells() {
        // `8.属于行政查询事项`, then 14 numbers, then the next row's label: the first 7 may be the
        // row's; the next 7 are the next row's, printed before their label.
        let spec = Template.spec(.requests, .v2021)
        let label = spec.rows.first { $0.key == "withheld_query_service" }!.labels[0]
        var tokens = [Self.label(label, line: 1)]
        tokens += (0..<14).map { Self.number(String($0 + 1), line: $0 + 2) }
        tokens.append(Self.label(spec.rows.first { $0.key == "unavailable_not_held" }!.labels[0], line: 16))
        let support = PlacementSolver.lineSupport(tokens: tokens, spec: spec)
        let cell = CellPath(.requests, "withheld_query_service", "natural_person")
        #expect(support.beside(1, cell))
        #expect(support.beside(7, cell))
        #expect(!support.beside(8, cell))
        #expect(!support.beside(14, cell))
    }

    // MARK: Glued digits

    @Test func gluedDigitsAreSplitWhenTheEquationsLeaveOneWay() {
        // Table 三, carried_over printed as `120 0 0 0 315`: five runs for seven cells. The other
        // rows of T3-BAL are known, so each column's value is fixed, and one split fits.
        let columns = Template.requestColumns.map(\.key)
        var tokens: [PlacementToken] = []
        var known: [CellPath: Int?] = [:]
        let rows: [(String, [Int])] = [("new_received", [8, 0, 0, 0, 0, 0, 8]), ("results_total", [20, 0, 0, 0, 0, 3, 23]),
                                       ("carried_forward", [0, 0, 0, 0, 0, 0, 0])]
        for (row, values) in rows {
            for (c, v) in zip(columns, values) {
                known[CellPath(.requests, row, c)] = tokens.count
                tokens.append(Self.number(String(v)))
            }
        }
        let first = tokens.count
        tokens += ["120", "0", "0", "0", "315"].map { Self.number($0) }
        let row = UnfittedRow(paths: columns.map { CellPath(.requests, "carried_over", $0) }, tokens: Array(first..<tokens.count))
        let split = PlacementSolver.split(row, tokens: tokens, equations: TemplateEquations.of(.requests, .v2021), known: known, limit: 10_000)
        let parts = split?.map { d -> String in if case .split(_, let part, _) = d { return part }; return "?" }
        #expect(parts == ["12", "0", "0", "0", "0", "3", "15"])
        if case .split(_, _, let rule) = split?.first { #expect(rule.contains("T3-BAL")) } else { Issue.record("no split") }
    }

    @Test func gluedDigitsCheckedOnlyByTheirOwnRowTotalAreNotSplit() {
        // `0 0 0 387 393` for seven cells: `3 87 3 93` adds up, but so might blanks; nothing beyond
        // the row confirms it.
        let columns = Template.requestColumns.map(\.key)
        let tokens = ["0", "0", "0", "387", "393"].map { Self.number($0) }
        let row = UnfittedRow(paths: columns.map { CellPath(.requests, "declined_excessive", $0) }, tokens: Array(0..<5))
        #expect(PlacementSolver.split(row, tokens: tokens, equations: TemplateEquations.of(.requests, .v2021), known: [:], limit: 10_000) == nil)
    }

    @Test func aRunOfZerosSplitsIntoZerosAndTheLimitRefuses() {
        // carried_over must be all 0, printed as `000000` and `0`: `00` is never a number, so the
        // run splits one way only. A search the limit cuts short is refused, never guessed.
        let columns = Template.requestColumns.map(\.key)
        var tokens: [PlacementToken] = []
        var known: [CellPath: Int?] = [:]
        for (row, values) in [("new_received", [2, 0, 0, 0, 0, 0, 2]), ("results_total", [2, 0, 0, 0, 0, 0, 2]),
                              ("carried_forward", [0, 0, 0, 0, 0, 0, 0])] {
            for (c, v) in zip(columns, values) { known[CellPath(.requests, row, c)] = tokens.count; tokens.append(Self.number(String(v))) }
        }
        let first = tokens.count
        tokens += ["000000", "0"].map { Self.number($0) }
        let row = UnfittedRow(paths: columns.map { CellPath(.requests, "carried_over", $0) }, tokens: [first, first + 1])
        let split = PlacementSolver.split(row, tokens: tokens, equations: TemplateEquations.of(.requests, .v2021), known: known, limit: 10_000)
        #expect(split?.count == 7)
        #expect(PlacementSolver.split(row, tokens: tokens, equations: TemplateEquations.of(.requests, .v2021), known: known, limit: 0) == nil)
    }

    // MARK: Limits

    @Test func tooManyTokensAbstainEverywhere() {
        let tokens = (0..<50).map { _ in Self.number("1") }
        let p = PlacementSolver.solve(tokens: tokens, table: .reviewLitigation, variant: .v2021, proposed: [],
                                      limits: PlacementLimits(maxTokens: 40))
        #expect(p.abstained.count == 15)
        #expect(p.doubtful)
    }
}
