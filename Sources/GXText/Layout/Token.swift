import GXModel

/// One piece of a table region: a cell (explicit formats) or a field between column gaps.
struct Token {
    enum Kind { case text, value, empty, noise }

    var kind: Kind
    /// As printed, trimmed.
    var text: String
    /// For values: the text to read (OCR confusables fixed: `o` → `0`); otherwise `text`.
    var valueText: String
    /// The value needed a confusable-character fix.
    var substituted = false
    /// Index into the region's lines array, and character offset in that line.
    var line: Int
    var offset: Int
    /// Display column of the token's centre (for aligning values under columns).
    var x: Double
    /// First token of an explicit row (a line of `tabRows`, a blank-separated group of `cellPerLine`).
    var rowStart: Bool
    var source: SourceLocation
    var bookmarks: [BookmarkMarker] = []
}

/// Splits table lines into tokens according to the layout. Each line is indexed once (`Glyphs`);
/// fields and tokens are ranges of its Character offsets.
enum Tokenizer {
    /// The tokens of `range`, and the line where the region was cut when its tokens would pass
    /// `budget.maxTableTokens` (the cut falls before the first line that does not fit whole; the
    /// lines from there on are not the table's).
    static func tokens(_ lines: [TextLine], range: Range<Int>, format: LineFormat, ocr: Bool,
                       budget: TextBudget) throws -> (tokens: [Token], cut: Int?) {
        var out: [Token] = []
        var cut: Int?
        let cap = budget.maxTableTokens
        /// Whether line i's tokens (appended from `lineStart`) still fit; if not, they are taken back.
        func fits(_ i: Int, from lineStart: Int) -> Bool {
            guard out.count > cap else { return true }
            out.removeSubrange(lineStart...)
            cut = i
            return false
        }
        switch format {
        case .cellPerLine:
            var rowBreak = true
            var blankRun = 0
            lines: for i in range {
                if (i - range.lowerBound) & 255 == 255 { try budget.check("tokenising a table") }
                let line = lines[i]
                if line.isFooter { continue }
                if line.isBlank { blankRun += 1; rowBreak = true; continue }
                let lineStart = out.count
                if line.startsWithTab {
                    let glyphs = Glyphs(line)
                    let pieces = fields(glyphs, from: 1, separators: .tabs)
                    guard lineStart + pieces.count <= cap else { cut = i; break lines }
                    for piece in pieces {
                        out.append(contentsOf: classify(piece, in: glyphs, line: i, lines: lines, rowStart: rowBreak, ocr: ocr,
                                                        allowEmpty: true, maxParts: cap))
                        rowBreak = false
                        guard fits(i, from: lineStart) else { break lines }
                    }
                } else if !out.isEmpty, blankRun <= 1 {
                    // A cell's text continuing on a line of its own (a wrapped label, `结果` / `维持`).
                    let last = out.count - 1
                    out[last].text += "\n" + line.text.trimmingWhitespace
                    if out[last].kind == .empty { out[last].kind = .text }
                    if out[last].kind == .value { out[last].kind = .text }
                    out[last].valueText = out[last].text
                    rowBreak = false
                } else {
                    let glyphs = Glyphs(line)
                    let pieces = fields(glyphs, from: 0, separators: .spaces)
                    guard lineStart + pieces.count <= cap else { cut = i; break lines }
                    for piece in pieces {
                        out.append(contentsOf: classify(piece, in: glyphs, line: i, lines: lines, rowStart: rowBreak, ocr: ocr,
                                                        allowEmpty: false, maxParts: cap))
                        rowBreak = false
                        guard fits(i, from: lineStart) else { break lines }
                    }
                }
                blankRun = 0
            }
        case .tabRows, .spaced:
            lines: for i in range {
                if (i - range.lowerBound) & 255 == 255 { try budget.check("tokenising a table") }
                let line = lines[i]
                if line.isFooter || line.isBlank { continue }
                let separators: Separators = line.hasTab ? .tabs : (ocr ? .spacesAndBars : .spaces)
                let glyphs = Glyphs(line)
                let pieces = fields(glyphs, from: 0, separators: separators)
                let lineStart = out.count
                guard lineStart + pieces.count <= cap else { cut = i; break lines }
                var first = true
                for piece in pieces {
                    let made = classify(piece, in: glyphs, line: i, lines: lines, rowStart: first, ocr: ocr,
                                        allowEmpty: separators == .tabs, maxParts: cap)
                    if !made.isEmpty { first = false }
                    out.append(contentsOf: made)
                    guard fits(i, from: lineStart) else { break lines }
                }
            }
        }
        attachBookmarks(&out, lines: lines, range: range.lowerBound..<(cut ?? range.upperBound))
        return (out, cut)
    }

    enum Separators { case tabs, spaces, spacesAndBars }

    /// Fields of a text with their character offsets (plus `baseOffset`).
    static func fields(_ text: String, baseOffset: Int, separators: Separators) -> [(text: String, offset: Int)] {
        let glyphs = Glyphs(text, simple: Scalars.eachStandsAlone(text))
        return fields(glyphs, from: 0, separators: separators).map { (glyphs.string($0), baseOffset + $0.lowerBound) }
    }

