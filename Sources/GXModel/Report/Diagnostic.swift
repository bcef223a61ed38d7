public enum Severity: String, Sendable, Comparable {
    case error, warning, info

    private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One cell a diagnostic is about, with what was printed there and where it came from.
public struct DiagnosticCell: Sendable, Hashable {
    public var path: String
    public var text: String
    public var source: SourceLocation
    /// The bookmark nearest the cell (in it, or on its row), so Word users can jump there.
    public var bookmark: String?
    /// The input the cell is from, for findings that span several reports (cross-year checks).
    public var file: String?

    public init(path: String, text: String, source: SourceLocation, bookmark: String? = nil, file: String? = nil) {
        self.path = path
        self.text = text
        self.source = source
        self.bookmark = bookmark
        self.file = file
    }
}

/// A finding about a document or report: a stable code (spec §6 rule codes, or `GX-W-…`/`GX-I-…`
/// for reading notes), the cells involved and, for arithmetic rules, both sides of the equation.
public struct Diagnostic: Sendable {
    public var code: String
    public var severity: Severity
    /// What the finding is about, in report terms: a column (`requests.natural_person`), a row
    /// (`requests.granted`), a group (`review_litigation.review`), a cell, a table or a section.
    public var subject: String?
    public var message: String
    /// The same message in Chinese, for the agencies' own staff.
    public var messageZh: String?
    public var paths: [String]
    public var cells: [DiagnosticCell]
    public var left: String?
    public var right: String?
    public var difference: String?
    public var source: SourceLocation?

    public init(code: String, severity: Severity, subject: String? = nil, message: String, messageZh: String? = nil,
                paths: [String] = [], cells: [DiagnosticCell] = [], left: String? = nil, right: String? = nil,
                difference: String? = nil, source: SourceLocation? = nil) {
        self.code = code
        self.severity = severity
        self.subject = subject
        self.message = message
        self.messageZh = messageZh
        self.paths = paths
        self.cells = cells
        self.left = left
        self.right = right
        self.difference = difference
        self.source = source
    }
}
