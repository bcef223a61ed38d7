/// The template's rows in order, as the aligner needs them.
struct RowPlan {
    var key: String
    var labelKeys: [[UInt32]]
    /// Every label is at most three characters (`规章`, `其他`, `总计`): matched exactly, never fuzzily.
    var short: Bool
    var width: Int
    /// Rows printed under one column header share a block (table 二 prints one per item, each
    /// with its own column positions; table 三 is one block).
    var block: Int = 0
}

/// What the text gave for one template row's data slots.
enum RowValues {
    /// One token per slot; nil where nothing was printed (a blank, not a zero).
    case slots([Token?])
    /// The printed values could not be placed with certainty: each alternative gives one token
    /// per slot, nil where a value was lost.
    case readings([[Token?]], seen: String)
    /// No usable reading: every slot is lost.
    case lost(seen: String, note: String)
}

struct AlignedRow {
    var plan: RowPlan
    /// Token indices of the label (the anchor first); empty when the label was not found.
    var labelTokens: [Int] = []
    var values: RowValues = .lost(seen: "", note: "row not found")
    var note: String = ""
    /// Slots the placement solver could not confirm: what was read there and why it is left empty.
    var abstain: [Int: (seen: String, note: String)] = [:]
    /// Read from text without table structure: an empty slot may be a printed blank.
    var mayBeBlank = false
}

struct Alignment {
    var rows: [AlignedRow]
    var score: Double
    /// Index of the last token the table used.
    var lastToken: Int
    /// Rows whose printed count did not fit their slots.
    var mismatches: Int
    var found: Int
}

/// Locates each template row's label among the tokens — fuzzy label match, with the template's row
/// order as a hard prior (a monotone alignment, found by dynamic programming) — then hands each
/// row the values between its label and the next row's label. Labels printed before all their
/// numbers (a merged label column extracted first) and rows whose label was unreadable are placed
/// by order when the counts add up exactly; anything else is left for the equations or lost.
enum RowAligner {
    static let threshold = 0.5

