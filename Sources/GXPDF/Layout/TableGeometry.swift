import GXModel
import GXTemplate

/// Checks every value the text reader placed in a table against where its word stands on the page,
/// and empties (`unplaced`: null, lost, never filled by the equations) every row where the page
/// leaves doubt which cell a number belongs to. A wrong number is worse than none.
///
/// The text reader works on the laid-out text: it sees columns of characters, not the page. What the
/// page shows and the text hides:
///  - a number too wide for its cell wraps (`39272` printed as `3927` over `2`): two words stacked
///    in one column, which the text reads as two values (or one, and the other left over);
///  - a value put in a slot whose column is not where the word stands (a blank beside it shifted it);
///  - a row assembled from words of different rows (values above and below a wrapped label);
///  - a number inside the table that no cell took (a fragment, a value of a row the reader missed).
/// And a value the reader could not place is not filled from the equations either: in a PDF a cell
/// the reader left empty may have been printed blank, so `lost` becomes `unplaced`.
enum TableGeometry {
    struct Value {
        var cell: Int
        var row: Int
        var column: Int
        var page: Int
        var box: PageBox
        var x: Double { box.midX }
        var y: Double { box.midY }
        var height: Double { box.y1 - box.y0 }
    }

    /// Why a row was emptied, with where on the page.
    struct Doubt {
        var row: Int
        var page: Int?
        var box: PageBox?
        var why: String
    }

