/// Where each cell of a standard table sits among its cells, by row and column key: built once per
/// template table (GXTemplate's `TableSpec.index`) and carried by every `StandardTable` assembled
/// in that table's order, so `table[row:column:]` is a look-up, not a search.
public struct CellIndex: Sendable {
    private let positions: [String: [String: Int]]
    /// How many cells the index was built for.
    public let count: Int

    /// `paths` in the order the table's cells are kept; a repeated path keeps its first position.
    public init(_ paths: [CellPath]) {
        var positions: [String: [String: Int]] = [:]
        for (i, path) in paths.enumerated() where positions[path.row]?[path.column] == nil {
            positions[path.row, default: [:]][path.column] = i
        }
        self.positions = positions
        count = paths.count
    }

    public func position(row: String, column: String) -> Int? { positions[row]?[column] }
}
