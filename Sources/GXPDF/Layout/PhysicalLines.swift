import GXModel

/// Words that share a baseline band on one page, left to right: the page as it is seen, not in
/// the order the producer wrote the text (poppler's reading order runs down table columns).
struct PhysicalLine {
    var page: Int
    var words: [PDFWord]
    var top: Double
    var bottom: Double

    var height: Double { bottom - top }
}

enum PhysicalLines {
    /// Groups a page's words into lines: a word joins the line it overlaps vertically by most of
    /// the smaller height, so the numbers centred beside a two-line label stay a line of their own.
    static func lines(_ page: PDFPage) -> [PhysicalLine] {
        let words = page.words.sorted { ($0.box.y0 + $0.box.y1) < ($1.box.y0 + $1.box.y1) }
        var lines: [PhysicalLine] = []
        for word in words {
            let h = word.box.y1 - word.box.y0
            if var last = lines.last {
                let overlap = min(last.bottom, word.box.y1) - max(last.top, word.box.y0)
                if overlap >= 0.6 * min(h, last.height) {
                    last.words.append(word)
                    last.top = min(last.top, word.box.y0)
                    last.bottom = max(last.bottom, word.box.y1)
                    lines[lines.count - 1] = last
                    continue
                }
            }
            lines.append(PhysicalLine(page: page.number, words: [word], top: word.box.y0, bottom: word.box.y1))
        }
        for i in lines.indices { lines[i].words.sort { $0.box.x0 < $1.box.x0 } }
        return lines
    }
}