    static func check(_ table: inout Table, pages: [PDFPage]) -> [Diagnostic] {
        // Data cells: a number or nothing (labels and headers hold text).
        var dataCells: [Int: [Int]] = [:]          // grid row → cell indices, left to right
        var values: [Value] = []
        for (i, cell) in table.cells.enumerated() {
            let text = String(cell.text.filter { !$0.isWhitespace })
            guard text.isEmpty || isNumber(text) || CellReader.isNotApplicable(text) else { continue }
            // An empty cell spanning rows is a merged label or header area, not a data slot.
            if text.isEmpty, cell.quality == nil, cell.rowSpan > 1 { continue }
            dataCells[cell.row, default: []].append(i)
            if !text.isEmpty, let page = cell.source.page, let box = cell.source.box {
                values.append(Value(cell: i, row: cell.row, column: cell.column, page: page, box: box))
            }
        }
        var doubts: [Doubt] = []
        var doubtful: Set<Int> = []
        func doubt(_ row: Int, _ v: Value?, _ why: String) {
            guard !doubtful.contains(row) else { return }
            doubtful.insert(row)
            doubts.append(Doubt(row: row, page: v?.page, box: v?.box, why: why))
        }

        let heights = values.map(\.height).sorted()
        let h = heights.isEmpty ? 10 : max(heights[heights.count / 2], 1)
        let byRow = Dictionary(grouping: values, by: \.row)

        // 1. Rows: a row's values stand on one band across the page.
        for (row, vs) in byRow where vs.count > 1 {
            let ys = vs.map(\.y).sorted()
            let mid = ys[ys.count / 2]
            if let off = vs.first(where: { abs($0.y - mid) > 0.45 * h || $0.page != vs[0].page }) {
                doubt(row, off, "the row's values do not stand on one line of the page (the value \(table.cells[off.cell].text) is off it): words of neighbouring rows, or a number wrapped in its cell")
            }
        }

        // A row of several cells read as all blank while the table holds values: its numbers may have
        // gone to a neighbouring row (a wrapped label), and such a row printed wholly blank is rare;
        // the page is asked (a one-cell row of table 二 printed blank is common and stays).
        if !values.isEmpty {
            for (row, cells) in dataCells where byRow[row] == nil && cells.count >= 3
                && cells.allSatisfy({ table.cells[$0].quality == nil && table.cells[$0].text.allSatisfy(\.isWhitespace) }) {
                let label = table.cells.indices.first { i in
                    table.cells[i].row == row && !cells.contains(i) && table.cells[i].source.box != nil && table.cells[i].source.page != nil
                }.map { table.cells[$0] }
                doubt(row, label.map { Value(cell: -1, row: row, column: -1, page: $0.source.page!, box: $0.source.box!) },
                      "the reader found no value for the row")
            }
        }

        // Rows and their labels: a row's values stand at or below its own label's first line and
        // above the next row's label (labels set at the top or the middle of their cells alike).
        // Labels the reader did not find carry the table's first line; they say nothing.
        let tableTop = table.source.box?.y1 ?? -.infinity
        var labelTop: [Int: (page: Int, y: Double)] = [:]
        for (i, cell) in table.cells.enumerated() where dataCells[cell.row] != nil && cell.rowSpan == 1 {
            guard !(dataCells[cell.row]!.contains(i)), !cell.text.isEmpty, let page = cell.source.page, let box = cell.source.box,
                  page != table.source.page || box.midY > tableTop else { continue }
            if let known = labelTop[cell.row], known.page == page, known.y <= box.y0 { continue }
            labelTop[cell.row] = (page, box.y0)
        }
        let labelled = labelTop.keys.sorted()
        for (row, vs) in byRow {
            let ys = vs.map(\.y).sorted()
            let y = ys[ys.count / 2], page = vs[0].page
            if let own = labelTop[row], own.page == page, y < own.y - 0.5 * h {
                doubt(row, vs[0], "the row's values stand above its label on the page: they belong to the row before")
            } else if let next = labelled.first(where: { $0 > row }).flatMap({ labelTop[$0] }), next.page == page, y >= next.y - 0.1 * h {
                doubt(row, vs[0], "the row's values stand level with or below the next row's label on the page: they belong to a row after")
            }
        }

        // 2. Columns: each value nearer its own column's centre than any other, and clearly so.
        // Blocks of consecutive rows with the same data columns share their columns (table 二's
        // blocks each have their own).
        var signature: [Int: [Int]] = [:]
        for (row, cells) in dataCells { signature[row] = cells.map { table.cells[$0].column }.sorted() }
        var blocks: [[Int]] = []
        for row in signature.keys.sorted() {
            if let last = blocks.last?.last, signature[last] == signature[row], row == last + 1 {
                blocks[blocks.count - 1].append(row)
            } else {
                blocks.append([row])
            }
        }
        var centersOf: [Int: [Int: Double]] = [:]   // grid row → its block's column centres
        for block in blocks {
            let rows = Set(block)
            let inBlock = values.filter { rows.contains($0.row) }
            var centers: [Int: Double] = [:]
            for (column, vs) in Dictionary(grouping: inBlock, by: \.column) {
                let xs = vs.map(\.x).sorted()
                centers[column] = xs[xs.count / 2]
            }
            for row in block { centersOf[row] = centers }
            guard centers.count >= 2 else { continue }
            for v in inBlock {
                guard let own = centers[v.column] else { continue }
                let others = centers.filter { $0.key != v.column }.map(\.value)
                let pitch = others.map { abs($0 - own) }.min()!
                let nearest = others.map { abs($0 - v.x) }.min()!
                if nearest <= abs(v.x - own) || abs(v.x - own) > 0.3 * pitch {
                    doubt(v.row, v, "the value \(table.cells[v.cell].text) stands \(nearest <= abs(v.x - own) ? "under another column" : "between columns") on the page")
                }
            }
        }

        // 3. Every number inside the table's area belongs to a cell: one no cell took (a wrapped
        // number's second line, a value of a row the reader missed) casts doubt on the rows it
        // stands beside.
        for (pageNumber, vs) in Dictionary(grouping: values, by: \.page) {
            guard let page = pages.first(where: { $0.number == pageNumber }) else { continue }
            let top = vs.map(\.box.y0).min()! - 0.5 * h, bottom = vs.map(\.box.y1).max()! + 0.5 * h
            let left = vs.map(\.box.x0).min()! - 2 * h, right = vs.map(\.box.x1).max()! + 2 * h
            // Row bands on this page: the rows' values, with their label cells where the reader found them.
            var bands: [(row: Int, y0: Double, y1: Double)] = []
            for (row, rvs) in Dictionary(grouping: vs, by: \.row) {
                bands.append((row, rvs.map(\.box.y0).min()!, rvs.map(\.box.y1).max()!))
            }
            bands.sort { $0.y0 < $1.y0 }
            for word in page.words where isNumber(word.text) {
                let cx = word.box.midX, cy = word.box.midY
                guard cy > top, cy < bottom, cx > left, cx < right else { continue }
                if vs.contains(where: { $0.box.x0 <= cx && cx <= $0.box.x1 && $0.box.y0 <= cy && cy <= $0.box.y1 }) { continue }
                let orphan = Value(cell: -1, row: -1, column: -1, page: pageNumber, box: word.box)
                let why = "the number \(word.text) on the page belongs to no cell the reader filled (a number wrapped in its cell, or a row not read)"
                let inside = bands.filter { $0.y0 - 0.3 * h <= cy && cy <= $0.y1 + 0.3 * h }
                if !inside.isEmpty {
                    for b in inside { doubt(b.row, orphan, why) }
                } else {
                    if let above = bands.last(where: { $0.y1 < cy }) { doubt(above.row, orphan, why) }
                    if let below = bands.first(where: { $0.y0 > cy }) { doubt(below.row, orphan, why) }
                }
            }
        }

        // Rows left empty between two rows the page confirms, read from the page itself.
        var placed = readGaps(table, dataCells: dataCells, values: values, doubtful: doubtful, centersOf: centersOf,
                              h: h, pages: pages)
        if let (row, cells) = readSingleRow(table, dataCells: dataCells, values: values, doubtful: doubtful, pages: pages) {
            placed[row] = cells
        }
        for (row, cells) in readByLabels(table, dataCells: dataCells, values: values, doubtful: doubtful, placed: placed,
                                         labelTop: labelTop, h: h, pages: pages) where placed[row] == nil {
            placed[row] = cells
        }
        for (row, words) in placed {
            doubtful.remove(row)
            doubts.removeAll { $0.row == row }
            for (i, word) in words {
                table.updateCell(i) { c in
                    var source = c.source
                    source.page = word.page
                    source.box = word.box ?? source.box
                    c.source = source
                    c.blocks = [.paragraph(Paragraph(text: word.text ?? "", source: source))]
                    c.quality = nil
                }
            }
        }

        // Empty the doubtful rows; a cell the reader lost is unplaced (never filled by the equations).
        var emptied = 0
        for (row, cells) in dataCells {
            if placed[row] != nil { continue }
            for i in cells {
                let cell = table.cells[i]
                let reason = doubts.first { $0.row == row }?.why
                if let reason {
                    let seen = cell.text
                    if seen.isEmpty, cell.quality?.state == .unplaced { continue }
                    table.updateCell(i) { c in
                        c.blocks = [.paragraph(Paragraph(text: "", source: c.source))]
                        c.quality = ReadQuality(.unplaced, seen: seen, note: reason)
                    }
                    emptied += 1
                } else if cell.quality?.state == .lost {
                    table.updateCell(i) { c in
                        c.quality = ReadQuality(.unplaced, seen: c.quality?.seen ?? "",
                                                note: (c.quality?.note ?? "") + "; in a PDF an empty cell may have been printed blank, so the equations do not fill it")
                    }
                }
            }
        }
        // Rows the reader could not place: their cells stay empty, never filled from the equations.
        for readings in table.rowReadings where placed[readings.row] == nil {
            for column in readings.columns {
                guard let i = table.cellIndex(row: readings.row, column: column) else { continue }
                table.updateCell(i) { c in
                    c.quality = ReadQuality(.unplaced, seen: readings.seen,
                                            note: readings.note + "; the page does not settle which cell each value belongs to")
                }
            }
        }
        table.rowReadings = []

        return doubts.sorted { ($0.page ?? 0, $0.box?.y0 ?? 0) < ($1.page ?? 0, $1.box?.y0 ?? 0) }.map { d in
            var source = table.source
            source.page = d.page ?? source.page
            source.box = d.box
            source.row = d.row + 1
            source.line = 0
            source.column = 0
            return Diagnostic(code: "GX-W-PDF-GEOMETRY", severity: .warning,
                              message: "table row \(d.row + 1): \(d.why); the row's cells are left empty and its rules are not assessable",
                              messageZh: "表格第 \(d.row + 1) 行：页面上数值位置存疑，该行单元格置空，相关勾稽关系不予评判",
                              source: source)
        }
    }

