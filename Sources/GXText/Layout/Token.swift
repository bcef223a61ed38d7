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

/// Splits table lines into tokens according to the layout.
enum Tokenizer {
    static func tokens(_ lines: [TextLine], range: Range<Int>, format: LineFormat, ocr: Bool) -> [Token] {
        var out: [Token] = []
        switch format {
        case .cellPerLine:
            var rowBreak = true
            var blankRun = 0
            for i in range {
                let line = lines[i]
                if line.isFooter { continue }
                if line.isBlank { blankRun += 1; rowBreak = true; continue }
                if line.startsWithTab {
                    let body = String(line.text.dropFirst())
                    for piece in fields(body, baseOffset: 1, separators: .tabs) {
                        out.append(contentsOf: classify(piece.text, line: i, offset: piece.offset, lines: lines,
                                                        rowStart: rowBreak, ocr: ocr, allowEmpty: true))
                        rowBreak = false
                    }
                } else if !out.isEmpty, blankRun <= 1 {
                    // A cell's text continuing on a line of its own (a wrapped label, `结果` / `维持`).
                    let last = out.count - 1
                    out[last].text += "\n" + line.text.trimmingSpaces
                    if out[last].kind == .empty { out[last].kind = .text }
                    if out[last].kind == .value { out[last].kind = .text }
                    out[last].valueText = out[last].text
                    rowBreak = false
                } else {
                    for piece in fields(line.text, baseOffset: 0, separators: .spaces) {
                        out.append(contentsOf: classify(piece.text, line: i, offset: piece.offset, lines: lines,
                                                        rowStart: rowBreak, ocr: ocr, allowEmpty: false))
                        rowBreak = false
                    }
                }
                blankRun = 0
            }
        case .tabRows, .spaced:
            for i in range {
                let line = lines[i]
                if line.isFooter || line.isBlank { continue }
                let separators: Separators = line.hasTab ? .tabs : (ocr ? .spacesAndBars : .spaces)
                var first = true
                for piece in fields(line.text, baseOffset: 0, separators: separators) {
                    let made = classify(piece.text, line: i, offset: piece.offset, lines: lines, rowStart: first, ocr: ocr,
                                        allowEmpty: separators == .tabs)
                    if !made.isEmpty { first = false }
                    out.append(contentsOf: made)
                }
            }
        }
        attachBookmarks(&out, lines: lines, range: range)
        return out
    }

    enum Separators { case tabs, spaces, spacesAndBars }

    /// Fields of a line with their character offsets. Tabs always separate; with `.spaces` a run of
    /// two or more spaces (or one ideographic space) does; with `.spacesAndBars` also `|` (table rules in OCR).
    static func fields(_ text: String, baseOffset: Int, separators: Separators) -> [(text: String, offset: Int)] {
        let chars = Array(text)
        var result: [(String, Int)] = []
        if separators == .tabs {
            var start = 0
            for k in 0...chars.count where k == chars.count || chars[k] == "\t" {
                var a = start, b = k
                while a < b, chars[a].isWhitespace { a += 1 }
                while b > a, chars[b - 1].isWhitespace { b -= 1 }
                result.append((String(chars[a..<b]), baseOffset + a))
                start = k + 1
            }
            return result
        }
        var fieldStart: Int? = nil
        var fieldEnd = 0
        func flush() {
            if let s = fieldStart { result.append((String(chars[s..<fieldEnd]), baseOffset + s)) }
            fieldStart = nil
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\t" || (separators == .spacesAndBars && (c == "|" || c == "｜")) { flush(); i += 1; continue }
            if c == " " || c == "\u{3000}" || c == "\u{00A0}" {
                var j = i, width = 0
                while j < chars.count, chars[j] == " " || chars[j] == "\u{3000}" || chars[j] == "\u{00A0}" {
                    width += chars[j] == "\u{3000}" ? 2 : 1
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
    static func classify(_ text: String, line: Int, offset: Int, lines: [TextLine], rowStart: Bool, ocr: Bool,
                         allowEmpty: Bool) -> [Token] {
        let l = lines[line]
        func make(_ t: String, _ off: Int, _ kind: Token.Kind, _ value: String, _ substituted: Bool, _ first: Bool) -> Token {
            let before = l.text.prefix(off)
            let x = Double(LayoutDetector.displayWidth(before)) + Double(LayoutDetector.displayWidth(t)) / 2
            return Token(kind: kind, text: t, valueText: value, substituted: substituted, line: line, offset: off, x: x,
                         rowStart: rowStart && first, source: l.location(at: off))
        }
        if text.isEmpty { return allowEmpty ? [make("", offset, .empty, "", false, true)] : [] }
        var parts: [(text: String, offset: Int)] = []
        var k = 0
        var current = ""
        var start = 0
        for ch in text {
            if ch == " " {
                if !current.isEmpty { parts.append((current, start)) }
                current = ""
            } else {
                if current.isEmpty { start = k }
                current.append(ch)
            }
            k += 1
        }
        if !current.isEmpty { parts.append((current, start)) }
        if parts.count > 1, parts.allSatisfy({ ValueReader.read($0.text, ocr: ocr) != nil }) {
            return parts.enumerated().map { n, part in
                let v = ValueReader.read(part.text, ocr: ocr)!
                return make(part.text, offset + part.offset, .value, v.text, v.substituted, n == 0)
            }
        }
        if let v = ValueReader.read(text, ocr: ocr) {
            return [make(text, offset, .value, v.text, v.substituted, true)]
        }
        if ocr, ValueReader.isNoise(text) { return [make(text, offset, .noise, text, false, true)] }
        return [make(text, offset, .text, text, false, true)]
    }

    /// Each bookmark goes to the first token at or after it on its line, else the next token.
    static func attachBookmarks(_ tokens: inout [Token], lines: [TextLine], range: Range<Int>) {
        for i in range {
            for mark in lines[i].bookmarks {
                let marker = BookmarkMarker(name: mark.name, offset: 0, source: lines[i].location(at: mark.offset))
                if let k = tokens.firstIndex(where: { ($0.line == i && $0.offset + $0.text.count > mark.offset) || $0.line > i }) {
                    tokens[k].bookmarks.append(marker)
                } else if !tokens.isEmpty {
                    tokens[tokens.count - 1].bookmarks.append(marker)
                }
            }
        }
    }
}
