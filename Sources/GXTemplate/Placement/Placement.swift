import GXModel

/// What the solver decided for each cell of one standard table.
public struct Placement: Sendable {
    public enum Decision: Sendable, Equatable {
        /// The cell holds this number token.
        case token(Int)
        /// Printed blank (no number).
        case blank
        /// A glued digit run split by the equations: this cell holds `part` of token `token`'s
        /// digits; the row's equations left exactly one split.
        case split(token: Int, part: String, rule: String)
        /// Not placed with certainty: null, lost, with the reason.
        case abstain(String)
        /// A row printed with more or fewer numbers than cells, whose label stands beside them: the
        /// reader's own alternatives stand, for the equations to settle (or not).
        case undecided
    }

    public var decisions: [CellPath: Decision] = [:]
    /// The reading kept (nil when none was usable).
    public var reading: String?
    /// One sentence per region left empty, and why.
    public var notes: [String] = []
    /// The equations could not confirm the reading: the table's rules are not assessable.
    public var doubtful = false

    public var abstained: [CellPath] {
        decisions.compactMap { if case .abstain = $0.value { return $0.key } else { return nil } }.sorted()
    }
}
