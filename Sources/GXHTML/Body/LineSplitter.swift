import GXModel

/// Outside tables a `<br>` is how CMS editors and old portals separate paragraphs
/// (`一、总体情况<br>　　2023年…<br>二、…`): each line of a body paragraph becomes a paragraph of
/// its own, keeping its bookmarks. Inside a table cell a `<br>` stays a line break (`结果<br>维持`).
enum LineSplitter {
    static func split(_ paragraph: Paragraph) -> [Paragraph] {
        guard hasLineBreak(paragraph.text) else { return [paragraph] }
        let chars = Array(paragraph.text)
        var result: [Paragraph] = []
        var start = 0
        while start <= chars.count {
            var end = start
            while end < chars.count, chars[end] != "\n" { end += 1 }
            var from = start, to = end
            while from < to, chars[from] == " " { from += 1 }
            while to > from, chars[to - 1] == " " { to -= 1 }
            let isLast = end == chars.count
            let marks = paragraph.bookmarks.filter { $0.offset >= start && ($0.offset < end || ($0.offset == end && isLast)) }
                .map { BookmarkMarker(name: $0.name, offset: min(max($0.offset - from, 0), to - from), source: $0.source) }
            var line = Paragraph(text: String(chars[from..<to]), style: paragraph.style,
                                 hiddenText: result.isEmpty ? paragraph.hiddenText : "", bookmarks: marks, source: paragraph.source)
            line.source.line = paragraph.source.line
            result.append(line)
            start = end + 1
        }
        // a `<br>` at either end makes no paragraph
        while result.count > 1, let first = result.first, first.text.isEmpty, first.bookmarks.isEmpty { result.removeFirst() }
        while result.count > 1, let last = result.last, last.text.isEmpty, last.bookmarks.isEmpty { result.removeLast() }
        return result
    }

    /// Whether the text holds a "\n" Character: a line feed with no carriage return before it
    /// (CR LF is one Character). Byte by byte, not Character by Character.
    static func hasLineBreak(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b == 0x0A, previous != 0x0D { return true }
            previous = b
        }
        return false
    }
}
