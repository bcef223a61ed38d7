import GXModel

/// What a reader flagged in one document table, translated to report paths through the mapper's
/// roles: cells it lost, cells it read with doubt, and rows whose values it could not place.
public struct RepairInput: Sendable {
    public var lost: [CellPath: ReadQuality] = [:]
    public var uncertain: [CellPath: ReadQuality] = [:]
    /// Cells whose printed value could not be placed: empty, and never filled by the equations.
    public var unplaced: [CellPath: ReadQuality] = [:]
    public var rows: [AmbiguousRow] = []

    public struct AmbiguousRow: Sendable {
        public var paths: [CellPath]
        public var readings: [[SlotReading?]]
        public var seen: String
        public var note: String
        /// Empty slots may be printed blanks (text without table structure): never filled.
        public var mayBeBlank = false
    }

    public var isEmpty: Bool { lost.isEmpty && uncertain.isEmpty && unplaced.isEmpty && rows.isEmpty }

    /// Collects the flags of `table`'s cells whose role is a data cell path.
    static func collect(_ table: Table, roles: [Int: CellRole]) -> RepairInput {
        var input = RepairInput()
        func path(_ index: Int) -> CellPath? { roles[index]?.cellPath }
        for (i, cell) in table.cells.enumerated() {
            guard let quality = cell.quality, let p = path(i) else { continue }
            switch quality.state {
            case .lost: input.lost[p] = quality
            case .uncertain: input.uncertain[p] = quality
            case .unplaced: input.unplaced[p] = quality
            }
        }
        for row in table.rowReadings {
            let paths = row.columns.compactMap { c in table.cellIndex(row: row.row, column: c).flatMap(path) }
            guard paths.count == row.columns.count, !paths.isEmpty else { continue }
            input.rows.append(AmbiguousRow(paths: paths, readings: row.readings, seen: row.seen, note: row.note, mayBeBlank: row.mayBeBlank))
        }
        return input
    }
}
