import GXModel

/// Restores values a text or OCR reader lost, and checks the values it read with doubt, using only
/// the template's equations (spec §6). A value is filled only where the equations leave exactly one
/// possible non-negative integer; an ambiguous row is placed only when every placement the equations
/// allow gives the same values. Everything else stays unknown (null) with a diagnostic: a wrong
/// number is far worse than an unknown one. Cells the reader did not flag are never touched.
public enum Repairer {
    public static func apply(_ input: RepairInput, to table: inout StandardTable) -> [Diagnostic] {
        guard !input.isEmpty else { return [] }
        let equations = table.variant.map { TemplateEquations.of(table.key, $0) } ?? []
        var state = State(table: table)
        var diagnostics: [Diagnostic] = []
        var notes: [CellPath: (read: String, note: String)] = [:]

        for (p, q) in input.lost {
            state.unknown.insert(p)
            notes[p] = (q.seen, q.note)
        }
        for row in input.rows {
            for p in row.paths { state.unknown.insert(p); notes[p] = (row.seen, row.note) }
        }

        // 1. Values read with doubt stay only where every equation over them holds.
        var dropped: [CellPath] = []
        for eq in equations {
            let cells = eq.paths
            guard cells.contains(where: { input.uncertain[$0] != nil }),
                  cells.allSatisfy({ state.known[$0] != nil }) else { continue }
            if !state.holds(eq) {
                for p in cells where input.uncertain[p] != nil && !state.unknown.contains(p) {
                    dropped.append(p)
                }
            }
        }
        for p in dropped where !state.unknown.contains(p) {
            state.known[p] = nil
            state.unknown.insert(p)
            let q = input.uncertain[p]!
            notes[p] = (q.seen, "read as \(q.seen) but the equations over it do not hold")
        }
        if !dropped.isEmpty {
            let unique = Array(Set(dropped)).sorted()
            diagnostics.append(Diagnostic(code: "GX-W-OCR-DROPPED", severity: .warning,
                message: "\(unique.count) value(s) read by OCR contradict the table's equations and were discarded",
                messageZh: "\(unique.count) 个识别值与表内勾稽关系矛盾，已舍弃", paths: unique.map(\.description)))
        }

        // 2. Ambiguous rows: keep the one outcome every consistent reading agrees on.
        var placed: [CellPath: (value: Int, text: String, source: SourceLocation, rule: String, note: String)] = [:]
        var pending = input.rows
        for _ in 0..<2 {
            var still: [RepairInput.AmbiguousRow] = []
            for row in pending {
                if let outcome = resolve(row, state: state, equations: equations) {
                    for (k, p) in row.paths.enumerated() {
                        guard let v = outcome.values[k] else { continue }
                        state.known[p] = v
                        state.unknown.remove(p)
                        placed[p] = (v, String(v), outcome.sources[k] ?? .unknown, outcome.rule,
                                     "\(row.note); every reading the equations allow gives \(outcome.values.map { $0.map(String.init) ?? "?" }.joined(separator: " "))")
                    }
                } else {
                    still.append(row)
                }
            }
            pending = still
            if pending.isEmpty { break }
        }

        // 3. Lost values the equations determine.
        let solved = solve(state, equations: equations)
        state = solved.state

        // Write back.
        var repaired: [String] = []
        var lost: [String] = []
        for i in table.cells.indices {
            let p = table.cells[i].path
            if let v = placed[p] {
                setNumber(&table.cells[i], value: v.value, read: notes[p]?.read ?? "", rule: v.rule, note: v.note)
                if v.source.line > 0 {
                    table.cells[i].source.line = v.source.line
                    table.cells[i].source.column = v.source.column
                }
                repaired.append(p.description)
            } else if let v = solved.filled[p] {
                let n = notes[p]
                setNumber(&table.cells[i], value: v.value, read: n?.read ?? "", rule: v.rule,
                          note: (n?.note.isEmpty == false ? n!.note + "; " : "") + "the only value \(v.rule) allows")
                repaired.append(p.description)
            } else if state.unknown.contains(p) {
                table.cells[i].text = ""
                table.cells[i].kind = .blank
                table.cells[i].number = nil
                table.cells[i].lost = true
                lost.append(p.description)
            }
        }
        if !repaired.isEmpty {
            diagnostics.append(Diagnostic(code: "GX-I-INFERRED", severity: .info,
                message: "\(repaired.count) value(s) the reader lost were restored from the table's equations (see each cell's repair)",
                messageZh: "\(repaired.count) 个缺失值已按表内勾稽关系唯一确定并补齐", paths: repaired))
        }
        if !lost.isEmpty {
            diagnostics.append(Diagnostic(code: "GX-W-VALUE-LOST", severity: .warning,
                message: "\(lost.count) value(s) could not be read and are not determined by the table's equations; they are null",
                messageZh: "\(lost.count) 个数值无法识别且无法由勾稽关系确定，置为空", paths: lost, source: table.source))
        }
        return diagnostics
    }

    static func setNumber(_ cell: inout ReportCell, value: Int, read: String, rule: String, note: String) {
        cell.text = String(value)
        cell.kind = .number
        cell.number = PrintedNumber(canonical: String(value))
        cell.lost = false
        cell.repair = Repair(read: read, inferred: String(value), rule: rule, note: note)
    }

    // MARK: Equation state

