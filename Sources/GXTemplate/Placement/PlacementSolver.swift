import GXModel

/// Places the numbers of a table that came without real structure (pdftotext in any mode, OCR,
/// a PDF's text runs) into the template's cells — one mechanism for every such reader.
///
/// Readings are hypotheses about the order the numbers were printed in: the reader's own (rows
/// found by their labels), row by row, column by column, and columns announced by their headers.
/// The template's equations (spec §6: row totals, column balance, results total, table 四 totals)
/// are the evidence between them: a reading is ranked by how many fully known equations it breaks
/// and how many it satisfies. A cell keeps a value only when
///  - every reading nearly as good as the best puts the same value there, and
///  - no equation over it fails in the best reading (a failing equation means either the agency's
///    arithmetic is off or the reading misplaced values; from text alone the two cannot be told
///    apart, so its cells are left empty and the table's rules become not assessable).
/// Everything else is abstained: `null`, lost, with a reason. A wrong number is worse than none.
///
/// A row printed with fewer numbers than cells is split only where a glued digit run (`693665`)
/// has exactly one split the row's equations allow; that is recorded as a repair.
public enum PlacementSolver {
    /// Readings within this many satisfied equations of the best count as rivals.
    static let margin = 1

    public static func solve(tokens: [PlacementToken], table key: StandardTableKey, variant: TemplateVariant,
                             proposed: [PlacementReading], limits: PlacementLimits = .init()) -> Placement {
        let spec = Template.spec(key, variant)
        let equations = TemplateEquations.of(key, variant)
        var placement = Placement()
        let allPaths = spec.cellPaths.map(\.path)
        guard tokens.count <= limits.maxTokens else {
            for p in allPaths { placement.decisions[p] = .abstain("the table region holds \(tokens.count) tokens, over the solver's limit of \(limits.maxTokens)") }
            placement.notes.append("table \(key.rawValue): \(tokens.count) tokens exceed the placement limit; every cell left empty")
            placement.doubtful = true
            return placement
        }
        var readings = Array(proposed.prefix(limits.maxReadings))
        for r in orderReadings(tokens: tokens, spec: spec) where readings.count < limits.maxReadings {
            readings.append(r)
        }
        guard !readings.isEmpty else {
            for p in allPaths { placement.decisions[p] = .abstain("no reading of the table's numbers") }
            placement.doubtful = true
            placement.notes.append("table \(key.rawValue): no reading of its numbers; \(allPaths.count) cells left empty")
            return placement
        }

        // Rank the readings by the equations: fewest broken, then most satisfied.
        let support = lineSupport(tokens: tokens, spec: spec)
        let scored = readings.map { r -> (PlacementReading, Score) in
            var s = score(r, tokens: tokens, equations: equations)
            s.besideLabel = r.cells.reduce(0) { n, e in n + ((e.value).map { support.beside($0, e.key) ? 1 : 0 } ?? 0) }
            return (r, s)
        }
        let best = scored.min { a, b in
            if a.1.failed != b.1.failed { return a.1.failed < b.1.failed }
            if a.1.held != b.1.held { return a.1.held > b.1.held }
            if a.1.besideLabel != b.1.besideLabel { return a.1.besideLabel > b.1.besideLabel }
            return a.0.complete && !b.0.complete
        }!
        placement.reading = best.0.name
        let rivals = scored.filter { $0.0.name != best.0.name && $0.1.failed <= best.1.failed && $0.1.held + margin >= best.1.held
            && $0.1.besideLabel + margin >= best.1.besideLabel }

        var values = best.0.cells
        var repairs: [CellPath: Placement.Decision] = [:]
        // Rows too short for their cells: a glued run split only where the equations leave one way.
        var unfittedUnsupported = 0
        for row in best.0.unfitted {
            guard let first = row.paths.first else { continue }
            if !row.tokens.contains(where: { support.beside($0, first) }) {
                for p in row.paths { repairs[p] = .abstain("the row printed \(row.tokens.count) value(s) for \(row.paths.count) cells and no label of row \(first.row) stands beside them") }
                unfittedUnsupported += row.paths.count
            } else if let parts = split(row, tokens: tokens, equations: equations, known: values, limit: limits.maxSplits) {
                for (k, p) in row.paths.enumerated() { repairs[p] = parts[k] }
            } else {
                for p in row.paths { repairs[p] = .undecided }
            }
        }

        var disputed: [CellPath: String] = [:]
        for (reading, _) in rivals {
            for p in allPaths {
                guard let mine = values[p], let theirs = reading.cells[p] else { continue }
                let a = mine.map { tokens[$0].text }, b = theirs.map { tokens[$0].text }
                if a != b, disputed[p] == nil {
                    disputed[p] = "the \(best.0.name) and \(reading.name) readings of the text give \(a ?? "blank") and \(b ?? "blank"), and the equations cannot tell them apart"
                }
            }
        }
        for (p, why) in disputed { values[p] = nil; placement.decisions[p] = .abstain(why) }

        // Equations that fail in the kept reading: smallest first, each failing one empties its cells.
        func value(_ p: CellPath) -> Int?? {
            if disputed[p] != nil { return .none }
            if let r = repairs[p] { if case .split(_, let part, _) = r { return .some(Int(part)) }; return .none }
            guard let slot = values[p] else { return .none }
            guard let t = slot else { return .some(nil) }
            return .some(tokens[t].integer)
        }
        /// The two sides of the equation, nil when a cell of it has no value (or is in `skipping`).
        func sums(_ eq: TemplateEquation, skipping: [CellPath: String] = [:]) -> (Int, Int)? {
            var sums = (0, 0)
            for (side, paths) in [(0, eq.left), (1, eq.right)] {
                for p in paths {
                    guard skipping[p] == nil, case .some(.some(let v)) = value(p) else { return nil }
                    if side == 0 { sums.0 += v } else { sums.1 += v }
                }
            }
            return sums
        }
        // Equations that fail in the reading as it stands, before any cell is emptied: their rows,
        // and their cells that stand without a row-mate on their side (in a column sum or the
        // balance: the equations that see which column a value stands in).
        var failingRows: Set<String> = []
        var failing: Set<CellPath> = []
        for eq in equations {
            guard let s = sums(eq), s.0 != s.1 else { continue }
            failingRows.formUnion(eq.paths.map(\.row))
            failing.formUnion(aloneInTheirRow(eq))
        }
        var emptied: [CellPath: String] = [:]
        for eq in equations.sorted(by: { $0.paths.count < $1.paths.count }) {
            guard let sums = sums(eq, skipping: emptied), sums.0 != sums.1 else { continue }
            for p in eq.paths where emptied[p] == nil {
                emptied[p] = "\(eq.code) does not hold in the reading (\(sums.0) ≠ \(sums.1)): the text may have misplaced values or the report's arithmetic is off"
            }
        }
        for (p, why) in emptied { placement.decisions[p] = .abstain(why) }

        // A value whose row the text does not show (no label of the row beside it) stays only when
        // the reading used every number of the table in template order and satisfied more equations
        // than it broke (the cells of broken ones are emptied above). Table 二 has no equations, so
        // there order alone never suffices: plain pdftotext prints its columns in varying orders.
        let complete = best.0.complete && best.1.held > best.1.failed
        var unsupported = 0
        for p in allPaths where placement.decisions[p] == nil && !complete {
            guard case .some(.some(let t)) = values[p], !support.beside(t, p) else { continue }
            placement.decisions[p] = .abstain("no label of row \(p.row) stands beside the value \(tokens[t].text) (line \(tokens[t].source.line)), and no complete reading confirms it")
            unsupported += 1
        }
        // A row of a block (rows sharing their columns) printed more or fewer numbers than cells:
        // the block has a blank or its numbers came in another order, and where no equation
        // covers the cells nothing tells which. Its values stay only where they stand on a line
        // with a label of their own row.
        let covered = Set(equations.flatMap(\.paths))
        var misfit = 0
        for block in printedBlocks(spec) {
            guard let row = block.first(where: { best.0.misfitRows.contains($0.row) })?.row else { continue }
            for p in block where placement.decisions[p] == nil && !covered.contains(p) {
                guard case .some(.some(let t)) = values[p], !support.sameLine(t, p) else { continue }
                placement.decisions[p] = .abstain("row \(row) of the same block printed a number of values that does not fit its cells, and no label of row \(p.row) stands on the line of \(tokens[t].text) (line \(tokens[t].source.line))")
                misfit += 1
            }
        }
        unsupported += misfit
        // On a table with equations, a number no fully known equation confirms (a piece of a number
        // wrapped in a narrow column, a decimal point OCR invented) is not kept either.
        var unconfirmed = 0
        if !equations.isEmpty {
            func kept(_ p: CellPath) -> Int? {
                if placement.decisions[p] != nil { return nil }
                if let r = repairs[p] { if case .split(_, let part, _) = r { return Int(part) }; return nil }
                guard case .some(.some(let t)) = values[p] else { return nil }
                return tokens[t].integer
            }
            // A row's own total (T3-ROW, T4-SUM) holds however the row's parts are ordered, so it
            // confirms a part's column only
            //  - where an equation of the template sees the part alone in its row (a column total,
            //    the balance) and does not fail in the reading: a column sum off by what two parts
            //    of a row would trade is the sign of a row printed out of order, as plain pdftotext
            //    does; or
            //  - where the text shows the order itself: the whole row on one line, left to right;
            //    or, for parts no equation sees alone (table 四's), the printed row's numbers in
            //    one run with no label between them.
            let columnSeen = Set(equations.flatMap(aloneInTheirRow))
            let rowCells = Dictionary(grouping: allPaths, by: \.row)
            func printedInOrder(_ row: String) -> Bool {
                var last: SourceLocation?
                for p in rowCells[row] ?? [] {
                    guard repairs[p] == nil, case .some(.some(let t)) = values[p], tokens[t].source.line > 0 else { return false }
                    let here = tokens[t].source
                    if let l = last, l.line != here.line || l.column >= here.column { return false }
                    last = here
                }
                return last != nil
            }
            // Rows printed on one row of the form (table 四's three groups) share one run of
            // numbers: where an equation over one of them fails and the text broke the run up
            // (header pieces between its numbers), where the others begin and end is in doubt too
            // (a row of zeros fits any of them).
            var printedWith: [String: Set<String>] = [:]
            for gridRow in TemplateLayout.layout(key, variant).rows {
                let rows = Set(gridRow.compactMap { cell -> String? in if case .value(let p) = cell.content { return p.row }; return nil })
                for r in rows { printedWith[r] = rows }
            }
            /// The numbers of the row's printed row (table 四: all three groups) come one after
            /// another in the template's order, no label between them: the order the content was
            /// written in. Weaker than one line, as plain pdftotext reorders within such runs, so it
            /// confirms only parts no equation could contradict (table 四's).
            func printedAsOneRun(_ row: String) -> Bool {
                let rows = printedWith[row] ?? [row]
                var indices: [Int] = []
                for p in allPaths where rows.contains(p.row) {
                    guard repairs[p] == nil, case .some(.some(let t)) = values[p] else { return false }
                    indices.append(t)
                }
                guard let first = indices.first, let last = indices.last, zip(indices, indices.dropFirst()).allSatisfy({ $0 < $1 }) else { return false }
                return !tokens[first...last].contains { $0.kind == .label }
            }
            // Worked out once per row: the confirmations below ask for every cell of every equation.
            let inOrder = rowCells.mapValues { printedInOrder($0[0].row) }
            let asOneRun = rowCells.mapValues { printedAsOneRun($0[0].row) }
            func boundaryInDoubt(_ row: String) -> Bool {
                inOrder[row] != true && asOneRun[row] != true && (printedWith[row] ?? []).contains { $0 != row && failingRows.contains($0) }
            }
            var confirmed: Set<CellPath> = []
            for eq in equations {
                let l = eq.left.map(kept), r = eq.right.map(kept)
                guard !l.contains(where: { $0 == nil }), !r.contains(where: { $0 == nil }) else { continue }
                guard l.reduce(0, { $0 + $1! }) == r.reduce(0, { $0 + $1! }) else { continue }
                for side in [eq.left, eq.right] {
                    for p in side where !boundaryInDoubt(p.row) {
                        let mates = side.filter { $0 != p && $0.row == p.row && kept($0) != kept(p) }
                        if mates.isEmpty || inOrder[p.row] == true
                            || (columnSeen.contains(p) && !(failing.contains(p) && mates.contains(where: failing.contains)))
                            || (!columnSeen.contains(p) && asOneRun[p.row] == true) {
                            confirmed.insert(p)
                        }
                    }
                }
            }
            // A zero beside a blank in the same row can trade places with it unseen by any sum.
            var rowsWithBlank: Set<String> = []
            for p in allPaths { if case .some(.none) = values[p] { rowsWithBlank.insert(p.row) } }
            for p in allPaths where placement.decisions[p] == nil {
                guard case .some(.some(let t)) = values[p], repairs[p] == nil else { continue }
                if !confirmed.contains(p) {
                    placement.decisions[p] = .abstain("no equation of the table confirms the value \(tokens[t].text) read for it")
                    unconfirmed += 1
                } else if tokens[t].integer == 0, rowsWithBlank.contains(p.row) {
                    placement.decisions[p] = .abstain("a 0 in a row with a blank cell: which of the two is where, no equation can tell")
                    unconfirmed += 1
                }
            }
        }
        for p in allPaths where placement.decisions[p] == nil {
            if let r = repairs[p] { placement.decisions[p] = r; continue }
            switch values[p] {
            case .some(.some(let t)): placement.decisions[p] = .token(t)
            case .some(.none): placement.decisions[p] = .blank
            // No reading placed anything here: the reader's own flag (a lost value) stands.
            case .none: placement.decisions[p] = .undecided
            }
        }
        unsupported += unfittedUnsupported
        let unsure = emptied.count + disputed.count + unsupported + unconfirmed
        if unsure > 0 {
            placement.doubtful = !emptied.isEmpty || unsupported > 0
            let lines = placement.abstained.compactMap { p -> Int? in
                guard let slot = values[p] ?? best.0.cells[p], let t = slot else { return nil }
                return tokens[t].source.line
            }.filter { $0 > 0 }
            let range = lines.isEmpty ? "" : " between lines \(lines.min()!)–\(lines.max()!)"
            placement.notes.append("table \(key.rawValue): placement could not be confirmed\(range); \(unsure) cell(s) left empty"
                + (emptied.isEmpty ? "" : "; \(emptied.count) where equations fail in the best reading (misplaced values or the report's own arithmetic)")
                + (disputed.isEmpty ? "" : "; \(disputed.count) where readings disagree")
                + (unsupported == 0 ? "" : "; \(unsupported) whose row the text does not show")
                + (unconfirmed == 0 ? "" : "; \(unconfirmed) no equation confirms"))
        }
        return placement
    }

