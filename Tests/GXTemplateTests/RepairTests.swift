import Testing
import GXModel
@testable import GXTemplate

/// The repair pass fills only what the equations leave exactly one value for, and never touches a
/// cell the reader did not flag.
@Suite struct RepairTests {
    /// Table 三 (2021) with every cell a printed 0, except `values` (path row.column → text).
    func requests(_ values: [String: String] = [:]) -> StandardTable {
        var table = StandardTable(key: .requests, variant: .v2021)
        for (path, _) in Template.requests2021.cellPaths {
            let text = values["\(path.row).\(path.column)"] ?? "0"
            let reading = CellReader.read(text)
            table.cells.append(ReportCell(path: path, text: text, kind: reading.kind, number: reading.number, source: .unknown))
        }
        return table
    }

    func p(_ row: String, _ column: String) -> CellPath { CellPath(.requests, row, column) }

    @Test func aLostCellTheRowEquationDeterminesIsFilledWithARepairRecord() {
        var table = requests(["granted.natural_person": "3", "granted.total": "3", "new_received.natural_person": "3",
                              "new_received.total": "3", "results_total.natural_person": "3", "results_total.total": "3"])
        var input = RepairInput()
        input.lost[p("granted", "total")] = ReadQuality(.lost, seen: "", note: "OCR lost it")
        let diagnostics = Repairer.apply(input, to: &table)
        let cell = table.cell(row: "granted", column: "total")!
        #expect(cell.text == "3" && cell.kind == .number)
        #expect(cell.repair?.inferred == "3")
        #expect(cell.repair?.rule.contains("T3-ROW") == true)
        #expect(diagnostics.contains { $0.code == "GX-I-INFERRED" })
    }

    @Test func twoLostCellsOfOneRowStayUnknownWhenNothingElseDecides() {
        var table = requests(["granted.natural_person": "2", "granted.commercial": "1", "granted.total": "3",
                              "results_total.natural_person": "2", "results_total.commercial": "1", "results_total.total": "3",
                              "new_received.natural_person": "2", "new_received.commercial": "1", "new_received.total": "3"])
        // Lose two cells of the row and the column sums that could decide them.
        var input = RepairInput()
        for (row, column) in [("granted", "natural_person"), ("granted", "commercial"), ("results_total", "natural_person"),
                              ("results_total", "commercial"), ("new_received", "natural_person"), ("new_received", "commercial")] {
            input.lost[p(row, column)] = ReadQuality(.lost)
        }
        _ = Repairer.apply(input, to: &table)
        #expect(table.cell(row: "granted", column: "natural_person")!.lost)
        #expect(table.cell(row: "granted", column: "natural_person")!.number == nil)
    }

    @Test func aBlankCellIsNeverFilled() {
        var table = requests(["granted.total": ""])
        var input = RepairInput()
        input.lost[p("granted", "natural_person")] = ReadQuality(.lost)
        _ = Repairer.apply(input, to: &table)
        #expect(table.cell(row: "granted", column: "total")!.kind == .blank, "printed blank stays blank")
        #expect(table.cell(row: "granted", column: "total")!.repair == nil)
    }

    @Test func anUncertainValueTheEquationsContradictIsDropped() {
        var table = requests(["granted.natural_person": "9"])   // OCR read 0 as 9
        var input = RepairInput()
        input.uncertain[p("granted", "natural_person")] = ReadQuality(.uncertain, seen: "9")
        _ = Repairer.apply(input, to: &table)
        let cell = table.cell(row: "granted", column: "natural_person")!
        #expect(cell.text == "0" && cell.repair?.read == "9", "dropped, then restored by the other equations")
    }

    @Test func aShortTextRowIsPlacedOnlyWhereAnEquationBeyondItHolds() {
        // Text without table structure: new_received printed `0 3 0 0 0 0 3` and one more piece.
        // Only the row's own total can be checked (carried_over and the results are lost), and it
        // holds for any row's numbers read under this label — e.g. carried_over's, with
        // new_received's own wrapped in a narrow column: not placed.
        let paths = Template.requestColumns.map { p("new_received", $0.key) }
        let readings = [["0", "3", "0", "0", "0", "0", "3"].map { Optional(SlotReading(text: $0, source: .unknown)) }]
        let unread = Dictionary(uniqueKeysWithValues: Template.requestColumns.map { ("new_received.\($0.key)", "") })
        var lostAround = requests(unread)
        var input = RepairInput()
        for c in Template.requestColumns {
            input.lost[p("carried_over", c.key)] = ReadQuality(.lost)
            input.lost[p("results_total", c.key)] = ReadQuality(.lost)
        }
        input.rows = [RepairInput.AmbiguousRow(paths: paths, readings: readings, seen: "0 3 0 0 0 0 3 8", note: "8 pieces for 7", mayBeBlank: true)]
        _ = Repairer.apply(input, to: &lostAround)
        #expect(lostAround.cells.filter { $0.path.row == "new_received" }.allSatisfy { $0.number == nil })
        // With the column balance known (everything else 0, results_total the row), it is placed.
        var checked = requests(unread.merging(["results_total.commercial": "3", "results_total.total": "3", "granted.commercial": "3",
                                               "granted.total": "3"]) { a, _ in a })
        var input2 = RepairInput()
        input2.rows = input.rows
        _ = Repairer.apply(input2, to: &checked)
        #expect(checked.cells.filter { $0.path.row == "new_received" }.map(\.text) == ["0", "3", "0", "0", "0", "0", "3"])
    }

    @Test func anAmbiguousRowIsPlacedOnlyWhenEveryAllowedReadingAgrees() {
        var table = requests(["granted.natural_person": "", "granted.total": "5", "new_received.natural_person": "5",
                              "new_received.total": "5", "results_total.natural_person": "5", "results_total.total": "5"])
        let paths = Template.requestColumns.map { p("granted", $0.key) }
        let printed = ["5", "0", "0", "0", "0", "0"].map { SlotReading(text: $0, source: .unknown) }
        var readings: [[SlotReading?]] = []
        for missing in 0..<7 {
            var r: [SlotReading?] = printed
            r.insert(nil, at: missing)
            readings.append(r)
        }
        var input = RepairInput()
        input.rows = [RepairInput.AmbiguousRow(paths: paths, readings: readings, seen: "5 0 0 0 0 0", note: "6 of 7")]
        _ = Repairer.apply(input, to: &table)
        // Only "5 0 0 0 0 0 + lost total" agrees with T3-ROW and the column sums.
        #expect(table.cells.filter { $0.path.row == "granted" }.map(\.text) == ["5", "0", "0", "0", "0", "0", "5"])

        var ambiguous = requests()
        let zeros = (0..<7).map { missing -> [SlotReading?] in
            var r: [SlotReading?] = ["1", "0", "0", "0", "0", "1"].map { SlotReading(text: $0, source: .unknown) }
            r.insert(nil, at: missing)
            return r
        }
        var input2 = RepairInput()
        for c in Template.requestColumns {
            input2.lost[p("results_total", c.key)] = ReadQuality(.lost)
            input2.lost[p("new_received", c.key)] = ReadQuality(.lost)
        }
        input2.rows = [RepairInput.AmbiguousRow(paths: paths, readings: zeros, seen: "1 0 0 0 0 1", note: "6 of 7")]
        _ = Repairer.apply(input2, to: &ambiguous)
        #expect(ambiguous.cells.filter { $0.path.row == "granted" }.allSatisfy { $0.lost }, "several placements fit: unknown")
    }
}