    struct Placed {
        var text: String?
        var page: Int
        var box: PageBox?
    }

    /// Rows the reader left empty (lost, or emptied above) that lie between two rows the page
    /// confirms, on the same page or across one page break, are read from the page: the numbers
    /// between the two confirmed rows must form exactly one line per empty row, each line well apart
    /// from its neighbours (a row's pitch, not a wrapped cell's), and each number must stand clearly
    /// under one column, one per column. A column with no number on the line is a printed blank.
    /// Anything else leaves the rows empty.
    static func readGaps(_ table: Table, dataCells: [Int: [Int]], values: [Value], doubtful: Set<Int>,
                         centersOf: [Int: [Int: Double]], h: Double, pages: [PDFPage]) -> [Int: [(Int, Placed)]] {
        let byRow = Dictionary(grouping: values, by: \.row)
        func flagged(_ row: Int) -> Bool {
            dataCells[row]!.contains { table.cells[$0].quality?.isLost == true }
        }
        // Rows the page confirms: values read, every one checked, none lost.
        var anchors: [(row: Int, page: Int, y: Double)] = []
        for row in dataCells.keys.sorted() {
            guard !doubtful.contains(row), !flagged(row), let vs = byRow[row], !vs.isEmpty,
                  Set(vs.map(\.page)).count == 1 else { continue }
            let ys = vs.map(\.y).sorted()
            anchors.append((row, vs[0].page, ys[ys.count / 2]))
        }
        guard anchors.count >= 2 else { return [:] }
        // The least pitch between neighbouring confirmed rows on one page: a row's, not a wrapped line's.
        var pitches: [Double] = []
        for (a, b) in zip(anchors, anchors.dropFirst()) where a.page == b.page && b.row == a.row + 1 { pitches.append(b.y - a.y) }
        guard let rowPitch = pitches.min(), rowPitch > 0.5 * h else { return [:] }
        var out: [Int: [(Int, Placed)]] = [:]
        // Gaps: rows between two confirmed rows; and the rows of a block before its first confirmed
        // row, from the first one's label down (its values stand beside or below its label).
        struct Gap {
            var rows: [Int]
            var top: (page: Int, y: Double)
            var above: Bool
            /// The bound below: a confirmed row's line (`anchored`), or a label's foot.
            var bottom: (page: Int, y: Double)
            var anchored: Bool
            /// A confirmed row of the block (its columns).
            var block: Int
        }
        var gaps: [Gap] = []
        for (a, b) in zip(anchors, anchors.dropFirst()) where b.row > a.row + 1 {
            gaps.append(Gap(rows: Array((a.row + 1)..<b.row), top: (a.page, a.y + 0.5 * h), above: true,
                            bottom: (b.page, b.y), anchored: true, block: b.row))
        }
        if let first = anchors.first, let centers = centersOf[first.row] {
            var start = first.row
            while start - 1 >= 0, dataCells[start - 1] != nil, centersOf[start - 1] == centers { start -= 1 }
            let dataColumn = dataCells[first.row]!.map { table.cells[$0].column }.min() ?? 0
            if start < first.row,
               let label = table.cells.first(where: { $0.row == start && $0.rowSpan == 1 && $0.column < dataColumn && !$0.text.isEmpty }),
               label.source.page == first.page, let box = label.source.box {
                gaps.append(Gap(rows: Array(start..<first.row), top: (first.page, box.y0 - h), above: false,
                                bottom: (first.page, first.y), anchored: true, block: first.row))
            }
        }
        // And the rows of a block after its last confirmed row, down to the last one's label and a
        // row's pitch below it (what follows the table stands further off; more lines, and the count fails).
        if let last = anchors.last, let centers = centersOf[last.row] {
            var end = last.row
            while dataCells[end + 1] != nil, centersOf[end + 1] == centers { end += 1 }
            let dataColumn = dataCells[last.row]!.map { table.cells[$0].column }.min() ?? 0
            if end > last.row,
               let label = table.cells.first(where: { $0.row == end && $0.rowSpan == 1 && $0.column < dataColumn && !$0.text.isEmpty }),
               let page = label.source.page, page == last.page || page == last.page + 1, let box = label.source.box {
                gaps.append(Gap(rows: Array((last.row + 1)...end), top: (last.page, last.y + 0.5 * h), above: true,
                                bottom: (page, box.y1 + rowPitch), anchored: false, block: last.row))
            }
        }
        for g in gaps {
            let gap = g.rows
            let b = g.bottom
            // Every row between is a data row the reader left empty, in the anchors' block.
            guard let centers = centersOf[g.block],
                  gap.allSatisfy({ r in
                      dataCells[r] != nil && centersOf[r] == centers
                          && (doubtful.contains(r) || (byRow[r] == nil && flagged(r)))
                  }) else { continue }
            let columns = centers.keys.sorted()
            // Every data column has a centre (a column never filled cannot be located).
            guard gap.allSatisfy({ r in dataCells[r]!.allSatisfy { centers[table.cells[$0].column] != nil } }),
                  dataCells[g.block]!.count == columns.count else { continue }
            let xs = columns.map { centers[$0]! }
            let pitch = zip(xs.dropFirst(), xs).map { $0 - $1 }.min() ?? 0
            guard pitch > 0 else { continue }
            // The numbers between the two rows.
            var zone: [(page: Int, word: PDFWord)] = []
            func take(_ page: Int, from top: Double, to bottom: Double) {
                guard let p = pages.first(where: { $0.number == page }) else { return }
                for w in p.words where isNumber(w.text) {
                    let cx = w.box.midX, cy = w.box.midY
                    if cy > top, cy < bottom, cx > xs.first! - 0.6 * pitch, cx < xs.last! + 0.6 * pitch { zone.append((page, w)) }
                }
            }
            if g.top.page == b.page {
                take(b.page, from: g.top.y, to: g.anchored ? b.y - 0.5 * h : b.y)
            } else if b.page == g.top.page + 1 {
                // Across a page break: below the first row to the page's foot, above the second from
                // its page's head (a repeated header holds no numbers); a page number at the foot
                // makes a line of its own and the count fails.
                take(g.top.page, from: g.top.y, to: .infinity)
                take(b.page, from: -.infinity, to: g.anchored ? b.y - 0.5 * h : b.y)
            } else { continue }
            zone = mergeWrapped(zone, centers: xs, pitch: pitch, h: h)
            // Lines of numbers, top to bottom (page, then y).
            let sorted = zone.sorted { ($0.page, $0.word.box.midY) < ($1.page, $1.word.box.midY) }
            var lines: [[(page: Int, word: PDFWord)]] = []
            for item in sorted {
                let cy = item.word.box.midY
                if let last = lines.last?.last, last.page == item.page,
                   abs(last.word.box.midY - cy) <= 0.45 * h {
                    lines[lines.count - 1].append(item)
                } else {
                    lines.append([item])
                }
            }
            guard lines.count == gap.count else { continue }
            // Each line a row's pitch from the one before (and from the confirmed rows around).
            var ys: [(page: Int, y: Double)] = []
            for line in lines {
                let c = line.map { $0.word.box.midY }.sorted()
                ys.append((line[0].page, c[c.count / 2]))
            }
            if g.anchored { ys.append((b.page, b.y)) }
            if g.above { ys.insert((g.top.page, g.top.y - 0.5 * h), at: 0) }
            guard zip(ys, ys.dropFirst()).allSatisfy({ $0.page != $1.page || $1.y - $0.y >= 0.85 * rowPitch }) else { continue }
            // Each number under one column, clearly, one per column.
            var rows: [Int: [(Int, Placed)]] = [:]
            var fits = true
            for (r, line) in zip(gap, lines) {
                var taken: [Int: PDFWord] = [:]
                for item in line {
                    let cx = item.word.box.midX
                    let ranked = columns.map { ($0, abs(centers[$0]! - cx)) }.sorted { $0.1 < $1.1 }
                    guard ranked[0].1 <= 0.3 * pitch, taken[ranked[0].0] == nil else { fits = false; break }
                    taken[ranked[0].0] = item.word
                }
                guard fits else { break }
                let page = line[0].page
                rows[r] = dataCells[r]!.map { i in
                    let w = taken[table.cells[i].column]
                    return (i, Placed(text: w?.text, page: page, box: w?.box))
                }
            }
            guard fits else { continue }
            for (r, cells) in rows { out[r] = cells }
        }
        return out
    }

