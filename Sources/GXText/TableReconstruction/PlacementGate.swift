import GXModel
import GXTemplate

/// Puts a table read from text without real table structure (pdftotext in any mode, OCR: the
/// `spaced` format) through the template's `PlacementSolver`: the aligner's reading is one of the
/// solver's hypotheses, and every cell the solver cannot confirm becomes empty and `unplaced`
/// (null, lost, never filled by the equations), with one diagnostic per table saying why.
/// Tab-separated and cell-per-line exports carry their table's structure and skip this.
enum PlacementGate {
    static func check(_ rows: inout [AlignedRow], paths: [[CellPath]], tokens: [Token], through lastToken: Int,
                      key: StandardTableKey, variant: TemplateVariant, source: SourceLocation) -> [Diagnostic] {
        for r in rows.indices { rows[r].mayBeBlank = true }
        guard !tokens.isEmpty else { return [] }
        let end = min(max(lastToken, 0), tokens.count - 1)
        var stream: [PlacementToken] = []
        var indexOf: [Int: Int] = [:]
        stream.reserveCapacity(end + 1)
        // Label tokens the aligner matched to a row (fuzzily: OCR garbles labels) carry that row.
        var rowOfLabel: [Int: String] = [:]
        for (r, row) in rows.enumerated() where r < paths.count {
            for t in row.labelTokens { rowOfLabel[t] = paths[r].first?.row }
        }
        for (i, t) in tokens[0...end].enumerated() {
            switch t.kind {
            case .value:
                indexOf[place(t)] = stream.count
                stream.append(PlacementToken(.number, t.valueText, source: t.source))
            case .text:
                stream.append(PlacementToken(.label, t.text, source: t.source, row: rowOfLabel[i]))
            case .empty, .noise:
                continue
            }
        }
        // The aligner's own reading: rows found by their labels; rows it could not fit, with their numbers.
        var cells: [CellPath: Int?] = [:]
        var unfitted: [UnfittedRow] = []
        var unfittedTokens: [Int: [Token]] = [:]
        var misfit: Set<String> = []
        for (r, row) in rows.enumerated() where r < paths.count {
            switch row.values {
            case .readings: misfit.insert(paths[r].first?.row ?? "")
            case .lost(let seen, _) where !seen.isEmpty: misfit.insert(paths[r].first?.row ?? "")
            case .slots(let slots) where slots.contains(where: { $0 == nil }) && slots.contains(where: { $0 != nil }):
                misfit.insert(paths[r].first?.row ?? "")   // placed under column centres: fewer values than cells
            default: break
            }
            if case .readings(let readings, _) = row.values, let first = readings.first {
                let seen = first.compactMap { $0 }
                unfitted.append(UnfittedRow(paths: paths[r], tokens: seen.compactMap { indexOf[place($0)] }))
                unfittedTokens[r] = seen
                continue
            }
            guard case .slots(let slots) = row.values, slots.count == paths[r].count else { continue }
            for (k, slot) in slots.enumerated() {
                if let slot {
                    guard let i = indexOf[place(slot)] else { continue }
                    cells[paths[r][k]] = i
                } else {
                    cells[paths[r][k]] = .some(nil)
                }
            }
        }
        let outcome = PlacementSolver.solve(tokens: stream, table: key, variant: variant,
                                            proposed: [PlacementReading(name: "row labels", cells: cells, unfitted: unfitted, misfitRows: misfit)])
        var abstained: [String] = []
        for (r, row) in rows.enumerated() where r < paths.count {
            // A glued digit run the equations split one way only: handed on as the row's one reading,
            // which the report layer places with a repair record once the equations confirm it.
            let parts = paths[r].map { p -> String? in if case .split(_, let part, _) = outcome.decisions[p] { return part }; return nil }
            if let seen = unfittedTokens[r], parts.allSatisfy({ $0 != nil }) {
                var tokensOfSplit: [Token?] = []
                var at = 0
                for (k, part) in parts.enumerated() {
                    guard case .split(let t, _, _) = outcome.decisions[paths[r][k]]! else { continue }
                    while at < seen.count, indexOf[place(seen[at])] != t { at += 1 }
                    var piece = seen[min(at, seen.count - 1)]
                    piece.valueText = part!
                    piece.substituted = true
                    tokensOfSplit.append(piece)
                }
                rows[r].values = .readings([tokensOfSplit], seen: seen.map(\.text).joined(separator: " "))
                rows[r].note = "glued digits split by the equations"
                continue
            }
            // A row that printed some values but not one per cell may hold blank cells: which ones,
            // the text does not say, so the equations must not fill them either.
            if case .lost(let seen, let note) = row.values, !seen.isEmpty {
                for k in paths[r].indices where rows[r].abstain[k] == nil {
                    rows[r].abstain[k] = (seen, note + "; a short row may hold blank cells, so the equations do not fill it")
                    abstained.append(paths[r][k].description)
                }
                continue
            }
            // A row of which no value was read at all may have been printed blank, wholly or in
            // part: the text cannot tell, so the equations do not fill it either.
            if case .lost(_, let note) = row.values {
                for k in paths[r].indices where rows[r].abstain[k] == nil {
                    rows[r].abstain[k] = ("", note + "; no value of the row was read, and a row printed with blank cells looks the same, so the equations do not fill it")
                    abstained.append(paths[r][k].description)
                }
                continue
            }
            for (k, p) in paths[r].enumerated() {
                guard case .abstain(let why) = outcome.decisions[p] else { continue }
                var seen = ""
                if case .slots(let slots) = row.values, k < slots.count, let t = slots[k] { seen = t.text }
                rows[r].abstain[k] = (seen, why)
                abstained.append(p.description)
            }
        }
        guard !abstained.isEmpty else { return [] }
        return outcome.notes.map { note in
            Diagnostic(code: "GX-W-PLACEMENT", severity: .warning, message: note + "; their rules are not assessable",
                       messageZh: "表格数值位置无法确认，\(abstained.count) 个单元格置空，相关勾稽关系不予评判",
                       paths: abstained.sorted(), source: source)
        }
    }

    static func place(_ t: Token) -> Int { t.line &* 100_000 &+ t.offset }
}