    struct State {
        /// Integer values known (read, or already inferred).
        var known: [CellPath: Int] = [:]
        /// Cells whose value is to be found.
        var unknown: Set<CellPath> = []

        init(table: StandardTable) {
            for cell in table.cells where cell.kind == .number {
                if let n = cell.number, let v = n.integer { known[cell.path] = v }
            }
        }

        func holds(_ eq: TemplateEquation) -> Bool {
            eq.left.reduce(0) { $0 + known[$1]! } == eq.right.reduce(0) { $0 + known[$1]! }
        }

        /// True when no fully known equation over any of `paths` is broken.
        func consistent(around paths: Set<CellPath>, _ equations: [TemplateEquation]) -> Bool {
            for eq in equations where eq.paths.contains(where: paths.contains) {
                if eq.paths.allSatisfy({ known[$0] != nil }), !holds(eq) { return false }
            }
            return true
        }
    }

    struct Solved {
        var state: State
        var filled: [CellPath: (value: Int, rule: String)]
        var conflicts: Set<CellPath>
    }

    /// Fills unknowns one equation at a time: an equation with one unknown gives its value; one
    /// whose unknowns all sit on one side and must add up to 0 makes them all 0 (counts are
    /// non-negative). A value two equations disagree on, or a negative one, is not filled.
    static func solve(_ start: State, equations: [TemplateEquation]) -> Solved {
        var state = start
        var filled: [CellPath: (value: Int, rule: String)] = [:]
        var conflicts: Set<CellPath> = []
        var changed = true
        while changed {
            changed = false
            var candidates: [CellPath: [(Int, String)]] = [:]
            for eq in equations {
                let unknownCells = eq.paths.filter { state.unknown.contains($0) && !conflicts.contains($0) }
                guard !unknownCells.isEmpty,
                      eq.paths.allSatisfy({ state.known[$0] != nil || state.unknown.contains($0) }),
                      !eq.paths.contains(where: conflicts.contains) else { continue }
                let l = eq.left.reduce(0) { $0 + (state.known[$1] ?? 0) }
                let r = eq.right.reduce(0) { $0 + (state.known[$1] ?? 0) }
                let onLeft = unknownCells.allSatisfy(eq.left.contains)
                let onRight = unknownCells.allSatisfy(eq.right.contains)
                guard onLeft || onRight else { continue }
                let sum = onLeft ? r - l : l - r
                if unknownCells.count == 1 {
                    candidates[unknownCells[0], default: []].append((sum, eq.code))
                } else if sum == 0 {
                    for u in unknownCells { candidates[u, default: []].append((0, eq.code)) }
                } else if sum < 0 {
                    for u in unknownCells { candidates[u, default: []].append((sum, eq.code)) }
                }
            }
            for (cell, options) in candidates {
                let values = Set(options.map(\.0))
                guard values.count == 1, let v = values.first, v >= 0 else { conflicts.insert(cell); continue }
                var codes: [String] = []
                for (_, code) in options where !codes.contains(code) { codes.append(code) }
                state.known[cell] = v
                state.unknown.remove(cell)
                filled[cell] = (v, codes.joined(separator: ", "))
                changed = true
            }
        }
        // An inference a fully known equation contradicts is withdrawn.
        for (cell, _) in filled where !state.consistent(around: [cell], equations) {
            state.known[cell] = nil
            state.unknown.insert(cell)
            filled[cell] = nil
            conflicts.insert(cell)
        }
        return Solved(state: state, filled: filled, conflicts: conflicts)
    }

    struct Outcome {
        var values: [Int?]
        var sources: [SourceLocation?]
        var rule: String
    }

    /// Tries every reading of an ambiguous row against the equations; returns the outcome when all
    /// readings that break no equation agree on it.
    static func resolve(_ row: RepairInput.AmbiguousRow, state: State, equations: [TemplateEquation]) -> Outcome? {
        let rowCells = Set(row.paths)
        var outcomes: [[Int?]] = []
        var first: Outcome?
        for reading in row.readings where reading.count == row.paths.count {
            var trial = state
            var ok = true
            for (k, p) in row.paths.enumerated() {
                guard let slot = reading[k] else { continue }
                guard let v = CellReader.parseNumber(LabelNormalizer.fold(slot.text))?.integer, v >= 0 else { ok = false; break }
                trial.known[p] = v
                trial.unknown.remove(p)
            }
            guard ok else { continue }
            let solved = solve(trial, equations: equations)
            guard solved.conflicts.isDisjoint(with: rowCells), solved.state.consistent(around: rowCells, equations) else { continue }
            let values = row.paths.map { solved.state.known[$0] }
            if !outcomes.contains(where: { $0 == values }) { outcomes.append(values) }
            if first == nil {
                let rules = equations.filter { eq in
                    eq.paths.contains(where: rowCells.contains) && eq.paths.allSatisfy { solved.state.known[$0] != nil }
                }.map(\.code)
                var unique: [String] = []
                for r in rules where !unique.contains(r) { unique.append(r) }
                first = Outcome(values: values, sources: row.paths.indices.map { reading[$0]?.source },
                                rule: unique.isEmpty ? "reading" : unique.joined(separator: ", "))
            }
        }
        guard outcomes.count == 1, var outcome = first, outcome.values.contains(where: { $0 != nil }) else { return nil }
        outcome.values = outcomes[0]
        // Every cell of the row carries the placement's rules; a row the equations cannot check is not placed.
        return outcome.rule == "reading" ? nil : outcome
    }
}