    /// The equation's cells that no cell of their own row joins on their side (a column sum's, the
    /// balance's, a row total's `total`): the equation sees which row and column each stands in.
    static func aloneInTheirRow(_ eq: TemplateEquation) -> [CellPath] {
        [eq.left, eq.right].flatMap { side in side.filter { p in !side.contains { $0 != p && $0.row == p.row } } }
    }

    // MARK: Readings the token order allows

    /// Template rows as printed: table 四's three groups stand on one printed row. Rows of one
    /// block share their columns and are printed under one header (table 二: one per item).
    static func printedBlocks(_ spec: TableSpec) -> [[CellPath]] {
        if spec.table == .reviewLitigation { return [] }
        let byKey = Dictionary(spec.rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var blocks: [[RowSpec]] = []
        for keys in TemplateLayout.printedBlocks(spec.table, spec.variant) {
            let rows = keys.compactMap { byKey[$0] }
            // Rows of one header share their columns; split where they do not (never in the template).
            for row in rows {
                let cols = (row.columns.isEmpty ? spec.columns : row.columns).map(\.key)
                if let last = blocks.last?.last, rows.contains(where: { $0.key == last.key }),
                   (last.columns.isEmpty ? spec.columns : last.columns).map(\.key) == cols {
                    blocks[blocks.count - 1].append(row)
                } else {
                    blocks.append([row])
                }
            }
        }
        return blocks.map { rows in
            let cols = (rows[0].columns.isEmpty ? spec.columns : rows[0].columns).map(\.key)
            return cols.flatMap { c in rows.map { CellPath(spec.table, $0.key, c) } }
        }
    }

    /// Row by row, column by column (within blocks of rows sharing their columns), and columns
    /// announced by their header labels. Only orders that use every number exactly once count.
    public static func orderReadings(tokens: [PlacementToken], spec: TableSpec) -> [PlacementReading] {
        let numbers = tokens.indices.filter { tokens[$0].kind == .number }
        let paths = spec.cellPaths.map(\.path)
        var out: [PlacementReading] = []
        if numbers.count == paths.count {
            out.append(PlacementReading(name: "row-major", cells: Dictionary(uniqueKeysWithValues: zip(paths, numbers.map { Optional($0) })), complete: true))
            let columnOrder = printedBlocks(spec).flatMap { $0 }
            if columnOrder.count == paths.count, columnOrder != paths {
                out.append(PlacementReading(name: "column-major", cells: Dictionary(uniqueKeysWithValues: zip(columnOrder, numbers.map { Optional($0) })), complete: true))
            }
        }
        if let announced = headerAnnounced(tokens: tokens, spec: spec) { out.append(announced) }
        return out
    }

    /// Each column header label announces that the numbers after it fill that column, row by row
    /// (the first block of rows with that column still open). Nil unless every number lands.
    static func headerAnnounced(tokens: [PlacementToken], spec: TableSpec) -> PlacementReading? {
        var labelOf: [String: String] = [:]
        for row in spec.rows { for c in (row.columns.isEmpty ? spec.columns : row.columns) { for l in c.labels { labelOf[LabelNormalizer.normalize(l)] = c.key } } }
        let blocks = printedBlocks(spec)
        guard !blocks.isEmpty else { return nil }
        var filled: [CellPath: Int?] = [:]
        var open: [CellPath] = []
        var sawHeader = false
        for (i, t) in tokens.enumerated() {
            switch t.kind {
            case .label:
                guard let column = labelOf[LabelNormalizer.normalize(t.text)] else { continue }
                sawHeader = true
                open = []
                for block in blocks {
                    let cells = block.filter { $0.column == column && filled[$0] == nil }
                    if !cells.isEmpty { open = cells; break }
                }
            case .number:
                guard !open.isEmpty else { return nil }
                filled[open.removeFirst()] = i
            }
        }
        guard sawHeader, filled.count == spec.cellPaths.count else { return nil }
        return PlacementReading(name: "column headers", cells: filled, complete: true)
    }

    // MARK: Judging

    struct Score { var held = 0; var failed = 0; var besideLabel = 0 }

    /// Whether number token t is beside its row's label, by the text alone:
    ///  - a piece of label on the same line names that row and no other (`由大量反复`; `申请` names none),
    ///    or the reader matched it to that row, or
    ///  - the nearest naming pieces before and after it both name that row (a wrapped label around it), or
    ///  - the label text read since the previous number (in line and column order, pieces joined)
    ///    ends with the row's whole label: the row was printed, then its numbers (`-raw`, wrapped
    ///    labels) — unless, in a cell no equation covers, the number stands alone on its line, the
    ///    label text after it opens with another row's whole label, and the text does not print
    ///    every row's numbers after its label (counts that fit throughout): then it may as well be
    ///    that row's, printed before it.
    /// Labels are compared by their Han characters only (numbering, brackets and line breaks differ).
    public struct Support {
        /// The number stands beside its row's label (any of the ways above).
        public var beside: (Int, CellPath) -> Bool
        /// A label piece on the number's own line names its row.
        public var sameLine: (Int, CellPath) -> Bool
    }

    static func lineSupport(tokens: [PlacementToken], spec: TableSpec) -> Support {
        let rowKeys = spec.rows.map { ($0.key, $0.labels.map { hanKey(LabelNormalizer.normalize($0)) }.filter { !$0.isEmpty }) }
        var onLine: [Int: [String]] = [:]
        var run: [Unicode.Scalar] = [], runLong: [Unicode.Scalar] = []
        var lastWasNumber = true
        var before = [(all: String, long: String)?](repeating: nil, count: tokens.count)
        // How many numbers came between that label text and the number: a row's label supports
        // only as many numbers after it as the row has cells (the next ones are another row's
        // whose label was printed after them, or wrapped around them).
        var numbersSinceLabel = [Int](repeating: 0, count: tokens.count)
        var since = 0
        let order = tokens.indices.sorted { a, b in
            let x = tokens[a].source, y = tokens[b].source
            return x.line != y.line ? x.line < y.line : (x.column != y.column ? x.column < y.column : a < b)
        }
        for i in order {
            let t = tokens[i]
            if t.kind == .number {
                before[i] = (String(String.UnicodeScalarView(run)), String(String.UnicodeScalarView(runLong)))
                numbersSinceLabel[i] = since
                since += 1
                lastWasNumber = true
                continue
            }
            let key = hanKey(LabelNormalizer.normalize(t.text))
            if lastWasNumber { run = []; runLong = []; since = 0 }
            lastWasNumber = false
            run += key.unicodeScalars
            // One character alone is most often a vertical group label (`度`, `三`) cutting through.
            if key.unicodeScalars.count >= 2 || t.row != nil {
                runLong += key.unicodeScalars
                if t.source.line > 0 { onLine[t.source.line, default: []].append(t.row.map { "#" + $0 } ?? key) }
            }
        }
        var rowOfPiece: [String: String?] = [:]
        func rowNamed(by piece: String) -> String? {
            if piece.hasPrefix("#") { return String(piece.dropFirst()) }   // the reader's own match
            if let known = rowOfPiece[piece] { return known }
            let rows = rowKeys.filter { $0.1.contains { $0.contains(piece) } }
            let found = rows.count == 1 ? rows[0].0 : nil
            rowOfPiece[piece] = .some(found)
            return found
        }
        // The rows named by the nearest naming pieces before and after each number (text order).
        var between = [(String?, String?)](repeating: (nil, nil), count: tokens.count)
        var named: String?
        func names(_ t: PlacementToken) -> String? {
            if let r = t.row { return r }
            let key = hanKey(LabelNormalizer.normalize(t.text))
            return key.unicodeScalars.count >= 2 ? rowNamed(by: key) : nil
        }
        for i in order {
            if tokens[i].kind == .number { between[i].0 = named; continue }
            if let r = names(tokens[i]) { named = r }
        }
        named = nil
        for i in order.reversed() {
            if tokens[i].kind == .number { between[i].1 = named; continue }
            if let r = names(tokens[i]) { named = r }
        }
        // The label text read after each number up to the next one (text order): when it opens
        // with another row's whole label, the number may be that row's, printed before its label
        // (plain pdftotext prints a table's values before its labels as often as after them).
        // Only for a number alone on its line (numbers sharing a line are one row's, whatever label
        // text follows them), and in cells no equation covers: where equations do, they check
        // the reading (a row read one label off breaks the column sums at the group's ends).
        let covered = Set(TemplateEquations.of(spec.table, spec.variant).flatMap(\.paths))
        var numbersOnLine: [Int: Int] = [:]
        for t in tokens where t.kind == .number && t.source.line > 0 { numbersOnLine[t.source.line, default: 0] += 1 }
        var after = [String?](repeating: nil, count: tokens.count)
        var ahead: [Unicode.Scalar] = []
        for i in order.reversed() {
            if tokens[i].kind == .number {
                after[i] = String(String.UnicodeScalarView(ahead))
                ahead = []
                continue
            }
            ahead.insert(contentsOf: hanKey(LabelNormalizer.normalize(tokens[i].text)).unicodeScalars, at: 0)
        }
        // Which way the text prints its rows: count the rows followed by exactly as many numbers as
        // they have cells before the next row is named (labels first), and those preceded by as
        // many since the previous one (labels after). Labels first is settled only when markedly
        // more rows fit that way (blanks make a row fit neither).
        var rowsNamed: [(row: String, numbersBefore: Int)] = []
        var pending = 0
        for i in order {
            if tokens[i].kind == .number { pending += 1; continue }
            guard let r = names(tokens[i]), r != rowsNamed.last?.row else { continue }
            rowsNamed.append((r, pending))
            pending = 0
        }
        let widthOf = Dictionary(spec.rows.map { ($0.key, ($0.columns.isEmpty ? spec.columns : $0.columns).count) },
                                 uniquingKeysWith: { a, _ in a })
        var firstFits = 0, afterFits = 0
        for (k, event) in rowsNamed.enumerated() {
            let following = k + 1 < rowsNamed.count ? rowsNamed[k + 1].numbersBefore : pending
            if widthOf[event.row] == following { firstFits += 1 }
            if widthOf[event.row] == event.numbersBefore { afterFits += 1 }
        }
        let labelsFirst = firstFits >= afterFits + 2
        let labelsOf = Dictionary(rowKeys, uniquingKeysWith: { a, _ in a })
        func sameLine(_ t: Int, _ path: CellPath) -> Bool {
            guard let pieces = onLine[tokens[t].source.line] else { return false }
            return pieces.contains { rowNamed(by: $0) == path.row }
        }
        return Support(beside: { t, path in
            if sameLine(t, path) { return true }
            if between[t].0 == path.row, between[t].1 == path.row { return true }
            guard let b = before[t], let labels = labelsOf[path.row], numbersSinceLabel[t] < widthOf[path.row] ?? 0 else { return false }
            guard labels.contains(where: { b.all.hasSuffix($0) || b.long.hasSuffix($0) }) else { return false }
            if !labelsFirst, !covered.contains(path), numbersOnLine[tokens[t].source.line, default: 0] <= 1, let a = after[t], !a.isEmpty,
               rowKeys.contains(where: { $0.0 != path.row && $0.1.contains { !$0.isEmpty && a.hasPrefix($0) } }) {
                return false
            }
            return true
        }, sameLine: sameLine)
    }

    /// The Han characters of a label: what identifies it whatever numbering, brackets or breaks.
    static func hanKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars where (0x4E00...0x9FFF).contains(u.value) || (0x3400...0x4DBF).contains(u.value) { out.append(u) }
        return String(out)
    }

