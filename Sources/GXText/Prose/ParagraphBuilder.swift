import GXModel

/// Prose lines → paragraphs. In exports each non-empty line is a paragraph; in hard-wrapped text
/// (pdftotext, OCR) a line that fills the measure without ending a sentence continues on the next,
/// unless the next opens a heading or a numbered item.
enum ParagraphBuilder {
    static func paragraphs(_ lines: [TextLine], indices: [Int], wrapped: Bool, measure: Int) -> [Paragraph] {
        var out: [Paragraph] = []
        var open: (text: String, source: SourceLocation, bookmarks: [BookmarkMarker], canContinue: Bool)?
        func close() {
            if let o = open { out.append(Paragraph(text: o.text, bookmarks: o.bookmarks, source: o.source)) }
            open = nil
        }
        for i in indices {
            let line = lines[i]
            if line.isFooter { continue }
            if line.isBlank {
                // A page break inside a paragraph leaves blank lines in pdftotext's output.
                if !(wrapped && open?.canContinue == true) { close() }
                continue
            }
            let lead = line.text.prefix { $0.isWhitespace }.count
            let text = line.text.trimmingWhitespace
            let marks = line.bookmarks.map { b in
                BookmarkMarker(name: b.name, offset: max(0, b.offset - lead), source: line.location(at: b.offset))
            }
            if wrapped, var o = open, o.canContinue, !opensItem(text) {
                // Counting the open paragraph's Characters is only needed to place bookmarks.
                if !marks.isEmpty {
                    let base = o.text.count
                    o.bookmarks += marks.map { var m = $0; m.offset += base; return m }
                }
                o.text += text
                o.canContinue = fills(text, measure: measure)
                open = o
                continue
            }
            close()
            open = (text, line.location(at: lead), marks, wrapped && fills(text, measure: measure))
        }
        close()
        return out
    }

    static func fills(_ text: String, measure: Int) -> Bool {
        guard let last = text.last, !"。！？；：:;!?".contains(last) else { return false }
        return DisplayWidth.of(text) >= measure - 6
    }

    private static let cn: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// `一、`, `（一）`, `(一)`, `1.`, `1、` open a new paragraph even after a full line.
    static func opensItem(_ text: String) -> Bool {
        let chars = Array(text.prefix(6))
        guard let first = chars.first else { return false }
        if cn.contains(first) {
            var k = 0
            while k < chars.count, cn.contains(chars[k]) { k += 1 }
            return k < chars.count && chars[k] == "、"
        }
        if first == "（" || first == "(" {
            return chars.count > 2 && cn.contains(chars[1])
        }
        if first.isASCIIDigit {
            var k = 0
            while k < chars.count, chars[k].isASCIIDigit { k += 1 }
            return k <= 2 && k < chars.count && (chars[k] == "、" || chars[k] == "．" || (chars[k] == "." && k + 1 < chars.count && !chars[k + 1].isASCIIDigit))
        }
        return false
    }

    /// The wrap width of the prose: the 90th percentile of line widths.
    static func measure(_ lines: [TextLine]) -> Int {
        let widths = lines.filter { !$0.isBlank && !$0.hasTab }.map { DisplayWidth.of($0.text.trimmingWhitespace) }.sorted()
        guard !widths.isEmpty else { return 0 }
        return widths[widths.count * 9 / 10]
    }
}
