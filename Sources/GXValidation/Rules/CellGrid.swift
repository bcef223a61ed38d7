import GXModel
import GXTemplate

/// The rows and columns a grid holds, worked out once per table variant rather than per report.
struct GridLayout: Sendable {
    let table: StandardTableKey
    /// Unique keys, in the order given.
    let rows: [String]
    let columns: [String]
    private let rowIndex: [String: Int]
    private let columnIndex: [String: Int]

    /// Repeated keys are dropped, so the rules can name every row they use without minding the
    /// template's own list.
    init(_ table: StandardTableKey, rows: [String], columns: [String]) {
        self.table = table
        (self.rows, rowIndex) = GridLayout.unique(rows)
        (self.columns, columnIndex) = GridLayout.unique(columns)
    }

    private static func unique(_ keys: [String]) -> ([String], [String: Int]) {
        var list: [String] = [], index: [String: Int] = [:]
        for key in keys where index[key] == nil {
            index[key] = list.count
            list.append(key)
        }
        return (list, index)
    }

    /// Only for keys given to `init`: the rules name no others.
    func row(_ key: String) -> Int { rowIndex[key]! }
    func column(_ key: String) -> Int { columnIndex[key]! }
    func slot(_ row: Int, _ column: Int) -> Int { row * columns.count + column }

    func path(_ slot: Int) -> CellPath {
        CellPath(table, rows[slot / columns.count], columns[slot % columns.count])
    }

    /// `path(slot).description`, joined directly (interpolation costs several times as much).
    func description(_ slot: Int) -> String {
        let row = rows[slot / columns.count], column = columns[slot % columns.count]
        var text = ""
        text.reserveCapacity(table.rawValue.utf8.count + row.utf8.count + column.utf8.count + 2)
        text += table.rawValue
        text += "."
        text += row
        text += "."
        text += column
        return text
    }

    /// Position of `key` in `keys`, trying `hint` and the key after it first: cells come in
    /// template order, so that is nearly always where it is.
    fileprivate static func find(_ key: String, in keys: [String], index: [String: Int], hint: Int) -> Int? {
        if hint < keys.count, keys[hint] == key { return hint }
        if hint + 1 < keys.count, keys[hint + 1] == key { return hint + 1 }
        return index[key]
    }

    fileprivate func find(row key: String, hint: Int) -> Int? {
        GridLayout.find(key, in: rows, index: rowIndex, hint: hint)
    }

    fileprivate func find(column key: String, hint: Int) -> Int? {
        GridLayout.find(key, in: columns, index: columnIndex, hint: hint)
    }
}

/// One table's cells by row and column, each read once into an `Operand`, so the arithmetic rules'
/// hundreds of look-ups per report are array reads instead of dictionary look-ups by path.
struct CellGrid {
    let layout: GridLayout
    /// Per slot (row-major), the operand and where its cell is in the report.
    private(set) var operands: [Operand]
    private var locations: [(table: Int, cell: Int)?]

    /// Takes the cells whose path names the layout's table, from any table of the report; where two
    /// share a path, the later one counts (as it would in a dictionary by path).
    init(_ report: Report, _ layout: GridLayout) {
        self.layout = layout
        let count = layout.rows.count * layout.columns.count
        operands = Array(repeating: .missing, count: count)
        locations = Array(repeating: nil, count: count)
        var row = 0, column = 0
        for (t, table) in report.tables.enumerated() {
            for c in table.cells.indices where table.cells[c].path.table == layout.table {
                guard let r = layout.find(row: table.cells[c].path.row, hint: row),
                      let k = layout.find(column: table.cells[c].path.column, hint: column + 1 == layout.columns.count ? 0 : column + 1)
                else { continue }
                row = r
                column = k
                let slot = layout.slot(r, k)
                operands[slot] = Operand(table.cells[c])
                locations[slot] = (t, c)
            }
        }
    }

    func cell(_ slot: Int, in report: Report) -> ReportCell? {
        locations[slot].map { report.tables[$0.table].cells[$0.cell] }
    }
}
