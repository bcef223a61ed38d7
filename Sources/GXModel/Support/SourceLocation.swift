/// Where a piece of the model came from, precise enough for a diagnostic to send a user to the
/// exact cell: a DOCX part with table/row/cell indexes, an HTML element path, or a text line and
/// column. Indexes are 1-based because people read them.
public struct SourceLocation: Sendable, Hashable {
    /// The package part (`word/document.xml`) or nil for single-part inputs.
    public var part: String?
    /// 1-based line and column in the part or text (0 when unknown).
    public var line: Int
    public var column: Int
    /// 1-based position of the table among the document's top-level tables, and row/cell inside it.
    public var table: Int?
    public var row: Int?
    public var cell: Int?
    /// 1-based index of the paragraph among the document's body paragraphs.
    public var paragraph: Int?
    /// An element path for markup inputs (`/html/body/div[2]/table[1]/tr[4]/td[3]`).
    public var element: String?
    /// 1-based page of a scanned input, the box on that page image in its pixels, and the OCR
    /// engine's confidence (0–100) in what was read there.
    public var page: Int?
    public var box: PageBox?
    public var confidence: Int?

    public init(part: String? = nil, line: Int = 0, column: Int = 0, table: Int? = nil, row: Int? = nil,
                cell: Int? = nil, paragraph: Int? = nil, element: String? = nil, page: Int? = nil, box: PageBox? = nil,
                confidence: Int? = nil) {
        self.part = part
        self.line = line
        self.column = column
        self.table = table
        self.row = row
        self.cell = cell
        self.paragraph = paragraph
        self.element = element
        self.page = page
        self.box = box
        self.confidence = confidence
    }

    public static let unknown = SourceLocation()

    /// A short human form used in compiler-style diagnostics (`table 3 row 5 cell 2, line 812`).
    public var summary: String {
        var parts: [String] = []
        if let table { parts.append("table \(table)") }
        if let row { parts.append("row \(row)") }
        if let cell { parts.append("cell \(cell)") }
        if let paragraph { parts.append("paragraph \(paragraph)") }
        if let element { parts.append(element) }
        if let page { parts.append("page \(page)") }
        if let box { parts.append("at \(box.x),\(box.y) \(box.width)×\(box.height) px") }
        if line > 0 { parts.append(column > 0 ? "line \(line):\(column)" : "line \(line)") }
        return parts.isEmpty ? "unknown location" : parts.joined(separator: " ")
    }
}

/// A rectangle on a page image, in its pixels, origin top left.
public struct PageBox: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
