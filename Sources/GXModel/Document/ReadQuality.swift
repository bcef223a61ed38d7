/// How far an adapter trusts what it put in a table cell. DOCX and clean text exports read what
/// was printed (`TableCell.quality == nil`); OCR and mangled text can lose a value or misread it.
/// The report layer may fill a *lost* value, or drop an *uncertain* one, only by the template's
/// equations — never by guessing — and a blank cell is never taken for a lost one.
public struct ReadQuality: Sendable, Hashable {
    public enum State: String, Sendable {
        /// The source had a value here that could not be read; the cell's text is empty.
        case lost
        /// A value was read, but by OCR or after fixing confusable characters (`o` → `0`):
        /// keep it only where the template's equations agree with it.
        case uncertain
        /// A value was printed, but the reader could not tell which cell it belongs to (its
        /// placement was not confirmed): the cell stays empty and the equations must not fill it,
        /// since the same doubt touches the cells they would use.
        case unplaced
    }

    /// The cell holds no value the reader trusts (lost or unplaced).
    public var isLost: Bool { state == .lost || state == .unplaced }

    public var state: State
    /// What the source showed at that place (garbage, a partial number, the raw OCR token).
    public var seen: String
    public var note: String

    public init(_ state: State, seen: String = "", note: String = "") {
        self.state = state
        self.seen = seen
        self.note = note
    }
}

/// One value the reader saw for a data slot of an ambiguous row, with where it stood.
public struct SlotReading: Sendable, Hashable {
    public var text: String
    public var source: SourceLocation

    public init(text: String, source: SourceLocation) {
        self.text = text
        self.source = source
    }
}

/// A row whose printed values could not be placed with certainty (OCR printed 6 values for 7
/// slots, or 8, or split a number in two). The adapter leaves the row's data cells empty and
/// flagged lost, and lists every reading it considers possible; the report layer keeps the one
/// reading the template's equations allow, or none.
public struct RowReadings: Sendable {
    /// Grid row of the data cells.
    public var row: Int
    /// Grid columns of the row's data slots, left to right.
    public var columns: [Int]
    /// Each alternative gives one entry per slot: what was read there, or nil where it was lost.
    public var readings: [[SlotReading?]]
    /// What the row printed, as seen (for the repair record).
    public var seen: String
    public var note: String
    /// The text has no real table structure (pdftotext, OCR): a slot no value was read for may have
    /// been printed blank, so it is never filled from the equations.
    public var mayBeBlank: Bool

    public init(row: Int, columns: [Int], readings: [[SlotReading?]], seen: String, note: String, mayBeBlank: Bool = false) {
        self.row = row
        self.columns = columns
        self.readings = readings
        self.seen = seen
        self.note = note
        self.mayBeBlank = mayBeBlank
    }
}
