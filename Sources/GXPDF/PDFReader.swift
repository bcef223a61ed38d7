import GXModel
import GXText

/// The PDF adapter for born-digital reports: poppler gives every word with its box and font size;
/// the words are laid out by their positions into fixed-column text, the text reader builds the
/// paragraphs and the standard tables from it (its solver places each value under the column
/// header it stands beneath, and leaves a value it cannot place lost), and every paragraph and
/// cell is then given back the page and box it was printed in.
public enum PDFReader {
    public static func read(_ bytes: [UInt8], limits: ReadLimits = .standard) throws -> Document {
        guard !bytes.isEmpty else { throw GXError(.empty, "the input is empty", hint: "check that the upload completed") }
        guard bytes.count <= limits.maxInputBytes else {
            throw GXError(.limit, "input is \(bytes.count) bytes, over the \(limits.maxInputBytes)-byte limit")
        }
        let objects = countObjects(bytes)
        guard objects <= limits.maxPDFObjects else {
            throw GXError(.limit, "the PDF declares \(objects) objects, over the \(limits.maxPDFObjects)-object limit")
        }
        try StreamBudget.check(bytes, limits: limits)
        let pages = try PopplerText.pages(bytes, limits: limits)
        let visible = pages.reduce(0) { $0 + $1.words.count }
        guard visible > 0 else {
            throw GXError(.scanned, "the PDF's \(pages.count) page(s) carry no text layer: it is a scan",
                          hint: "run OCR first, e.g. `pdftoppm -r 300 -png in.pdf page` and `tesseract page-1.png - -l chi_sim`, and convert the text")
        }
        let layout = LayoutText(pages: pages)
        var document = try TextReader.read(text: layout.text, limits: limits)
        document.format = .pdf
        document.blocks = document.blocks.map { locate($0, in: layout) }
        // Every placed value checked against where its word stands on the page.
        var geometry: [Diagnostic] = []
        for b in document.blocks.indices {
            guard case .table(var table) = document.blocks[b] else { continue }
            geometry += TableGeometry.check(&table, pages: pages)
            document.blocks[b] = .table(table)
        }
        document.diagnostics = document.diagnostics.compactMap { d in
            if d.code == "GX-I-TEXT-LAYOUT" { return nil }
            var d = d
            if let s = d.source { d.source = relocate(s, visible: 0, in: layout) }
            return d
        }
        document.diagnostics += geometry
        document.diagnostics.insert(Diagnostic(code: "GX-I-PDF", severity: .info,
            message: "\(pages.count) page(s) read from the PDF's text layer; table cells placed by their positions on the page",
            messageZh: "从 PDF 文本层读取 \(pages.count) 页，表格单元格按页面位置定位"), at: 0)
        let empty = pages.filter { $0.words.isEmpty }.map(\.number)
        if !empty.isEmpty {
            document.diagnostics.append(Diagnostic(code: "GX-W-PDF-NO-TEXT", severity: .warning,
                message: "page(s) \(empty.map(String.init).joined(separator: ", ")) carry no text layer (scanned images?) and were not read",
                messageZh: "第 \(empty.map(String.init).joined(separator: "、")) 页没有文本层，未读取",
                source: SourceLocation(page: empty[0])))
        }
        return document
    }

    /// The pages laid out as fixed-column text (what the table reader reads), for benchmarks and
    /// for looking at what the reader saw.
    public static func layoutText(_ bytes: [UInt8], limits: ReadLimits = .standard) throws -> String {
        try StreamBudget.check(bytes, limits: limits)
        return LayoutText(pages: try PopplerText.pages(bytes, limits: limits)).text
    }

    /// Counts `obj` keywords: a cheap upper bound on the indirect objects poppler would index.
    static func countObjects(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { b in
            var count = 0
            var i = 1
            while i + 3 < b.count {
                // " obj" followed by a delimiter, after a generation number.
                if b[i] == 0x6F, b[i + 1] == 0x62, b[i + 2] == 0x6A, b[i - 1] == 0x20 || b[i - 1] == 0x0A || b[i - 1] == 0x0D,
                   i >= 2, b[i - 2] >= 0x30, b[i - 2] <= 0x39 {
                    count += 1
                    i += 3
                    continue
                }
                i += 1
            }
            return count
        }
    }

    private static func locate(_ block: Block, in layout: LayoutText) -> Block {
        switch block {
        case .paragraph(var p):
            p.source = relocate(p.source, visible: visibleCount(p.text), acrossLines: true, in: layout)
            return .paragraph(p)
        case .table(var table):
            // The table's first line (its caption or header) when no word starts where the region does.
            let line = table.source.line
            table.source = relocate(table.source, visible: 1, in: layout)
            if table.source.box == nil, let box = layout.lineBox(line) { table.source.box = box }
            for index in table.cells.indices {
                table.updateCell(index) { cell in
                    cell.source = relocate(cell.source, visible: visibleCount(cell.text), in: layout)
                    cell.blocks = cell.blocks.map { inner in
                        if case .paragraph(var p) = inner {
                            p.source = cell.source
                            return .paragraph(p)
                        }
                        return locate(inner, in: layout)
                    }
                }
            }
            // Readings of rows whose values could not be placed carry places in the laid-out text too.
            for r in table.rowReadings.indices {
                table.rowReadings[r].readings = table.rowReadings[r].readings.map { reading in
                    reading.map { slot in
                        slot.map { SlotReading(text: $0.text, source: relocate($0.source, visible: visibleCount($0.text), in: layout)) }
                    }
                }
            }
            return .table(table)
        }
    }

    /// The same place in page terms: the laid-out text's line and column mean nothing to a reader
    /// of the PDF, so they are replaced by the page and the box.
    private static func relocate(_ s: SourceLocation, visible: Int, acrossLines: Bool = false,
                                 in layout: LayoutText) -> SourceLocation {
        guard s.line > 0 else { return s }
        var s = s
        if let placed = layout.place(line: s.line, column: s.column, visible: visible, acrossLines: acrossLines) {
            s.page = placed.page
            s.box = placed.box
        }
        s.line = 0
        s.column = 0
        return s
    }

    private static func visibleCount(_ text: String) -> Int {
        text.reduce(0) { $0 + ($1.isWhitespace ? 0 : 1) }
    }
}
