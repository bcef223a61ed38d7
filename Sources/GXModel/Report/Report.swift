/// The three standard tables, by their spec keys.
public enum StandardTableKey: String, Sendable, CaseIterable {
    case activeDisclosure = "active_disclosure"
    case requests = "requests"
    case reviewLitigation = "review_litigation"
}

/// Which national format a table follows; detected per table from its labels.
public enum TemplateVariant: String, Sendable {
    case v2021 = "2021"
    case v2019 = "2019"
}

public struct ReportSection: Sendable {
    public var key: String
    public var heading: String
    public var paragraphs: [String]
    public var headingSource: SourceLocation
    public var paragraphSources: [SourceLocation]

    public init(key: String, heading: String, paragraphs: [String] = [], headingSource: SourceLocation,
                paragraphSources: [SourceLocation] = []) {
        self.key = key
        self.heading = heading
        self.paragraphs = paragraphs
        self.headingSource = headingSource
        self.paragraphSources = paragraphSources
    }
}

/// One standard table, cells in template order (rows, then columns).
public struct StandardTable: Sendable {
    public var key: StandardTableKey
    public var variant: TemplateVariant?
    public var cells: [ReportCell]
    public var source: SourceLocation?

    public init(key: StandardTableKey, variant: TemplateVariant?, cells: [ReportCell] = [], source: SourceLocation? = nil) {
        self.key = key
        self.variant = variant
        self.cells = cells
        self.source = source
    }

    public func cell(row: String, column: String) -> ReportCell? {
        cells.first { $0.path.row == row && $0.path.column == column }
    }
}

/// A bookmark resolved to what it marks in report terms (`requests.new_received`, `title`,
/// `sections.overview.paragraphs.2`) or, failing that, in document terms.
public struct ReportBookmark: Sendable, Hashable {
    public var name: String
    public var path: String
    public var source: SourceLocation

    public init(name: String, path: String, source: SourceLocation) {
        self.name = name
        self.path = path
        self.source = source
    }
}

public struct SourceInfo: Sendable {
    public var format: SourceFormat
    public var path: String
    public var sha256: String
    /// How the input became the format read, when it was converted first (`source.converted_by`).
    public var convertedBy: String?

    public init(format: SourceFormat, path: String, sha256: String) {
        self.format = format
        self.path = path
        self.sha256 = sha256
    }
}

/// The report layer: the national template's view of one annual report. Validation and every
/// writer work from this alone, never from adapter output.
public struct Report: Sendable {
    public var source: SourceInfo
    public var title: String?
    public var agency: String?
    public var year: Int?
    /// ISO `yyyy-mm-dd`, from the date line at the end.
    public var date: String?
    public var preamble: [String]
    /// The sign-off after section 六 (agency line, date line), kept out of the section's prose.
    public var closing: [String] = []
    public var sections: [ReportSection]
    public var tables: [StandardTable]
    public var bookmarks: [ReportBookmark]
    public var diagnostics: [Diagnostic]

    public init(source: SourceInfo, title: String? = nil, agency: String? = nil, year: Int? = nil, date: String? = nil,
                preamble: [String] = [], sections: [ReportSection] = [], tables: [StandardTable] = [],
                bookmarks: [ReportBookmark] = [], diagnostics: [Diagnostic] = []) {
        self.source = source
        self.title = title
        self.agency = agency
        self.year = year
        self.date = date
        self.preamble = preamble
        self.sections = sections
        self.tables = tables
        self.bookmarks = bookmarks
        self.diagnostics = diagnostics
    }

    public func table(_ key: StandardTableKey) -> StandardTable? {
        tables.first { $0.key == key }
    }

    public func cell(_ path: CellPath) -> ReportCell? {
        guard let key = StandardTableKey(rawValue: path.table) else { return nil }
        return table(key)?.cell(row: path.row, column: path.column)
    }
}