    /// Rows still empty, each read between its own label's first line and the next row's label, in
    /// a block of rows with the same data columns where the reader's columns cannot be trusted
    /// either: the columns are where the block's header words stand (one cluster per data column,
    /// group titles left out) — above table 三's first row, or between table 二's block title and the
    /// block's first row. A row is read only when the numbers between the two labels form exactly one
    /// line, each clearly under one column, none used by another row; a column with no number there
    /// was printed blank. A block of one row or of one column, or table 三 with fewer than three of
    /// each, is not read (too few header words to tell the columns from stray words).
    static func readByLabels(_ table: Table, dataCells: [Int: [Int]], values: [Value], doubtful: Set<Int>,
                             placed: [Int: [(Int, Placed)]], labelTop: [Int: (page: Int, y: Double)], h: Double,
                             pages: [PDFPage]) -> [Int: [(Int, Placed)]] {
        let rows = dataCells.keys.sorted()
        func columns(_ r: Int) -> [Int] { dataCells[r]!.map { table.cells[$0].column }.sorted() }
        // Blocks: runs of consecutive rows with the same data columns.
        var blocks: [[Int]] = []
        for r in rows {
            if let last = blocks.last?.last, last == r - 1, columns(last) == columns(r) {
                blocks[blocks.count - 1].append(r)
            } else {
                blocks.append([r])
            }
        }
        let flagged = Set(rows.filter { r in
            placed[r] == nil && (doubtful.contains(r) || dataCells[r]!.contains { table.cells[$0].quality?.isLost == true })
        })
        guard !flagged.isEmpty, let tableBox = table.source.box else { return [:] }
        // Label column: left of where the values stand (most of them; a stray one may stand in it).
        let lefts = values.map(\.box.x0).sorted()
        guard lefts.count >= 10 else { return [:] }
        let labelRight = lefts[lefts.count / 10] - 0.5 * h
        // Words kept by rows the page confirmed: never taken again.
        let confirmed = values.filter { !doubtful.contains($0.row) }.map(\.box)
        var out: [Int: [(Int, Placed)]] = [:]
        for (k, block) in blocks.enumerated() where block.contains(where: flagged.contains) {
            let width = columns(block[0]).count
            let whole = blocks.count == 1
            guard whole ? block.count >= 3 && width >= 3 : block.count >= 2 && width >= 2,
                  let top = labelTop[block[0]], let page = pages.first(where: { $0.number == top.page }) else { continue }
            // The header's upper bound: the table's caption, or the previous block's last label.
            let above: Double
            if k == 0 {
                guard table.source.page == top.page else { continue }
                above = tableBox.y0 - 1
            } else {
                guard let previous = labelTop[blocks[k - 1].last!], previous.page == top.page else { continue }
                above = previous.y + 0.6 * h
            }
            // Header words above the block's first row, right of the labels ("none" marks of the row
            // before are not header words).
            let header = page.words.filter { w in
                !isNumber(w.text) && !CellReader.isNotApplicable(w.text) && w.box.midY > above && w.box.midY < top.y - 0.2 * h
                    && w.box.midX > labelRight
            }
            guard let centers = headerColumns(header, count: width, h: h) else { continue }
            let pitch = zip(centers.dropFirst(), centers).map { $0 - $1 }.min()!
            for r in block where flagged.contains(r) {
                guard let own = labelTop[r], let nextRow = rows.first(where: { $0 > r }), let next = labelTop[nextRow],
                      own.page == next.page, next.y > own.y + 0.5 * h,
                      let p = pages.first(where: { $0.number == own.page }) else { continue }
                let zone = p.words.filter { w in
                    isNumber(w.text) && w.box.midY > own.y - 0.6 * h && w.box.midY < next.y - 0.1 * h
                        && w.box.midX > centers.first! - 0.6 * pitch && w.box.midX < centers.last! + 0.6 * pitch
                }.map { (page: own.page, word: $0) }
                guard !zone.contains(where: { item in confirmed.contains { $0 == item.word.box } }) else { continue }
                let merged = mergeWrapped(zone, centers: centers, pitch: pitch, h: h)
                let ys = merged.map { $0.word.box.midY }
                guard let y0 = ys.min(), let y1 = ys.max(), y1 - y0 <= 0.45 * h else { continue }
                var taken: [Int: PDFWord] = [:]
                var fits = true
                for item in merged {
                    guard let c = column(of: item.word.box.midX, centers: centers, pitch: pitch), taken[c] == nil else { fits = false; break }
                    taken[c] = item.word
                }
                guard fits else { continue }
                let ordered = dataCells[r]!.sorted { table.cells[$0].column < table.cells[$1].column }
                out[r] = ordered.enumerated().map { k, i in (i, Placed(text: taken[k]?.text, page: own.page, box: taken[k]?.box)) }
            }
        }
        return out
    }