    /// `tokenKeys` are the tokens' `LabelScore.key`s (those of text tokens are read).
    /// Its score matrices are rows × label tokens: the tokenizer keeps a region within
    /// `ReadLimits.maxTextTableTokens`, so they stay bounded whatever the text.
    static func align(_ tokens: [Token], keys tokenKeys: [[UInt32]], excluded: Set<Int>, plans prepared: RowPlans,
                      format: LineFormat, ocr: Bool, lines: [TextLine], budget: TextBudget) throws -> Alignment {
        let plans = prepared.rows
        let candidates = tokens.indices.filter { tokens[$0].kind == .text && !excluded.contains($0) }
        let keys = candidates.map { tokenKeys[$0] }
        let numbers = keys.map(prepared.numbers)
        // Score every (row, candidate) with windows of up to three consecutive label tokens.
        let n = plans.count, m = candidates.count
        var score = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
        var span = [[Int]](repeating: [Int](repeating: 1, count: m), count: n)
        for c in 0..<m where !keys[c].isEmpty {
            if c & 1023 == 1023 { try budget.check("aligning a table's rows") }
            // Window w is candidates c..<ends[w], of lengths[w] characters.
            var ends = [c + 1], lengths = [keys[c].count]
            var k = c + 1
            while ends.count < 3, k < m, tokens[candidates[k]].line - tokens[candidates[c]].line <= 3 {
                ends.append(k + 1)
                lengths.append(lengths[lengths.count - 1] + keys[k].count)
                k += 1
            }
            let shared = prepared.rowsSharing(numbers[c])
            for r in 0..<n {
                if plans[r].short {
                    if plans[r].labelKeys.contains(keys[c]) { score[r][c] = 1 }
                    continue
                }
                guard shared[r] else { continue }
                for w in ends.indices {
                    for l in prepared.labelRanges[r] {
                        let label = prepared.labels[l].key
                        // Dice can be no higher than 2·min/(sum): skip pairs that cannot pass.
                        let bound = 2 * Double(min(label.count, lengths[w])) / Double(label.count + lengths[w])
                        guard bound + 0.1 >= threshold, bound + 0.1 > score[r][c] else { continue }
                        // A label starts in its first token: a window that begins mid-label ranks lower.
                        let d = prepared.dice(label: l, keys: keys[c..<ends[w]], numbers: numbers[c..<ends[w]], length: lengths[w])
                            + (LabelScore.startsLike(label, keys[c]) ? 0.1 : 0)
                        if d > score[r][c] + 1e-9 { score[r][c] = d; span[r][c] = w + 1 }
                    }
                }
            }
        }
        // Monotone alignment maximising the total of (score − bias) over accepted pairs.
        var f = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        for r in 1...max(n, 1) where n > 0 {
            for c in stride(from: 1, through: m, by: 1) {
                var best = max(f[r - 1][c], f[r][c - 1])
                let s = score[r - 1][c - 1]
                if s >= threshold { best = max(best, f[r - 1][c - 1] + s - 0.3) }
                f[r][c] = best
            }
        }
        var anchorOf = [Int?](repeating: nil, count: n)
        var r = n, c = m
        while r > 0, c > 0 {
            let s = score[r - 1][c - 1]
            if s >= threshold, abs(f[r][c] - (f[r - 1][c - 1] + s - 0.3)) < 1e-9 {
                anchorOf[r - 1] = c - 1
                r -= 1; c -= 1
            } else if f[r][c] == f[r - 1][c] { r -= 1 } else { c -= 1 }
        }

        var rows = plans.map { AlignedRow(plan: $0) }
        var total = 0.0
        for (i, a) in anchorOf.enumerated() {
            guard let a else { continue }
            total += score[i][a]
            rows[i].labelTokens = Array(candidates[a..<min(m, a + span[i][a])])
        }

        // Values of each anchored row: the value tokens between its label and the next label.
        let anchors = anchorOf.enumerated().compactMap { i, a in a.map { (row: i, token: candidates[$0]) } }
        var segments: [Int: [Int]] = [:]
        var lastToken = anchors.last?.token ?? -1
        for (k, a) in anchors.enumerated() {
            let end = k + 1 < anchors.count ? anchors[k + 1].token : tokens.count
            var values: [Int] = []
            var t = a.token + 1
            var sameRow = true
            while t < end {
                let tok = tokens[t]
                if tok.rowStart { sameRow = false }
                if excluded.contains(t) { t += 1; continue }
                if k + 1 == anchors.count, !values.isEmpty, tok.kind == .text, tok.text.count > 12 { break }
                if tok.kind == .value || tok.kind == .noise || (format == .cellPerLine && tok.kind == .empty && sameRow)
                    || (format == .tabRows && sameRow && tok.kind == .text && startsWithDigit(tok.text)) {
                    values.append(t)
                    lastToken = max(lastToken, t)
                }
                t += 1
            }
            if format == .tabRows { values = withInteriorBlanks(values, tokens: tokens, excluded: excluded) }
            segments[a.row] = values
        }
        for row in rows { if let last = row.labelTokens.last { lastToken = max(lastToken, last) } }

        // When the table's values add up exactly to the template's cells, their order is the
        // template's order, wherever the labels stood (plain pdftotext prints a block of numbers
        // before the labels of merged rows, or after them).
        if !anchors.isEmpty {
            let all = (0...max(lastToken, 0)).filter { t in
                t < tokens.count && !excluded.contains(t) && (tokens[t].kind == .value || tokens[t].kind == .noise)
            }
            let clean = all.filter { tokens[$0].kind == .value }
            let cells = plans.reduce(0) { $0 + $1.width }
            if clean.count == cells, clean.count == all.count || ocr, format != .cellPerLine {
                var k = 0
                for i in rows.indices {
                    rows[i].values = .slots(clean[k..<(k + plans[i].width)].map { tokens[$0] })
                    k += plans[i].width
                }
                return Alignment(rows: rows, score: total, lastToken: lastToken, mismatches: 0, found: anchors.count)
            }
        }

        // Units: rows that share one run of values (labels first, or labels lost), in template order.
        var mismatches = 0
        var pending: [Int] = []
        var units: [(rows: [Int], values: [Int])] = []
        var i = 0
        while i < n {
            if anchorOf[i] == nil || (segments[i] ?? []).isEmpty {
                pending.append(i)
                i += 1
                continue
            }
            var unit = pending + [i]
            var j = i + 1
            while j < n, anchorOf[j] == nil { unit.append(j); j += 1 }
            units.append((unit, segments[i]!))
            pending = []
            i = j
        }
        for p in pending {
            rows[p].values = anchorOf[p] != nil && !ocr
                ? .slots([Token?](repeating: nil, count: plans[p].width))
                : .lost(seen: "", note: anchorOf[p] == nil ? "row label not found" : "no values printed after the label")
        }

        var mismatched: [(row: Int, values: [Int])] = []
        for unit in units {
            let widths = unit.rows.map { plans[$0].width }
            let values = unit.values.map { tokens[$0] }.filter { $0.kind != .noise || !ValueReader.isHarmless($0.text) }
            let clean = values.filter { $0.kind != .noise }
            if clean.count == widths.reduce(0, +), clean.count == values.count || ocr {
                var k = 0
                for row in unit.rows {
                    rows[row].values = .slots(Array(clean[k..<(k + plans[row].width)]))
                    k += plans[row].width
                }
                continue
            }
            if unit.rows.count == 1 {
                mismatched.append((unit.rows[0], unit.values))
                continue
            }
            // Several rows, counts do not add up: the last label keeps its values if they fit it;
            // rows before it printed nothing (clean text) or lost theirs (OCR).
            let last = unit.rows.last!
            if clean.count == plans[last].width, clean.count == values.count, anchorOf[last] != nil {
                rows[last].values = .slots(clean)
                for row in unit.rows.dropLast() {
                    rows[row].values = anchorOf[row] != nil && !ocr
                        ? .slots([Token?](repeating: nil, count: plans[row].width))
                        : .lost(seen: "", note: "no values printed for this row")
                }
            } else if ocr, Set(values.map(\.line)).count == unit.rows.count {
                // OCR put each row's values on its own line: one line per row, then row by row.
                var byLine: [[Int]] = []
                var lastLine = -1
                for t in unit.values where tokens[t].kind != .noise || !ValueReader.isHarmless(tokens[t].text) {
                    if tokens[t].line != lastLine { byLine.append([]); lastLine = tokens[t].line }
                    byLine[byLine.count - 1].append(t)
                }
                for (row, group) in zip(unit.rows, byLine) {
                    let c = group.filter { tokens[$0].kind != .noise }.count
                    if c == plans[row].width, c == group.count {
                        rows[row].values = .slots(group.map { tokens[$0] })
                    } else {
                        mismatched.append((row, group))
                    }
                }
            } else {
                mismatches += 1
                let seen = values.map(\.text).joined(separator: " ")
                for row in unit.rows {
                    rows[row].values = .lost(seen: seen, note: "\(values.count) values printed for \(unit.rows.count) rows of \(widths.reduce(0, +)) cells")
                }
            }
        }

        // Single rows whose count does not fit.
        let centers = slotCenters(rows, tokens: tokens)
        for (row, valueIndexes) in mismatched {
            let w = plans[row].width
            let values = valueIndexes.map { tokens[$0] }.filter { $0.kind != .noise || !ValueReader.isHarmless($0.text) }
            let clean = values.filter { $0.kind != .noise }
            let seen = values.map(\.text).joined(separator: " ")
            if !ocr, format == .spaced, clean.count < w, clean.count == values.count,
               let placed = placeByColumn(clean, centers: centers[plans[row].block]) {
                rows[row].values = .slots(placed)
                continue
            }
            mismatches += 1
            let note = "the row printed \(values.count) value(s) for \(w) cells"
            if ocr, clean.count == values.count, let readings = readings(clean, width: w) {
                rows[row].values = .readings(readings, seen: seen)
                rows[row].note = note
            } else {
                rows[row].values = .lost(seen: seen, note: note)
            }
        }
        return Alignment(rows: rows, score: total, lastToken: lastToken, mismatches: mismatches, found: anchors.count)
    }

