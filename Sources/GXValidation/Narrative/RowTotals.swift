import GXModel

/// A table's `total` column by row, read in one pass: the narrative rules look up a few dozen rows,
/// and `StandardTable.cell(row:column:)` searches the whole table for each.
struct RowTotals {
    /// Per row, what the first `total` cell holds (nil when it is not a whole number).
    private var values: [String: Int?] = [:]

    init(_ table: StandardTable) {
        for i in table.cells.indices where table.cells[i].path.column == "total" && values[table.cells[i].path.row] == nil {
            let number = table.cells[i].kind == .number ? table.cells[i].number?.integer : nil
            values[table.cells[i].path.row] = .some(number)
        }
    }

    /// The row's total, as a whole number that is printed as one.
    subscript(row: String) -> Int? { values[row] ?? nil }
}
