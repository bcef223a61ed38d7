import GXModel

/// Splits decoded text into lines (`\n`, `\r\n`, `\r`; a form feed is a page break), removes
/// `[bookmark: _Hlk…]` markers into metadata, and marks page footers.
enum LineSplitter {
    static func split(_ text: String) -> [TextLine] {
        var lines: [TextLine] = []
        var number = 1
        var current = ""
        var startColumn = 1
        var column = 1
        var pageBreak = false
        var previousWasCR = false

        func finish() {
            lines.append(make(current, number: number, startColumn: startColumn, pageBreak: pageBreak))
            current = ""
            pageBreak = false
        }
        for ch in text {
            switch ch {
            case "\r\n", "\n":
                if previousWasCR && ch == "\n" { previousWasCR = false; continue }
                finish(); number += 1; column = 1; startColumn = 1
            case "\r":
                finish(); number += 1; column = 1; startColumn = 1
                previousWasCR = true
                continue
            case "\u{0C}":
                if !current.isEmpty { finish() }
                pageBreak = true
                column += 1
                startColumn = column
            default:
                current.append(ch)
                column += 1
            }
            previousWasCR = false
        }
        if !current.isEmpty || pageBreak { finish() }
        return lines
    }

    static let marker = Array("[bookmark: ")
    private static let dashes: Set<Character> = ["-", "—", "–", "－", "‒", "―", "一"]

    static func make(_ raw: String, number: Int, startColumn: Int, pageBreak: Bool) -> TextLine {
        // Most lines carry no bookmark marker: they are kept as they are, with no Character arrays.
        guard raw.contains(utf8: "[bookmark: ") else {
            var line = TextLine(number: number, startColumn: startColumn, text: raw, bookmarks: [],
                                pageBreakBefore: pageBreak, removed: [])
            line.isFooter = isFooter(raw)
            return line
        }
        let chars = Array(raw)
        var text: [Character] = []
        var bookmarks: [(String, Int)] = []
        var removed: [(Int, Int)] = []
        var i = 0
        while i < chars.count {
            if chars[i] == "[", i + marker.count < chars.count, Array(chars[i..<(i + marker.count)]) == marker {
                var j = i + marker.count
                while j < chars.count, j - i < 80, isNameCharacter(chars[j]) { j += 1 }
                if j < chars.count, chars[j] == "]", j > i + marker.count {
                    bookmarks.append((String(chars[(i + marker.count)..<j]), text.count))
                    removed.append((text.count, j + 1 - i))
                    i = j + 1
                    continue
                }
            }
            text.append(chars[i])
            i += 1
        }
        var line = TextLine(number: number, startColumn: startColumn, text: String(text), bookmarks: bookmarks,
                            pageBreakBefore: pageBreak, removed: removed)
        line.isFooter = isFooter(line.text)
        return line
    }

    static func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == ".")
    }

    /// `-1-`, `- 1 -`, `— 4 —`, `－3－`, `第 2 页`, `第2页 共5页`.
    static func isFooter(_ text: String) -> Bool {
        // Every line is asked: stop at the 17th visible character rather than filter a long line.
        var t = ""
        var visible = 0
        for c in text where !c.isWhitespace {
            visible += 1
            if visible > 16 { return false }
            t.append(c)
        }
        guard !t.isEmpty else { return false }
        let core = t.drop(while: { dashes.contains($0) })
        let digits = core.prefix(while: { $0.isASCII && $0.isNumber })
        let tail = core.dropFirst(digits.count)
        if !digits.isEmpty, digits.count <= 3, core.count < t.count, !tail.isEmpty, tail.allSatisfy({ dashes.contains($0) }) {
            return true
        }
        if t.hasPrefix("第"), t.contains("页") {
            let inner = t.filter { !"第页共,，/".contains($0) }
            return !inner.isEmpty && inner.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }
}