    /// Mean display column of each slot over rows whose values fit, per block of rows printed
    /// under one column header (another block's columns stand elsewhere).
    static func slotCenters(_ rows: [AlignedRow], tokens: [Token]) -> [Int: [Double]] {
        var sums: [Int: [Double]] = [:], counts: [Int: Int] = [:]
        for row in rows {
            guard case .slots(let slots) = row.values, slots.allSatisfy({ $0 != nil }) else { continue }
            let w = row.plan.block
            if sums[w] == nil { sums[w] = [Double](repeating: 0, count: slots.count) }
            for (k, t) in slots.enumerated() { sums[w]![k] += t!.x }
            counts[w, default: 0] += 1
        }
        return sums.mapValues { $0 }.reduce(into: [:]) { out, entry in
            out[entry.key] = entry.value.map { $0 / Double(counts[entry.key]!) }
        }
    }

    /// Puts each value under the nearest column centre; refuses when two share a column or one
    /// stands between columns.
    static func placeByColumn(_ values: [Token], centers: [Double]?) -> [Token?]? {
        guard let centers, centers.count >= 2 else { return nil }
        let gaps = zip(centers.dropFirst(), centers).map { $0 - $1 }
        guard let minGap = gaps.min(), minGap > 1 else { return nil }
        var slots = [Token?](repeating: nil, count: centers.count)
        var lastSlot = -1
        for v in values {
            let (k, d) = centers.enumerated().map { ($0.offset, abs($0.element - v.x)) }.min { $0.1 < $1.1 }!
            guard d <= minGap / 2.5, k > lastSlot else { return nil }
            slots[k] = v
            lastSlot = k
        }
        return slots
    }

