import GXModel

/// One piece of a table as a reader without real table structure saw it (pdftotext, OCR, a PDF's
/// text runs): a label or a number, in the order the reader gave them, with where it stood.
public struct PlacementToken: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case label, number }

    public var kind: Kind
    /// As it should be read (a number's digits, OCR confusables already fixed by the reader).
    public var text: String
    public var source: SourceLocation
    /// For a label: the template row the reader matched it to (fuzzily, e.g. through OCR errors),
    /// when it did. The solver also recognises row labels itself, exactly.
    public var row: String?

    public init(_ kind: Kind, _ text: String, source: SourceLocation = .unknown, row: String? = nil) {
        self.kind = kind
        self.text = text
        self.source = source
        self.row = row
    }

    /// The integer the number token prints, when it is one (at most 12 ASCII digits).
    public var integer: Int? {
        guard kind == .number, !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}

/// One way of putting the tokens into the template's cells. A reader proposes its own (rows found
/// by their labels, values under column centres); the solver adds the orders the token stream
/// allows (row by row, column by column).
public struct PlacementReading: Sendable {
    /// What the reading assumes ("labels", "row-major", "column-major"), for diagnostics.
    public var name: String
    /// Cell → index of its number token, or nil where the reading says the cell was printed blank.
    /// Cells the reading does not place are absent.
    public var cells: [CellPath: Int?]
    /// Rows whose printed values did not fit their cells (too few: a glued digit run, or a lost value).
    public var unfitted: [UnfittedRow]
    /// Every number of the table placed, once each, in the template's order of some kind: when no
    /// equation fails, such a reading is evidence enough for values whose row label is not beside them.
    public var complete: Bool
    /// Rows whose printed count of numbers did not fit their cells, placed or not (a blank, a lost
    /// value, or numbers of the rows around them read in another order).
    public var misfitRows: Set<String>

    public init(name: String, cells: [CellPath: Int?], unfitted: [UnfittedRow] = [], complete: Bool = false,
                misfitRows: Set<String> = []) {
        self.name = name
        self.cells = cells
        self.unfitted = unfitted
        self.complete = complete
        self.misfitRows = misfitRows
    }
}

/// A row's cells, left to right, and the number tokens printed for them when their count does not fit.
public struct UnfittedRow: Sendable {
    public var paths: [CellPath]
    public var tokens: [Int]

    public init(paths: [CellPath], tokens: [Int]) {
        self.paths = paths
        self.tokens = tokens
    }
}

/// Fixed ceilings on the solver's work, whatever the input: tokens looked at, readings compared,
/// splits of one row tried.
public struct PlacementLimits: Sendable {
    public var maxTokens: Int
    public var maxReadings: Int
    public var maxSplits: Int

    public init(maxTokens: Int = 20_000, maxReadings: Int = 16, maxSplits: Int = 50_000) {
        self.maxTokens = maxTokens
        self.maxReadings = maxReadings
        self.maxSplits = maxSplits
    }
}