    /// The centres of `count` columns from the header words above them: clusters of the words'
    /// centres, without the group titles — words wider than a column, or a title no wider than one
    /// standing alone midway between two columns (`行政诉讼` over ten columns). Nil unless exactly
    /// `count` tight clusters remain, at least a line's height apart.
    static func headerColumns(_ header: [PDFWord], count: Int, h: Double) -> [Double]? {
        func clustersOf(_ words: [PDFWord]) -> [[Double]] {
            let xs = words.map(\.box.midX).sorted()
            guard let x0 = xs.first else { return [] }
            var out: [[Double]] = [[x0]]
            for x in xs.dropFirst() {
                if x - out[out.count - 1].last! <= 0.25 * h { out[out.count - 1].append(x) } else { out.append([x]) }
            }
            return out
        }
        let all = clustersOf(header).map { $0.reduce(0, +) / Double($0.count) }
        let gaps = zip(all.dropFirst(), all).map { $0 - $1 }.sorted()
        guard !gaps.isEmpty else { return nil }
        let typical = gaps[gaps.count / 2]
        var clusters = clustersOf(header.filter { $0.box.x1 - $0.box.x0 <= 1.2 * typical })
        if clusters.count > count {
            let means = clusters.map { $0.reduce(0, +) / Double($0.count) }
            let midway = clusters.indices.filter { k in
                k > 0 && k < clusters.count - 1 && clusters[k].count == 1
                    && means[k] - means[k - 1] < 0.7 * typical && means[k + 1] - means[k] < 0.7 * typical
            }
            if clusters.count - midway.count == count {
                clusters = clusters.indices.filter { !midway.contains($0) }.map { clusters[$0] }
            }
        }
        guard clusters.count == count else { return nil }
        let centers = clusters.map { $0.reduce(0, +) / Double($0.count) }
        let pitch = zip(centers.dropFirst(), centers).map { $0 - $1 }.min() ?? 0
        guard pitch > h, clusters.allSatisfy({ ($0.last! - $0.first!) <= 0.15 * pitch }) else { return nil }
        return centers
    }

