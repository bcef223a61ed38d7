import GXModel
import GXText

/// The pages laid out as fixed-column text, each word at the column its x position gives — the
/// text `pdftotext -layout` would print — together with where every word of that text sits on its
/// page, so whatever is read from the text can be sent back to its page and box.
struct LayoutText {
    /// A word's place in the laid-out text (1-based line, 1-based Character columns) and on the page.
    struct Placed {
        var column: Int
        var end: Int
        var visible: Int
        var box: PageBox
    }
    struct Line {
        var page: Int
        var words: [Placed]
    }

    var text: String
    /// Index = text line number − 1; blank lines have no words.
    var lines: [Line]

    init(pages: [PDFPage]) {
        var out = ""
        var lines: [Line] = []
        let left = pages.flatMap { $0.words.map(\.box.x0) }.min() ?? 0
        for page in pages {
            let physical = PhysicalLines.lines(page)
            let unit = Self.unit(page)
            let heights = physical.map(\.height).sorted()
            let typical = heights.isEmpty ? 10 : max(heights[heights.count / 2], 1)
            var first = true
            var previousBottom: Double? = nil
            for line in physical {
                if let bottom = previousBottom {
                    // Vertical white space as blank lines, as `-layout` prints it (at most two).
                    let gap = line.top - bottom
                    let blanks = gap > 0.8 * typical ? min(2, Int(gap / typical)) : 0
                    for _ in 0..<blanks { out += "\n"; lines.append(Line(page: page.number, words: [])) }
                }
                previousBottom = line.bottom
                var text = ""
                var characters = 0
                var width = 0
                // A page break is a form feed before the page's first line, as pdftotext writes it.
                if first, page.number > 1 { text = "\u{0C}"; characters = 1 }
                first = false
                var placed: [Placed] = []
                var previous: PDFWord? = nil
                for word in line.words {
                    let target = Int(((word.box.x0 - left) / unit).rounded())
                    var spaces = max(0, target - width)
                    if let p = previous {
                        let gap = word.box.x0 - p.box.x1
                        let size = max(word.fontSize, p.fontSize, 1)
                        // Two spaces mark a column gap for the text reader; a narrow gap stays one space.
                        // Words closer than that belong to one phrase (a title's `2023 年`): as printed, not by column.
                        let least = gap > 0.8 * size ? 2 : (gap > 0.15 * size ? 1 : 0)
                        spaces = least < 2 ? least : max(spaces, least)
                    }
                    text += String(repeating: " ", count: spaces)
                    characters += spaces
                    width += spaces
                    let count = word.text.count
                    placed.append(Placed(column: characters + 1, end: characters + 1 + count, visible: count, box: word.box))
                    text += word.text
                    characters += count
                    width += DisplayWidth.of(word.text)
                    previous = word
                }
                out += text + "\n"
                lines.append(Line(page: page.number, words: placed))
            }
        }
        self.text = out
        self.lines = lines
    }

    /// Points per display column: half the size of the small type the tables are set in, so the
    /// narrowest columns still get a column of text of their own.
    static func unit(_ page: PDFPage) -> Double {
        let sizes = page.words.map(\.fontSize).filter { $0 >= 4 }.sorted()
        guard !sizes.isEmpty else { return 5 }
        return min(8, max(2.5, sizes[sizes.count / 10] / 2))
    }

    /// The box of all the words on one line of the laid-out text (1-based), nil for a blank line.
    func lineBox(_ line: Int) -> PageBox? {
        guard line >= 1, line <= lines.count, let first = lines[line - 1].words.first else { return nil }
        return lines[line - 1].words.dropFirst().reduce(first.box) { $0.union($1.box) }
    }

    /// The page and box of the text that starts at (line, column) and holds `visible` non-space
    /// Characters: the words from there on along the same line, and with `acrossLines` on the lines
    /// after it on the same page (a paragraph). A place between words gives the page alone.
    func place(line: Int, column: Int, visible: Int, acrossLines: Bool = false) -> (page: Int, box: PageBox?)? {
        guard line >= 1, line <= lines.count else { return nil }
        let row = lines[line - 1]
        guard let start = row.words.firstIndex(where: { $0.end > column }), row.words[start].column <= column + 1 else {
            return (row.page, nil)
        }
        var box = row.words[start].box
        var seen = row.words[start].visible
        var l = line - 1, k = start + 1
        while seen < visible {
            if k >= lines[l].words.count {
                guard acrossLines, l + 1 < lines.count, lines[l + 1].page == row.page else { break }
                l += 1
                k = 0
                continue
            }
            box = box.union(lines[l].words[k].box)
            seen += lines[l].words[k].visible
            k += 1
        }
        return (row.page, box)
    }
}
