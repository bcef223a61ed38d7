import GXModel

/// What a document cell was found to hold. Kept as keys rather than a dotted string: the mappers
/// give every cell of the three tables a role, but only the few cells a bookmark or a repair flag
/// points at ever need their path spelled out.
enum CellRole {
    /// A header or note cell: `requests.header`.
    case header(StandardTableKey)
    /// A row's or column's label: `requests.new_received`.
    case label(StandardTableKey, String)
    /// A group label over several rows: `requests.group.results`.
    case group(StandardTableKey, String)
    /// A data cell.
    case data(CellPath)

    var path: String {
        switch self {
        case .header(let table): table.rawValue + ".header"
        case .label(let table, let key): table.rawValue + "." + key
        case .group(let table, let key): table.rawValue + ".group." + key
        case .data(let path): path.description
        }
    }

    /// The report cell a data cell fills.
    var cellPath: CellPath? {
        if case .data(let path) = self { path } else { nil }
    }

    /// Whether the cell names a row or column (what a row bookmark is named after).
    var isLabel: Bool {
        if case .label = self { true } else { false }
    }
}