    /// A table of one data row (table 四) the reader left empty: its columns are where the header's
    /// words above it stand (one cluster of header words per data cell, the group titles centred over
    /// their columns), and its values the one line of numbers right below the header. Anything else
    /// (another count of clusters, a second line of numbers, a number between columns) leaves it empty.
    ///
    /// A page break may fall inside the table: the caption, or the caption and the header's first
    /// lines, at the foot of one page and the rest at the head of the next. When no number stands
    /// below the caption on its page, the header goes on at the next page's head, down to its first
    /// number (columns keep their x across pages). A running head there joins the header's words,
    /// the clusters no longer count one per cell, and the row stays empty.
    static func readSingleRow(_ table: Table, dataCells: [Int: [Int]], values: [Value], doubtful: Set<Int>,
                              pages: [PDFPage]) -> (Int, [(Int, Placed)])? {
        guard dataCells.count == 1, let (row, cells) = dataCells.first, cells.count >= 3,
              doubtful.contains(row) || (values.isEmpty && cells.allSatisfy({ table.cells[$0].quality?.isLost == true })),
              let captionPage = table.source.page, let top = table.source.box?.y0,
              let page = pages.first(where: { $0.number == captionPage }) else { return nil }
        func byHeight(_ words: [PDFWord]) -> [PDFWord] { words.sorted { $0.box.midY < $1.box.midY } }
        let belowCaption = page.words.filter { $0.box.y0 >= top - 1 }
        var header = belowCaption.filter { !isNumber($0.text) }
        var numbers = byHeight(belowCaption.filter { isNumber($0.text) })
        var pageNumber = captionPage
        // The header's words on the page the values stand on (none when the header ended a page before).
        var headerAbove: [PDFWord]
        if numbers.isEmpty, let next = pages.first(where: { $0.number == captionPage + 1 }) {
            numbers = byHeight(next.words.filter { isNumber($0.text) })
            guard let first = numbers.first else { return nil }
            headerAbove = next.words.filter { !isNumber($0.text) && $0.box.midY < first.box.midY }
            header += headerAbove
            pageNumber = next.number
        } else {
            guard let first = numbers.first else { return nil }
            header = header.filter { $0.box.midY < first.box.midY }
            headerAbove = header
        }
        guard let first = numbers.first, !header.isEmpty else { return nil }
        let heights = header.map { $0.box.y1 - $0.box.y0 }.sorted()
        let h = max(heights[heights.count / 2], 1)
        if let headerBottom = headerAbove.map(\.box.y1).max() {
            guard first.box.y0 >= headerBottom - 0.3 * h, first.box.y0 - headerBottom <= 3 * h else { return nil }
        }
        guard let centers = headerColumns(header, count: cells.count, h: h) else { return nil }
        let pitch = zip(centers.dropFirst(), centers).map { $0 - $1 }.min()!
        // The numbers right below the header, within the columns' span: exactly one line.
        let zone = numbers.filter { $0.box.midX > centers.first! - 0.6 * pitch && $0.box.midX < centers.last! + 0.6 * pitch
            && $0.box.midY < first.box.midY + 2.5 * h }.map { (page: pageNumber, word: $0) }
        let merged = mergeWrapped(zone, centers: centers, pitch: pitch, h: h, oneRow: true)
        let ys = merged.map { $0.word.box.midY }
        guard let y0 = ys.min(), let y1 = ys.max(), y1 - y0 <= 0.45 * h else { return nil }
        var taken: [Int: PDFWord] = [:]
        for item in merged {
            guard let c = column(of: item.word.box.midX, centers: centers, pitch: pitch), taken[c] == nil else { return nil }
            taken[c] = item.word
        }
        let ordered = cells.sorted { table.cells[$0].column < table.cells[$1].column }
        return (row, ordered.enumerated().map { k, i in (i, Placed(text: taken[k]?.text, page: pageNumber, box: taken[k]?.box)) })
    }

