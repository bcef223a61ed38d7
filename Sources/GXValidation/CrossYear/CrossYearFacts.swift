import GXModel
import GXTemplate

/// The little a cross-year check needs from one report, so a batch can forget the rest of it.
public struct CrossYearFacts: Sendable {
    public let file: String
    public let agencyKey: String
    public let agency: String
    public let year: Int
    let carriedOver: [String: ReportCell]
    let carriedForward: [String: ReportCell]
    /// `regulations` / `normative_documents` → issued, repealed, in_force (2021 variant only).
    let documents: [String: [String: ReportCell]]

    public init?(report: Report, file: String) {
        guard let agency = report.agency, let year = report.year else { return nil }
        self.file = file
        self.agency = agency
        self.agencyKey = CrossYearFacts.key(agency)
        self.year = year
        // Room for a row up front: growing a dictionary moves every cell in it.
        let columns = Template.requestColumns.count
        var over = [String: ReportCell](minimumCapacity: columns), forward = [String: ReportCell](minimumCapacity: columns)
        let cells = report.table(.requests)?.cells ?? []
        for i in cells.indices {
            if cells[i].path.row == "carried_over" { over[cells[i].path.column] = cells[i] }
            if cells[i].path.row == "carried_forward" { forward[cells[i].path.column] = cells[i] }
        }
        carriedOver = over
        carriedForward = forward
        var docs: [String: [String: ReportCell]] = [:]
        if let t2 = report.table(.activeDisclosure), t2.variant == .v2021 {
            for cell in t2.cells where cell.path.row == "regulations" || cell.path.row == "normative_documents" {
                docs[cell.path.row, default: [:]][cell.path.column] = cell
            }
        }
        documents = docs
    }

    /// Agencies match after folding width, spaces and punctuation (`克井镇人民政府` = `克井镇 人民政府`).
    static func key(_ agency: String) -> String {
        LabelNormalizer.fold(agency).filter { !"()（）·.、".contains($0) }
    }
}
