/// In column-aligned text (`pdftotext -layout`, OCR) a table row's label wraps over several lines
/// around the line that carries its numbers — above it, below it, or both. Before alignment, each
/// label fragment on a line without values is moved to the nearest line with values (ties go to the
/// line above, where a wrapped label's tail belongs), ahead of that line's values, so every row
/// reads "label, then numbers" like the other layouts.
enum LayoutReorder {
    static func isColumnAligned(_ tokens: [Token]) -> Bool {
        var perLine: [Int: Int] = [:]
        for t in tokens where t.kind == .value { perLine[t.line, default: 0] += 1 }
        guard !perLine.isEmpty else { return false }
        let multi = perLine.values.filter { $0 >= 2 }.count
        return multi * 2 >= perLine.count
    }

    /// Columns set apart by runs of spaces, as a typesetter's layout prints them (`pdftotext
    /// -layout`: `248    31   139`), not by the one space between the numbers of a row that
    /// `pdftotext -raw` prints (`341 104 39`): only there does a number's column on the line say
    /// which column of the table it stands in. Nine in ten gaps between neighbouring numbers
    /// must be two columns or wider.
    static func typesetColumns(_ tokens: [Token]) -> Bool {
        var gaps = 0, wide = 0
        for (a, b) in zip(tokens, tokens.dropFirst()) where a.kind == .value && b.kind == .value && a.line == b.line {
            gaps += 1
            if b.offset - (a.offset + a.text.count) >= 2 { wide += 1 }
        }
        return gaps >= 4 && wide * 10 >= gaps * 9
    }

    /// `1.`, `2、`, `（三）`, `(一)`: the start of a row label.
    static func opensLabel(_ text: String) -> Bool {
        let chars = Array(text.prefix(4))
        guard let first = chars.first else { return false }
        if first.isASCIIDigit { return chars.count > 1 && (chars[1] == "." || chars[1] == "、" || chars[1] == " ") }
        if first == "(" || first == "（" { return chars.count > 2 && (chars[2] == ")" || chars[2] == "）") }
        // `二)`, `三、`: numbering whose bracket OCR dropped.
        if "一二三四五六七八九十".contains(first) { return chars.count > 1 && ")）、".contains(chars[1]) }
        return false
    }

    /// The tokens in their new order, the excluded ones renumbered, and where each came from.
    static func reorder(_ tokens: [Token], excluded: Set<Int>) -> (tokens: [Token], excluded: Set<Int>, order: [Int]) {
        // A set, not a sorted array: looked up once per token, and only lines within 3 of a token
        // count, so the nearest value line is found by probing ±0…3 (a scan of every value line per
        // token made OCR output of 20,000 rows take minutes).
        let valueLines = Set(tokens.filter { $0.kind == .value }.map(\.line))
        guard !valueLines.isEmpty else { return (tokens, excluded, Array(tokens.indices)) }
        // How much label text each value line already carries on its own.
        var ownLabel: [Int: Int] = [:]
        for (i, t) in tokens.enumerated() where t.kind == .text && !excluded.contains(i) && valueLines.contains(t.line) {
            ownLabel[t.line, default: 0] += LabelScore.key(t.text).count
        }
        var target: [Int: Int] = [:]   // token index → value line it belongs to
        for (i, t) in tokens.enumerated() where t.kind == .text && !excluded.contains(i) && !valueLines.contains(t.line) {
            for d in 1...3 {
                let up = valueLines.contains(t.line - d) ? t.line - d : nil
                let down = valueLines.contains(t.line + d) ? t.line + d : nil
                guard up != nil || down != nil else { continue }
                var best = up ?? down!
                if let up, let down {
                    // Equally near a line above and one below: a numbered fragment (`2.没有…`) opens
                    // the row below; otherwise the line with less label of its own takes it, and
                    // a tie there goes up (a wrapped label's tail).
                    if opensLabel(t.text) || ownLabel[down, default: 0] < ownLabel[up, default: 0] { best = down }
                }
                target[i] = best
                break
            }
        }
        var moved: [Int: [Int]] = [:]
        for (i, line) in target.sorted(by: { $0.key < $1.key }) { moved[line, default: []].append(i) }
        var order: [Int] = []
        var emitted = Set<Int>()
        var i = 0
        while i < tokens.count {
            let line = tokens[i].line
            var j = i
            while j < tokens.count, tokens[j].line == line { j += 1 }
            if let extra = moved[line] {
                // Fragments from above first, then the line's own labels, then fragments from below, then values.
                let above = extra.filter { tokens[$0].line < line }
                let below = extra.filter { tokens[$0].line > line }
                let own = (i..<j).filter { tokens[$0].kind != .value }
                let values = (i..<j).filter { tokens[$0].kind == .value }
                for k in above + own + below + values where !emitted.contains(k) { order.append(k); emitted.insert(k) }
            } else {
                for k in i..<j where target[k] == nil && !emitted.contains(k) { order.append(k); emitted.insert(k) }
            }
            i = j
        }
        for k in tokens.indices where !emitted.contains(k) { order.append(k) }
        var out = order.map { tokens[$0] }
        var newExcluded: Set<Int> = []
        for (n, k) in order.enumerated() where excluded.contains(k) { newExcluded.insert(n) }
        // Row starts follow the new order: the first token of each value line's group starts a row.
        for n in out.indices { out[n].rowStart = n == 0 || out[n].line != out[n - 1].line }
        return (out, newExcluded, order)
    }
}