    /// Fields of a line from Character `from` on, as ranges of Character offsets. Tabs always
    /// separate; with `.spaces` a run of two or more spaces (or one ideographic space) does; with
    /// `.spacesAndBars` also `|` (table rules in OCR).
    static func fields(_ g: Glyphs, from: Int, separators: Separators) -> [Range<Int>] {
        var result: [Range<Int>] = []
        if separators == .tabs {
            var start = from
            for k in from...g.count where k == g.count || g.isScalar(k, 0x09) {
                var a = start, b = k
                while a < b, g.isWhitespace(a) { a += 1 }
                while b > a, g.isWhitespace(b - 1) { b -= 1 }
                result.append(a..<b)
                start = k + 1
            }
            return result
        }
        func isGap(_ k: Int) -> Bool { g.isScalar(k, 0x20) || g.isScalar(k, 0x3000) || g.isScalar(k, 0xA0) }
        var fieldStart: Int? = nil
        var fieldEnd = 0
        func flush() {
            if let s = fieldStart { result.append(s..<fieldEnd) }
            fieldStart = nil
        }
        var i = from
        while i < g.count {
            if g.isScalar(i, 0x09) || (separators == .spacesAndBars && (g.isScalar(i, 0x7C) || g.isScalar(i, 0xFF5C))) {
                flush(); i += 1; continue
            }
            if isGap(i) {
                var j = i, width = 0
                while j < g.count, isGap(j) {
                    width += g.isScalar(j, 0x3000) ? 2 : 1
                    j += 1
                }
                if width >= 2 { flush() }
                i = j
                continue
            }
            if fieldStart == nil { fieldStart = i }
            fieldEnd = i + 1
            i += 1
        }
        flush()
        return result
    }

    /// One field → tokens: a run of numbers separated by single spaces (`0 0 0`) gives one value each.
    static func classify(_ field: Range<Int>, in g: Glyphs, line: Int, lines: [TextLine], rowStart: Bool, ocr: Bool,
                         allowEmpty: Bool, maxParts: Int = 20_000) -> [Token] {
        let l = lines[line]
        func make(_ r: Range<Int>, _ t: String, _ kind: Token.Kind, _ value: String, _ substituted: Bool, _ first: Bool) -> Token {
            let x = Double(g.widthBefore[r.lowerBound]) + Double(g.width(r)) / 2
            return Token(kind: kind, text: t, valueText: value, substituted: substituted, line: line, offset: r.lowerBound, x: x,
                         rowStart: rowStart && first, source: l.location(at: r.lowerBound))
        }
        if field.isEmpty { return allowEmpty ? [make(field, "", .empty, "", false, true)] : [] }
        var parts: [Range<Int>] = []
        var start: Int? = nil
        for k in field {
            if g.isScalar(k, 0x20) {
                if let s = start { parts.append(s..<k) }
                start = nil
            } else if start == nil {
                start = k
            }
        }
        if let s = start { parts.append(s..<field.upperBound) }
        // A run of more numbers than a table region may hold is not a row of cells.
        if parts.count > 1, parts.count <= maxParts {
            var values: [(text: String, value: String, substituted: Bool)] = []
            for part in parts {
                let t = g.string(part)
                guard let v = ValueReader.read(t, ocr: ocr) else { break }
                values.append((t, v.text, v.substituted))
            }
            if values.count == parts.count {
                return zip(parts, values).enumerated().map { n, pv in
                    make(pv.0, pv.1.text, .value, pv.1.value, pv.1.substituted, n == 0)
                }
            }
            // A label then its numbers, one space apart (`pdftotext -raw`: `规章 0 6 0`): the label,
            // then one value per number. Only plain digit runs count (never OCR-fixed ones), and
            // the label must hold a Chinese character.
            var trailing: [(range: Range<Int>, text: String)] = []
            for part in parts.reversed() {
                let t = g.string(part)
                guard !t.isEmpty, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { break }
                trailing.insert((part, t), at: 0)
            }
            if !trailing.isEmpty, trailing.count < parts.count {
                let head = field.lowerBound..<parts[parts.count - trailing.count - 1].upperBound
                let label = g.string(head)
                if label.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
                    return [make(head, label, .text, label, false, true)]
                        + trailing.map { make($0.range, $0.text, .value, $0.text, false, false) }
                }
            }
        }
        let text = g.string(field)
        if let v = ValueReader.read(text, ocr: ocr) {
            return [make(field, text, .value, v.text, v.substituted, true)]
        }
        if ocr, ValueReader.isNoise(text) { return [make(field, text, .noise, text, false, true)] }
        return [make(field, text, .text, text, false, true)]
    }

    /// Each bookmark goes to the first token at or after it on its line, else the next token.
    /// Tokens come in line order and a line's bookmarks in offset order, so one pass serves them all.
    static func attachBookmarks(_ tokens: inout [Token], lines: [TextLine], range: Range<Int>) {
        var k = 0
        var endOfK: Int?   // tokens[k]'s end offset, counted once (a token's text may be long)
        for i in range {
            for mark in lines[i].bookmarks {
                let marker = BookmarkMarker(name: mark.name, offset: 0, source: lines[i].location(at: mark.offset))
                while k < tokens.count {
                    if tokens[k].line > i { break }
                    if tokens[k].line == i {
                        let end = endOfK ?? tokens[k].offset + tokens[k].text.count
                        endOfK = end
                        if end > mark.offset { break }
                    }
                    k += 1
                    endOfK = nil
                }
                if k < tokens.count {
                    tokens[k].bookmarks.append(marker)
                } else if !tokens.isEmpty {
                    tokens[tokens.count - 1].bookmarks.append(marker)
                }
            }
        }
    }
}