    static func score(_ reading: PlacementReading, tokens: [PlacementToken], equations: [TemplateEquation]) -> Score {
        var s = Score()
        for eq in equations {
            var sums = (0, 0), known = true
            for p in eq.left { guard let t = reading.cells[p] ?? nil, let v = tokens[t].integer else { known = false; break }; sums.0 += v }
            if known { for p in eq.right { guard let t = reading.cells[p] ?? nil, let v = tokens[t].integer else { known = false; break }; sums.1 += v } }
            guard known else { continue }
            if sums.0 == sums.1 { s.held += 1 } else { s.failed += 1 }
        }
        return s
    }

    // MARK: Glued digit runs

    /// Splits the row's digit runs so that it has one number per cell and every equation over the
    /// row whose other cells are known holds — at least one of them reaching beyond the row. Only a
    /// unique outcome is returned.
    public static func split(_ row: UnfittedRow, tokens: [PlacementToken], equations: [TemplateEquation],
                             known: [CellPath: Int?], limit: Int) -> [Placement.Decision]? {
        let width = row.paths.count
        let pieces = row.tokens.map { tokens[$0].text }
        guard !pieces.isEmpty, pieces.count < width, pieces.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) else { return nil }
        let inRow = Set(row.paths)
        let relevant = equations.filter { eq in eq.paths.contains { inRow.contains($0) } && eq.paths.allSatisfy { p in inRow.contains(p) || (known[p] ?? nil) != nil } }
        // A row printed short may simply have blank cells: a split needs an equation beyond the row
        // (a column total, the balance) to confirm it, not only the row's own total.
        guard relevant.contains(where: { eq in eq.paths.contains { !inRow.contains($0) } }) else { return nil }
        var outcomes: [[(token: Int, part: String)]] = []
        var tried = 0
        var current: [(token: Int, part: String)] = []
        func accept() -> Bool {
            var v: [CellPath: Int] = [:]
            for (k, p) in row.paths.enumerated() { v[p] = Int(current[k].part) }
            for eq in relevant {
                func val(_ p: CellPath) -> Int? { v[p] ?? (known[p] ?? nil).flatMap { tokens[$0].integer } }
                var l = 0, r = 0
                for p in eq.left { guard let x = val(p) else { return false }; l += x }
                for p in eq.right { guard let x = val(p) else { return false }; r += x }
                if l != r { return false }
            }
            return true
        }
        func go(_ i: Int, _ rest: Substring, _ cellsLeft: Int) {
            guard tried < limit, outcomes.count < 2 else { return }
            if rest.isEmpty {
                if i + 1 == pieces.count {
                    if cellsLeft == 0 { tried += 1; if accept() { outcomes.append(current) } }
                } else {
                    go(i + 1, Substring(pieces[i + 1]), cellsLeft)
                }
                return
            }
            guard cellsLeft > 0 else { return }
            // The next number takes a prefix of the rest: no leading zero unless it is "0" itself.
            for len in 1...rest.count {
                let part = rest.prefix(len)
                if part.count > 1, part.first == "0" { break }
                current.append((row.tokens[i], String(part)))
                go(i, rest.dropFirst(len), cellsLeft - 1)
                current.removeLast()
            }
        }
        go(0, Substring(pieces[0]), width)
        guard outcomes.count == 1 else { return nil }
        let rule = relevant.map(\.code).joined(separator: ", ")
        return outcomes[0].map { .split(token: $0.token, part: $0.part, rule: rule) }
    }
}
