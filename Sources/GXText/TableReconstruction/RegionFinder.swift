import GXModel
import GXTemplate

/// Where the three standard tables lie in the lines: each starts at its first header line (found
/// by `TableRecognizer`'s header words, after its section heading when there is one) and is bounded by
/// the next table or the next section heading. Page footers inside do not matter.
struct Region {
    var key: StandardTableKey
    var start: Int
    var end: Int
}

enum RegionFinder {
    static func headings(_ lines: [TextLine]) -> [Int: Int] {
        var found: [Int: Int] = [:]
        var next = 0
        for (i, line) in lines.enumerated() where !line.isBlank && !line.startsWithTab {
            let t = line.text.trimmingWhitespace
            guard (line.isSimple ? t.unicodeScalars.count : t.count) <= 60, next < Template.sections.count,
                  mayOpenSection(t) else { continue }
            if let s = SectionHeadings.match(t, after: next) {
                found[s] = i
                next = s + 1
            }
        }
        return found
    }

    /// A section heading opens with its number, `一` to `六`, as its first Character (`SectionHeadings`).
    /// A trimmed line whose first scalar is ASCII or another Han character (neither ever
    /// canonically equivalent to those) cannot: most lines are settled without the full match.
    static func mayOpenSection(_ trimmed: String) -> Bool {
        guard let first = trimmed.unicodeScalars.first?.value else { return false }
        switch first {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D: return true
        case 0x00...0x7F, 0x3400...0x4DBF, 0x4E00...0x9FFF: return false
        default: return true
        }
    }

    static func find(_ lines: [TextLine], headings: [Int: Int]) -> [Region] {
        func folded(_ i: Int) -> String { TextFold.fold(lines[i].text) }
        func firstLine(from: Int, to: Int, _ test: (Int) -> Bool) -> Int? {
            guard from < to else { return nil }
            return (from..<to).first { !lines[$0].isBlank && !lines[$0].isFooter && test($0) }
        }
        var regions: [Region] = []
        let n = lines.count
        let isHeading = Set(headings.values)

        let s2 = firstLine(from: headings[1] ?? 0, to: headings[2] ?? n) { i in
            !isHeading.contains(i) && TableRecognizer.opensTable(.activeDisclosure, foldedLine: folded(i))
        }
        let s3 = firstLine(from: headings[2] ?? (s2.map { $0 + 1 } ?? 0), to: headings[3] ?? n) { i in
            !isHeading.contains(i) && TableRecognizer.opensTable(.requests, foldedLine: folded(i))
        }
        var s4 = firstLine(from: max(headings[3] ?? 0, (s3 ?? s2 ?? -1) + 1), to: headings[4] ?? n) { i in
            !isHeading.contains(i) && TableRecognizer.opensTable(.reviewLitigation, foldedLine: folded(i))
        }
        if let s = s4 {
            // A short group-header line (`行政复议   行政诉讼`) just above belongs to the table.
            var k = s - 1
            while k > (headings[3] ?? (s3 ?? 0)), lines[k].isBlank || lines[k].isFooter { k -= 1 }
            if k >= 0, k != s, !isHeading.contains(k), TableRecognizer.isReviewGroupHeader(foldedLine: TextFold.fold(lines[k].text)) {
                s4 = k
            }
        }
        let starts: [(StandardTableKey, Int?)] = [(.activeDisclosure, s2), (.requests, s3), (.reviewLitigation, s4)]
        for (index, entry) in starts.enumerated() {
            guard let start = entry.1 else { continue }
            var end = n
            for later in starts.dropFirst(index + 1) { if let s = later.1, s > start { end = min(end, s) } }
            for (_, h) in headings where h > start { end = min(end, h) }
            regions.append(Region(key: entry.0, start: start, end: end))
        }
        return regions
    }
}
