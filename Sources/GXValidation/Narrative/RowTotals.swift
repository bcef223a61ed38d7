import GXModel

/// A table's `total` column by row, through the table's own cell index.
struct RowTotals {
    let table: StandardTable

    init(_ table: StandardTable) { self.table = table }

    /// What the row's first `total` cell holds, as a whole number that is printed as one.
    subscript(row: String) -> Int? {
        guard let cell = table[row: row, column: "total"], cell.kind == .number else { return nil }
        return cell.number?.integer
    }
}