    /// A number too wide for its cell wraps: its pieces stand stacked in one column, one text line
    /// apart, centred on the line the row's other numbers stand on. Such pieces are one number, read
    /// top to bottom — only when another column's number stands level with their centre and none
    /// level with a piece (in a table set without padding, two rows' numbers stack just as closely,
    /// but each stands level with its row's other numbers).
    ///
    /// With `oneRow` the zone holds the numbers of one row only (table 四's single row), so a stack
    /// has no neighbouring row's number in it: the whole stack is one number when it is centred on
    /// the line of single numbers (a number wrapped to three lines has its middle piece level with
    /// them), or when the row has no single number to be level with.
    static func mergeWrapped(_ zone: [(page: Int, word: PDFWord)], centers: [Double], pitch: Double, h: Double,
                             oneRow: Bool = false) -> [(page: Int, word: PDFWord)] {
        func column(_ w: PDFWord) -> Int? { TableGeometry.column(of: w.box.midX, centers: centers, pitch: pitch) }
        var stacks: [[Int]] = []
        var inStack = Set<Int>()
        let order = zone.indices.sorted { (zone[$0].page, zone[$0].word.box.midY) < (zone[$1].page, zone[$1].word.box.midY) }
        for i in order {
            guard let k = column(zone[i].word) else { continue }
            if let s = stacks.lastIndex(where: { st in
                let last = zone[st.last!]
                return last.page == zone[i].page && column(last.word) == k
                    && zone[i].word.box.y0 - last.word.box.y1 <= 0.3 * h && zone[i].word.box.y0 > last.word.box.y0 + 0.5 * h
            }) {
                stacks[s].append(i)
            } else {
                stacks.append([i])
            }
        }
        var out: [(page: Int, word: PDFWord)] = []
        for st in stacks where st.count > 1 {
            let page = zone[st[0]].page
            let singles = stacks.filter { $0.count == 1 && zone[$0[0]].page == page }.map { zone[$0[0]].word.box.midY }
            func level(_ y: Double) -> Bool { singles.contains { abs($0 - y) <= 0.25 * h } }
            // A piece level with a single number is that row's own number (rows set without padding
            // stack as closely as wrapped lines); the others, top down, join into the fewest pieces
            // centred on a line of single numbers (two rows' wrapped numbers in one column stack as one run).
            var groups: [[Int]] = []
            var k = 0
            if oneRow, singles.isEmpty || level((zone[st[0]].word.box.midY + zone[st.last!].word.box.midY) / 2) {
                groups = [st]
                k = st.count
            }
            while k < st.count {
                if level(zone[st[k]].word.box.midY) { groups.append([st[k]]); k += 1; continue }
                guard let size = (2...max(2, st.count - k)).first(where: { n in
                    k + n <= st.count && !st[k..<(k + n)].contains { level(zone[$0].word.box.midY) }
                        && level((zone[st[k]].word.box.midY + zone[st[k + n - 1]].word.box.midY) / 2)
                }), k + size <= st.count else { break }
                groups.append(Array(st[k..<(k + size)]))
                k += size
            }
            guard k == st.count else { continue }
            for g in groups {
                var box = zone[g[0]].word.box
                for i in g.dropFirst() { box = box.union(zone[i].word.box) }
                out.append((page, PDFWord(text: g.map { zone[$0].word.text }.joined(), box: box, fontSize: zone[g[0]].word.fontSize)))
            }
            inStack.formUnion(st)
        }
        for i in zone.indices where !inStack.contains(i) { out.append(zone[i]) }
        return out
    }

    /// The column whose centre is nearest `x`, when within 0.3 of the column pitch; nil between columns.
    static func column(of x: Double, centers: [Double], pitch: Double) -> Int? {
        guard let nearest = centers.enumerated().min(by: { abs($0.element - x) < abs($1.element - x) }) else { return nil }
        return abs(nearest.element - x) <= 0.3 * pitch ? nearest.offset : nil
    }

    /// Digits, with a decimal point or thousands separators: a printed count or amount.
    static func isNumber(_ text: String) -> Bool {
        var digits = 0
        for u in text.unicodeScalars {
            if (0x30...0x39).contains(u.value) { digits += 1 } else if u != "." && u != "," { return false }
        }
        return digits > 0
    }
}
