import GXImaging

/// A ruled table found on one page: its outer box and the boxes of the cells its lines enclose.
struct RuledTable {
    var box: PixelBox
    /// Cell interiors (inside the lines), in page pixels; a merged cell is one box.
    var cells: [PixelBox]
}

/// Finds ruled tables from their lines, the way a reader sees them: long thin horizontal and
/// vertical runs of ink (leptonica opening with a long brick removes the text and keeps the
/// rules), tables as the connected line networks, and cells as the white regions the lines
/// enclose, so merged cells come out as one region without any guessing.
enum RulingGrid {
    /// Shortest run kept as a rule, in inches: longer than a character's stroke (≈0.15″), shorter
    /// than the narrowest column (≈0.45″) and the lowest row (≈0.25″) of the template's tables.
    static let horizontalRun = 0.3
    static let verticalRun = 0.2

    static func tables(in binary: Raster, dpi: Int) -> [RuledTable] {
        let h = max(8, Int(Double(dpi) * horizontalRun))
        let v = max(6, Int(Double(dpi) * verticalRun))
        // Opening keeps the rules; the closing after it bridges small breaks (noise, blur).
        let gap = max(3, dpi / 30)
        guard let horizontal = binary.morph("o\(h).1 + c\(gap).1"),
              let vertical = binary.morph("o1.\(v) + c1.\(gap)"),
              let lines = horizontal.union(vertical) else { return [] }
        let minWidth = dpi, minHeight = dpi / 3
        var result: [RuledTable] = []
        for box in lines.components(connectivity: 8) where box.width >= minWidth && box.height >= minHeight {
            // A table has both kinds of rule: at least two of each inside its box.
            let hRules = horizontal.clipped(box)?.components(connectivity: 8).filter { $0.width >= box.width / 3 }.count ?? 0
            let vRules = vertical.clipped(box)?.components(connectivity: 8).filter { $0.height >= minHeight / 2 }.count ?? 0
            guard hRules >= 2, vRules >= 2, let cells = cellBoxes(lines, table: box, dpi: dpi), !cells.isEmpty else { continue }
            result.append(RuledTable(box: box, cells: cells))
        }
        return result.sorted { $0.box.y < $1.box.y }
    }

    /// The white regions enclosed by the table's lines, as page boxes.
    private static func cellBoxes(_ lines: Raster, table: PixelBox, dpi: Int) -> [PixelBox]? {
        // Thicken the rules a little so that a junction with a pixel missing still closes.
        let pad = max(1, dpi / 150)
        guard let local = lines.clipped(table), let closed = local.morph("d\(2 * pad + 1).\(2 * pad + 1)"),
              let holes = closed.inverted() else { return nil }
        let minSide = max(4, dpi / 20)
        var cells: [PixelBox] = []
        for c in holes.components(connectivity: 4) {
            // The outside of the table touches its border; specks between double rules are tiny.
            if c.x == 0 || c.y == 0 || c.maxX >= table.width || c.maxY >= table.height { continue }
            if c.width < minSide || c.height < minSide { continue }
            cells.append(PixelBox(x: table.x + c.x - pad, y: table.y + c.y - pad, width: c.width + 2 * pad, height: c.height + 2 * pad))
        }
        return cells
    }
}

/// Cell boxes turned into a grid of rows and columns: every distinct cell edge (clustered within
/// a tolerance, since a rule has a thickness and scans wobble) is a grid line, and each cell spans
/// the grid lines its edges fall on.
struct CellGrid {
    struct Placed {
        var box: PixelBox
        /// Index of the box in the input list.
        var index: Int
        var row: Int, column: Int, rowSpan: Int, columnSpan: Int
    }

    var rowCount: Int
    var columnCount: Int
    var cells: [Placed]

    /// `boxes` in one coordinate space (a table stitched across pages uses a running y).
    init(boxes: [PixelBox], tolerance: Int) {
        let xs = CellGrid.cluster(boxes.flatMap { [$0.x, $0.maxX] }, tolerance: tolerance)
        let ys = CellGrid.cluster(boxes.flatMap { [$0.y, $0.maxY] }, tolerance: tolerance)
        func index(_ v: Int, _ lines: [Int]) -> Int {
            var best = 0
            for (i, l) in lines.enumerated() where abs(l - v) < abs(lines[best] - v) { best = i }
            return best
        }
        var placed: [Placed] = []
        for (i, b) in boxes.enumerated() {
            let c0 = index(b.x, xs), c1 = index(b.maxX, xs), r0 = index(b.y, ys), r1 = index(b.maxY, ys)
            guard c1 > c0, r1 > r0 else { continue }
            placed.append(Placed(box: b, index: i, row: r0, column: c0, rowSpan: r1 - r0, columnSpan: c1 - c0))
        }
        placed.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        cells = placed
        rowCount = max(0, ys.count - 1)
        columnCount = max(0, xs.count - 1)
    }

    /// Centres of groups of values no further than `tolerance` from their neighbour.
    static func cluster(_ values: [Int], tolerance: Int) -> [Int] {
        let sorted = values.sorted()
        var result: [Int] = []
        var group: [Int] = []
        for v in sorted {
            if let last = group.last, v - last > tolerance {
                result.append(group[group.count / 2])
                group.removeAll(keepingCapacity: true)
            }
            group.append(v)
        }
        if !group.isEmpty { result.append(group[group.count / 2]) }
        return result
    }
}
