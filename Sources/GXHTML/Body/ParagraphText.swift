import GXModel

/// One paragraph being assembled from text nodes, with HTML's white-space rules: runs of spaces,
/// tabs and line breaks collapse to one space; a line break between two CJK characters disappears
/// (Word and WPS wrap long Chinese lines in their HTML); `&nbsp;` is a real space that never
/// collapses; `<br>` is a `\n`. Kept as UTF-8 bytes until the paragraph closes.
struct ParagraphText {
    var bytes: [UInt8] = []
    var hidden: String = ""
    var bookmarks: [(name: String, byteOffset: Int, line: Int)] = []
    /// The element that opened the paragraph (a `<p>`, `<h2>`, a `<div>` holding loose text …).
    var node: Int
    var line: Int
    /// `<p>`, `<h1>`… : kept even when empty, as Word's empty paragraphs are.
    var explicit: Bool
    var style: String?

    private var pendingSpace = false
    private var pendingBreak = false

    init(node: Int, line: Int, explicit: Bool, style: String? = nil) {
        self.node = node
        self.line = line
        self.explicit = explicit
        self.style = style
    }

    var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A } }

    mutating func append(_ text: String, preformatted: Bool) {
        if preformatted {
            flushSpace()
            for b in text.utf8 where b != 0x0D { bytes.append(b) }
            return
        }
        // Fast path: a run of plain text (most Chinese text nodes) is copied whole.
        let plain = text.utf8.withContiguousStorageIfAvailable { buf -> Bool in
            for b in buf where b <= 0x20 || b == 0xC2 { return false }
            return true
        } ?? false
        if plain, !text.isEmpty {
            if pendingSpace {
                let first = text.unicodeScalars.first
                if !(pendingBreak && ParagraphText.isCJK(lastScalar) && ParagraphText.isCJK(first)) { bytes.append(0x20) }
                pendingSpace = false
            }
            pendingBreak = false
            bytes.append(contentsOf: text.utf8)
            return
        }
        var utf8 = Array(text.utf8)
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                if !bytes.isEmpty, bytes.last != 0x0A { pendingSpace = true }
                if b == 0x0A || b == 0x0D { pendingBreak = true }
                i += 1
                continue
            }
            if pendingSpace {
                let (next, _) = ParagraphText.scalar(at: i, in: utf8)
                if !(pendingBreak && ParagraphText.isCJK(lastScalar) && ParagraphText.isCJK(next)) { bytes.append(0x20) }
                pendingSpace = false
            }
            pendingBreak = false
            if b == 0xC2, i + 1 < n, utf8[i + 1] == 0xA0 {
                bytes.append(0x20)  // &nbsp;
                i += 2
                continue
            }
            bytes.append(b)
            i += 1
        }
        utf8.removeAll()
    }

    mutating func lineBreak() {
        pendingSpace = false
        pendingBreak = false
        bytes.append(0x0A)
    }

    private mutating func flushSpace() {
        if pendingSpace { bytes.append(0x20) }
        pendingSpace = false
        pendingBreak = false
    }

    mutating func bookmark(_ name: String, line: Int, atStart: Bool = false) {
        bookmarks.append((name, atStart ? 0 : bytes.count, line))
    }

    /// The finished paragraph: trimmed of spaces and breaks at both ends, bookmark offsets counted in
    /// Characters of the trimmed text.
    func paragraph(source: SourceLocation) -> Paragraph {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x0A { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A { end -= 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let markers = bookmarks.map { mark -> BookmarkMarker in
            let at = min(max(mark.byteOffset, start), end)
            let offset = String(decoding: bytes[start..<at], as: UTF8.self).count
            var where_ = source
            if mark.line > 0 { where_.line = mark.line }
            return BookmarkMarker(name: mark.name, offset: offset, source: where_)
        }
        return Paragraph(text: text, style: style, hiddenText: hidden, bookmarks: markers, source: source)
    }

    private var lastScalar: Unicode.Scalar? {
        var i = bytes.count - 1
        while i > 0, bytes[i] & 0xC0 == 0x80 { i -= 1 }
        guard i >= 0 else { return nil }
        return ParagraphText.scalar(at: i, in: bytes).0
    }

    static func scalar(at i: Int, in b: [UInt8]) -> (Unicode.Scalar?, Int) {
        guard i < b.count else { return (nil, 0) }
        let length = UTF8Scalar.length(lead: b[i])
        guard i + length <= b.count else { return (nil, 1) }
        return (Unicode.Scalar(UTF8Scalar.decode(b, at: i).value), length)
    }

    /// East Asian wide characters and punctuation, where a source line break is not a space.
    static func isCJK(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return false }
        switch v {
        case 0x2E80...0x303F, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2014:
            return true
        default:
            return false
        }
    }
}
