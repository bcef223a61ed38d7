import GXModel

/// Splits decoded text into lines (`\n`, `\r\n`, `\r`; a form feed is a page break), removes
/// `[bookmark: _Hlk…]` markers into metadata, and marks page footers.
enum LineSplitter {
    /// Works on the UTF-8 bytes: `\n`, `\r` and form feed are control characters, always
    /// Characters of their own (`\r\n` one Character), so cutting at those bytes gives the same
    /// lines as walking Characters; a line's start column is counted in Characters only after a
    /// form feed in mid-line.
    static func split(_ text: String) -> [TextLine] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [TextLine] = []
            var number = 1
            var startColumn = 1
            var pageBreak = false
            var start = 0
            func piece(upTo end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            func finish(_ raw: String) {
                lines.append(make(raw, number: number, startColumn: startColumn, pageBreak: pageBreak))
                pageBreak = false
            }
            var i = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0x0A, 0x0D:
                    finish(piece(upTo: i))
                    if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                    number += 1
                    startColumn = 1
                    start = i + 1
                case 0x0C:
                    let raw = piece(upTo: i)
                    if !raw.isEmpty { finish(raw) }
                    pageBreak = true
                    startColumn += raw.count + 1
                    start = i + 1
                default:
                    break
                }
                i += 1
            }
            if start < bytes.count || pageBreak { finish(piece(upTo: bytes.count)) }
            return lines
        }
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
        !cannotBeFooter(text) && !tooLongForFooter(text) && hasFooterShape(text)
    }

    /// More than 16 visible Characters, counted on scalars when each scalar is a Character.
    static func tooLongForFooter(_ text: String) -> Bool {
        guard Scalars.eachStandsAlone(text) else { return false }
        var visible = 0
        for u in text.unicodeScalars where !u.properties.isWhitespace {
            visible += 1
            if visible > 16 { return true }
        }
        return false
    }

    static func hasFooterShape(_ text: String) -> Bool {
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

    /// A footer's first visible Character is a dash or `第`. A line whose first byte after ASCII
    /// whitespace is another ASCII character, or a CJK ideograph (never joined to what precedes
    /// it), starts with something else: most lines are settled here without grapheme breaking.
    static func cannotBeFooter(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        while let u = scalars.next() {
            switch u.value {
            case 0x09...0x0D, 0x20: continue
            case 0x2D, 0x4E00, 0x7B2C: return false          // `-`, `一`, `第`
            case 0x00...0x7F, 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
            default: return false
            }
        }
        return true
    }
}
