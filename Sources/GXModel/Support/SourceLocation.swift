/// Where a piece of the model came from, precise enough for a diagnostic to send a user to the
/// exact cell: a DOCX part with table/row/cell indexes, an HTML element path, a text line and
/// column, or a PDF page with the box the text occupies there. Indexes are 1-based because people read them.
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
    /// 1-based page, and the box on it where the text was printed: PDF points for a PDF's text
    /// layer, pixels of the (straightened) page image for a scan; origin at the top left.
    public var page: Int?
    public var box: PageBox?
    /// For OCR'd text: the engine's confidence (0–100) in what was read there.
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
        if let page { return pagePlace(page) }
        var parts: [String] = []
        if let table { parts.append("table \(table)") }
        if let row { parts.append("row \(row)") }
        if let cell { parts.append("cell \(cell)") }
        if let paragraph { parts.append("paragraph \(paragraph)") }
        if let element { parts.append(element) }
        if line > 0 { parts.append(column > 0 ? "line \(line):\(column)" : "line \(line)") }
        return parts.isEmpty ? "unknown location" : parts.joined(separator: " ")
    }
}

extension SourceLocation {
    /// `page 3 (x 212, y 488)`: where a PDF reader sees the text, in whole points from the top left.
    public func pagePlace(_ page: Int) -> String {
        guard let box else { return "page \(page)" }
        return "page \(page) (x \(Int(box.x0.rounded())), y \(Int(box.y0.rounded())))"
    }
}

/// A rectangle on a PDF page in points, origin at the top left (as pdftotext `-bbox` gives it).
public struct PageBox: Sendable, Hashable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    /// The box's centre, across and down.
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    /// The smallest box holding both.
    public func union(_ other: PageBox) -> PageBox {
        PageBox(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }
}
