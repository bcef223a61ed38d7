import GXModel

/// One physical line of the input with `[bookmark: …]` markers taken out of its text and kept as
/// markers, and the mapping back to original columns so every piece keeps its true location.
struct TextLine {
    /// 1-based line number in the input (a form feed starts a new logical line on the same number).
    var number: Int
    /// 1-based column in the input where this logical line starts.
    var startColumn: Int
    /// The text without bookmark markers, line ending or form feed.
    let text: String
    var bookmarks: [(name: String, offset: Int)]
    /// A form feed stood just before this line (pdftotext's page break).
    var pageBreakBefore: Bool
    /// Offsets (in Characters of `text`) where markers were removed, with the removed length.
    /// In offset order; `removedBefore[k]` is the length removed by markers `0..<k`.
    let removed: [(offset: Int, length: Int)]
    private let removedBefore: [Int]
    /// A page footer (`- 1 -`, `— 4 —`, `第 2 页 共 5 页`): never content.
    var isFooter: Bool = false
    /// Every Character of `text` is a single Unicode scalar (see `Scalars.standsAlone`), so the
    /// line can be read scalar by scalar with Character offsets unchanged.
    let isSimple: Bool
    /// Every Character is whitespace. Layout detection, region finding and the tokenizer all ask,
    /// many times per line: it is worked out once.
    let isBlank: Bool
    /// The text holds a tab (always a Character of its own).
    let hasTab: Bool

    init(number: Int, startColumn: Int, text: String, bookmarks: [(name: String, offset: Int)],
         pageBreakBefore: Bool, removed: [(offset: Int, length: Int)]) {
        self.number = number
        self.startColumn = startColumn
        self.text = text
        self.bookmarks = bookmarks
        self.pageBreakBefore = pageBreakBefore
        self.removed = removed
        var sums: [Int] = []   // most lines carry no marker: no allocation for them
        if !removed.isEmpty {
            sums.reserveCapacity(removed.count + 1)
            sums.append(0)
            for r in removed { sums.append(sums[sums.count - 1] + r.length) }
        }
        removedBefore = sums
        // One pass over the scalars for all three.
        var simple = true, spaces = true, tab = false
        for u in text.unicodeScalars {
            if u.value == 0x09 { tab = true }
            if simple, !Scalars.standsAlone(u.value) { simple = false }
            if spaces, !u.properties.isWhitespace { spaces = false }
        }
        isSimple = simple
        isBlank = simple ? spaces : text.allSatisfy(\.isWhitespace)
        hasTab = tab
    }

    /// The first Character is a tab (a tab never joins another scalar).
    var startsWithTab: Bool { text.utf8.first == 0x09 }

    /// The 1-based input column of the character at `offset` of `text`.
    /// Markers at or before `offset` are found by binary search: a line may carry thousands.
    func column(at offset: Int) -> Int {
        guard !removed.isEmpty else { return startColumn + offset }
        var lo = 0, hi = removed.count   // first marker after offset
        while lo < hi {
            let mid = (lo + hi) / 2
            if removed[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
        }
        return startColumn + offset + removedBefore[lo]
    }

    func location(at offset: Int) -> SourceLocation {
        SourceLocation(line: number, column: column(at: offset))
    }
}

extension Glyphs {
    /// The line's glyph index, read scalar by scalar when the line is simple.
    init(_ line: TextLine) { self.init(line.text, simple: line.isSimple) }
}
