import GXModel
import GXTemplate

/// One cell as a cross-year check needs it: its value, what was printed, and where to send the
/// user. A batch keeps these for every report it has written, so they hold no more than that.
public struct CrossYearCell: Sendable {
    public let path: String
    public let text: String
    /// The value when the cell is a printed whole number; anything else is not compared.
    public let integer: Int?
    public let source: SourceLocation

    public init(path: String, text: String, integer: Int?, source: SourceLocation) {
        self.path = path
        self.text = text
        self.integer = integer
        self.source = source
    }

    init(_ cell: ReportCell) {
        self.init(path: cell.path.description, text: cell.text, integer: cell.kind == .number ? cell.number?.integer : nil,
                  source: cell.source)
    }
}

/// The little a cross-year check needs from one report, so a batch can forget the rest of it:
/// table 三's carry-over rows and table 二's document counts, in fixed slots instead of keyed
/// copies of whole cells (a batch of many thousand reports keeps one of these per report).
public struct CrossYearFacts: Sendable {
    public let file: String
    public let agencyKey: String
    public let agency: String
    public let year: Int
    /// Copies of one file (same SHA-256) are one report: checked once, under the first path.
    public let sha256: String
    /// `carried_over` and `carried_forward`, one slot per `Template.requestColumns` entry.
    let carriedOver: [CrossYearCell?]
    let carriedForward: [CrossYearCell?]
    /// `regulations` then `normative_documents`, each issued, repealed, in_force (2021 variant only).
    let documents: [CrossYearCell?]

    static let documentRows = ["regulations", "normative_documents"]
    static let documentColumns = ["issued", "repealed", "in_force"]

    public init?(report: Report, file: String) {
        let variant = report.table(.activeDisclosure)?.variant
        var facts: [(CellPath, CrossYearCell)] = []
        for key in [StandardTableKey.requests, .activeDisclosure] {
            guard let cells = report.table(key)?.cells else { continue }
            // By index: only the few kept cells are copied.
            for i in cells.indices where Self.isKept(cells[i].path, activeDisclosureVariant: variant) {
                facts.append((cells[i].path, CrossYearCell(cells[i])))
            }
        }
        self.init(agency: report.agency, year: report.year, file: file, sha256: report.source.sha256,
                  activeDisclosureVariant: variant, facts: facts)
    }

    /// Whether the checks read this cell.
    public static func isKept(_ path: CellPath, activeDisclosureVariant: TemplateVariant?) -> Bool {
        switch path.table {
        case "requests": return path.row == "carried_over" || path.row == "carried_forward"
        case "active_disclosure": return activeDisclosureVariant == .v2021 && documentRows.contains(path.row)
        default: return false
        }
    }

    /// From the kept cells of one report, whether just read or read back from a batch's output.
    public init?(agency: String?, year: Int?, file: String, sha256: String, activeDisclosureVariant: TemplateVariant?,
                 facts: some Sequence<(CellPath, CrossYearCell)>) {
        guard let agency, let year else { return nil }
        self.file = file
        self.agency = agency
        self.agencyKey = CrossYearFacts.key(agency)
        self.year = year
        self.sha256 = sha256
        let columns = Template.requestColumns.map(\.key)
        var over = [CrossYearCell?](repeating: nil, count: columns.count)
        var forward = over
        var docs = [CrossYearCell?](repeating: nil, count: Self.documentRows.count * Self.documentColumns.count)
        for (path, cell) in facts {
            switch (path.table, path.row) {
            case ("requests", "carried_over"):
                if let i = columns.firstIndex(of: path.column) { over[i] = cell }
            case ("requests", "carried_forward"):
                if let i = columns.firstIndex(of: path.column) { forward[i] = cell }
            case ("active_disclosure", _) where activeDisclosureVariant == .v2021:
                if let i = Self.documentSlot(path.row, path.column) { docs[i] = cell }
            default: continue
            }
        }
        carriedOver = over
        carriedForward = forward
        documents = docs
    }

    /// A document-count cell of table 二: `row` is `regulations` or `normative_documents`.
    func document(_ row: String, _ column: String) -> CrossYearCell? {
        Self.documentSlot(row, column).flatMap { documents[$0] }
    }

    /// Where a document-count cell sits in `documents`.
    private static func documentSlot(_ row: String, _ column: String) -> Int? {
        guard let r = documentRows.firstIndex(of: row), let c = documentColumns.firstIndex(of: column) else { return nil }
        return r * documentColumns.count + c
    }

    /// Agencies match after folding width, spaces and punctuation (`克井镇人民政府` = `克井镇 人民政府`).
    static func key(_ agency: String) -> String {
        TextFold.fold(agency).filter { !"()（）·.、".contains($0) }
    }
}