    /// Possible readings of an OCR row with one or two values lost, or one value too many (a
    /// number split in two, or debris read as a digit).
    static func readings(_ values: [Token], width w: Int) -> [[Token?]]? {
        let c = values.count
        if c < w, w - c <= 2, c > 0 {
            var out: [[Token?]] = []
            func place(_ next: Int, _ slot: Int, _ acc: [Token?]) {
                if acc.count == w { if next == c { out.append(acc) }; return }
                if w - acc.count > c - next { place(next, slot + 1, acc + [nil]) }
                if next < c { place(next + 1, slot + 1, acc + [values[next]]) }
            }
            place(0, 0, [])
            return out
        }
        if c == w + 1 {
            var out: [[Token?]] = []
            for k in 0..<(c - 1) {
                let a = values[k], b = values[k + 1]
                guard a.valueText.allSatisfy(\.isASCIIDigit), b.valueText.allSatisfy(\.isASCIIDigit) else { continue }
                var merged = a
                merged.text = a.text + " " + b.text
                merged.valueText = a.valueText + b.valueText
                merged.substituted = true
                out.append(Array(values[..<k]) + [merged] + Array(values[(k + 2)...]))
            }
            for k in 0..<c { out.append(Array(values[..<k]) + Array(values[(k + 1)...])) }
            return out
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}

/// In tab-separated rows an empty field between two values on one line is a blank cell, printed
/// as nothing: it holds its column's place. (Empty fields before the values are merged label
/// columns, and after them merged or trailing cells; neither is a value.)
private func withInteriorBlanks(_ values: [Int], tokens: [Token], excluded: Set<Int>) -> [Int] {
    guard values.count >= 2 else { return values }
    var out: [Int] = []
    for (j, v) in values.enumerated() {
        out.append(v)
        guard j + 1 < values.count else { continue }
        let next = values[j + 1]
        guard tokens[v].line == tokens[next].line, next > v + 1 else { continue }
        for e in (v + 1)..<next where tokens[e].kind == .empty && !excluded.contains(e) { out.append(e) }
    }
    return out
}

/// A count printed with a note (`22（其中修订16件）`, `251000元`): in tab-separated rows such a field
/// holds a value's place; the report layer reads it as a text cell.
private func startsWithDigit(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first else { return false }
    return (0x30...0x39).contains(first.value) || (0xFF10...0xFF19).contains(first.value)
}
