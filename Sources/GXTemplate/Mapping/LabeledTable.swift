import GXModel

/// A document table with every cell's label normalised once and its numeric reading taken once:
/// the classifier and the mappers look at the same cells many times, and normalising on each
/// look was most of the mapping's cost.
struct LabeledTable {
    let table: Table
    /// Each cell's text as printed, per cell index.
    let texts: [String]
    /// Normalised text per cell index (`LabelNormalizer.normalize`).
    let labels: [String]
    /// Each cell read as number, blank, not-applicable or text (`CellReader.read`), per cell index.
    let readings: [(kind: CellKind, number: PrintedNumber?)]
    /// Whether the cell reads as a number, per cell index.
    let numeric: [Bool]
    /// All labels' UTF-8, newline-separated, for the classifier's keyword look-ups.
    private let allBytes: [UInt8]

    init(_ table: Table) {
        self.table = table
        texts = table.cells.map(\.text)
        labels = texts.map(LabelNormalizer.normalize)
        readings = texts.map { CellReader.read($0) }
        numeric = readings.map { $0.kind == .number }
        var bytes: [UInt8] = []
        for label in labels where !label.isEmpty { bytes.append(contentsOf: label.utf8); bytes.append(0x0A) }
        allBytes = bytes
    }

    func label(row: Int, column: Int) -> String {
        table.cellIndex(row: row, column: column).map { labels[$0] } ?? ""
    }

    func isNumber(row: Int, column: Int) -> Bool {
        table.cellIndex(row: row, column: column).map { numeric[$0] } ?? false
    }

    /// True when some cell's label contains `fragment`.
    func mentions(_ fragment: String) -> Bool {
        LabelMatcher.contains(allBytes, Array(fragment.utf8))
    }
}
