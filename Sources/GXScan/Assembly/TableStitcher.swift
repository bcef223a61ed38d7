import GXImaging
import GXModel

/// Turns the ruled tables of all pages into document tables. A table that ends one page and one
/// that starts the next with the same outer edges are one table broken by the page: their cells
/// are laid end to end in one grid, and header rows the continuation repeats (Word's and
/// LibreOffice's "repeat header row") are dropped when both their shape and their text match.
enum TableStitcher {
    /// A run of page fragments that form one table.
    struct Group {
        var fragments: [ScannedTable]
    }

    /// `isLastOnPage` / `isFirstOnPage` tell whether anything but page furniture stands below / above.
    static func groups(_ tables: [ScannedTable], pages: [Int: ScannedPage]) -> [Group] {
        var result: [Group] = []
        for t in tables {
            if let prev = result.last?.fragments.last, t.page == prev.page + 1,
               let prevPage = pages[prev.page], let page = pages[t.page],
               isLast(prev, on: prevPage), isFirst(t, on: page) {
                let tol = max(8, page.dpi / 20)
                if abs(prev.box.x - t.box.x) <= tol, abs(prev.box.maxX - t.box.maxX) <= tol {
                    result[result.count - 1].fragments.append(t)
                    continue
                }
            }
            result.append(Group(fragments: [t]))
        }
        return result
    }

    private static func isLast(_ t: ScannedTable, on page: ScannedPage) -> Bool {
        !page.tables.contains { $0.box.y > t.box.y } && !page.lines.contains { $0.box.y > t.box.maxY && !ProseBuilder.isPageFurniture($0.text) }
    }

    private static func isFirst(_ t: ScannedTable, on page: ScannedPage) -> Bool {
        !page.tables.contains { $0.box.y < t.box.y } && !page.lines.contains { $0.box.maxY < t.box.y && !ProseBuilder.isPageFurniture($0.text) }
    }

    /// The document table of one group; `number` is its 1-based place among the document's tables.
    static func table(_ group: Group, number: Int, dpi: Int) -> Table {
        // Every fragment's cells in one coordinate space: x from the first fragment's left edge,
        // y running on from one fragment to the next with a gap no cluster can bridge.
        let gap = 4 * max(6, dpi / 25)
        var virtual: [PixelBox] = []
        var owner: [(fragment: Int, cell: Int)] = []
        var offset = 0
        for (f, fragment) in group.fragments.enumerated() {
            for (c, cell) in fragment.cells.enumerated() {
                virtual.append(PixelBox(x: cell.box.x - fragment.box.x, y: cell.box.y - fragment.box.y + offset,
                                        width: cell.box.width, height: cell.box.height))
                owner.append((f, c))
            }
            offset += fragment.box.height + gap
        }
        let grid = CellGrid(boxes: virtual, tolerance: max(6, dpi / 25))
        // Which fragment each grid row belongs to, and each fragment's first row.
        var fragmentOfRow = [Int](repeating: 0, count: grid.rowCount)
        for placed in grid.cells {
            let v = placed.index
            for r in placed.row..<(placed.row + placed.rowSpan) where r < fragmentOfRow.count { fragmentOfRow[r] = owner[v].fragment }
        }
        func text(_ placed: CellGrid.Placed) -> String {
            let v = placed.index
            return group.fragments[owner[v].fragment].cells[owner[v].cell].text
        }
        var dropped = Set<Int>()
        for f in 1..<max(1, group.fragments.count) {
            guard let start = fragmentOfRow.firstIndex(of: f), let firstStart = fragmentOfRow.firstIndex(of: 0) else { continue }
            dropped.formUnion(repeatedHeader(grid, start: start, original: firstStart, text: text))
        }
        // The gap left between two fragments is a grid row no cell covers: not a printed row.
        var covered = [Bool](repeating: false, count: grid.rowCount)
        for placed in grid.cells {
            for r in placed.row..<min(grid.rowCount, placed.row + placed.rowSpan) { covered[r] = true }
        }
        var newRow = [Int](repeating: -1, count: grid.rowCount)
        var next = 0
        for r in 0..<grid.rowCount where !dropped.contains(r) && covered[r] { newRow[r] = next; next += 1 }

        let first = group.fragments[0]
        var table = Table(source: SourceLocation(table: number, page: first.page,
                                                 box: PageBox(first.box)))
        var ordinal: [Int: Int] = [:]
        for placed in grid.cells {
            guard newRow[placed.row] >= 0 else { continue }
            let v = placed.index
            let (f, c) = owner[v]
            let fragment = group.fragments[f]
            let scanned = fragment.cells[c]
            let row = newRow[placed.row]
            ordinal[row, default: 0] += 1
            var source = SourceLocation(table: number, row: row + 1, cell: ordinal[row]!, page: fragment.page,
                                        box: PageBox(scanned.box))
            source.confidence = scanned.text.isEmpty && scanned.quality == nil ? nil : max(0, min(100, scanned.confidence))
            var cell = TableCell(row: row, column: placed.column, rowSpan: placed.rowSpan, columnSpan: placed.columnSpan,
                                 blocks: [.paragraph(Paragraph(text: scanned.text, source: source))], source: source)
            cell.quality = scanned.quality
            table.place(cell)
        }
        return table
    }

    /// Rows at `start` that repeat the rows at `original` cell for cell (same columns, spans and
    /// text): a header the page break repeated. Stops at the first row that differs, and never
    /// cuts through a cell that spans on below.
    private static func repeatedHeader(_ grid: CellGrid, start: Int, original: Int,
                                       text: (CellGrid.Placed) -> String) -> [Int] {
        func anchored(_ r: Int) -> [CellGrid.Placed] { grid.cells.filter { $0.row == r } }
        var matched = 0
        while start + matched < grid.rowCount, original + matched < start {
            let a = anchored(original + matched), b = anchored(start + matched)
            guard !b.isEmpty, a.count == b.count,
                  zip(a, b).allSatisfy({ $0.column == $1.column && $0.columnSpan == $1.columnSpan && $0.rowSpan == $1.rowSpan
                                         && similar(text($0), text($1)) }) else { break }
            matched += 1
        }
        // Back off while a kept-out row's cell would reach past the dropped rows.
        while matched > 0, grid.cells.contains(where: { $0.row >= start && $0.row < start + matched && $0.row + $0.rowSpan > start + matched }) {
            matched -= 1
        }
        return Array(start..<(start + matched))
    }

    /// Two OCR readings of the same printed label: equal, or sharing most of their characters.
    static func similar(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = Set(a.filter { !$0.isWhitespace }), y = Set(b.filter { !$0.isWhitespace })
        guard !x.isEmpty, !y.isEmpty else { return false }
        return Double(x.intersection(y).count) / Double(x.union(y).count) >= 0.7
    }
}

extension PageBox {
    /// A scan's box: pixels of the straightened page image.
    init(_ b: PixelBox) { self.init(x0: Double(b.x), y0: Double(b.y), x1: Double(b.maxX), y1: Double(b.maxY)) }
}
