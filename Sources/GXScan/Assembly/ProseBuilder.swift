import GXImaging
import GXModel

/// Joins OCR text lines into paragraphs the way the page shows them: a paragraph starts on an
/// indented line, after a line that stops short of the right margin (a heading, a paragraph's
/// end), after a wider gap, or after a table; a paragraph runs on across a page break when the
/// next page starts flush left.
struct ProseBuilder {
    private(set) var blocks: [Block] = []
    private var open: (lines: [RecognizedText], firstPage: Int, page: Int)?
    private var lastLineFull = false
    private var paragraphCount = 0

    /// The next line in reading order.
    mutating func add(_ line: RecognizedText, page: ScannedPage, margins: (left: Int, right: Int)) {
        let h = max(8, line.box.height)
        var startsNew = true
        if let current = open, let prev = current.lines.last {
            let indented = line.box.x > margins.left + h
            if current.page == page.number {
                let gap = line.box.y - prev.box.maxY
                startsNew = indented || !lastLineFull || gap > h
            } else {
                startsNew = indented || !lastLineFull
            }
        }
        if startsNew { flush() }
        if open == nil { open = ([], page.number, page.number) }
        open!.lines.append(line)
        open!.page = page.number
        lastLineFull = line.box.maxX >= margins.right - 2 * h
    }

    /// A table or the end: the open paragraph is finished.
    mutating func flush() {
        guard let current = open, let first = current.lines.first else { open = nil; return }
        open = nil
        paragraphCount += 1
        var text = ""
        for line in current.lines {
            if let a = text.last, let b = line.text.first, a.isASCII, b.isASCII, a.isLetter || a.isNumber, b.isLetter || b.isNumber {
                text.append(" ")
            }
            text += line.text
        }
        let confidence = current.lines.map(\.confidence).reduce(0, +) / Double(current.lines.count)
        let source = SourceLocation(paragraph: paragraphCount, page: current.firstPage, box: PageBox(first.box),
                                    confidence: Int(max(0, min(100, confidence)).rounded()))
        blocks.append(.paragraph(Paragraph(text: text, source: source)))
    }

    mutating func append(_ table: Table) {
        flush()
        blocks.append(.table(table))
    }

    /// The left edge of the body text and its right edge on one page: where most lines start and end.
    static func margins(_ lines: [RecognizedText]) -> (left: Int, right: Int) {
        guard !lines.isEmpty else { return (0, 0) }
        let lefts = lines.map(\.box.x).sorted(), rights = lines.map(\.box.maxX).sorted()
        return (lefts[lefts.count / 10], rights[rights.count - 1 - rights.count / 10])
    }

    /// Page numbers and running marks (`- 3 -`, `第 3 页`, `3/7`): not part of the report.
    static func isPageFurniture(_ text: String) -> Bool {
        let core = text.filter { !$0.isWhitespace && !"-—–_~·.第页共/".contains($0) }
        return !core.isEmpty && core.count <= 4 && core.allSatisfy(\.isASCIIDigit)
    }
}
