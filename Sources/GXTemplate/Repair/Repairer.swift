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
        let system = System(table, equations)
        var state = State(table: table, system: system)
        var diagnostics: [Diagnostic] = []
        var notes: [CellPath: (read: String, note: String)] = [:]

        for (p, q) in input.lost {
            state.setUnknown(p)
            notes[p] = (q.seen, q.note)
        }
        for row in input.rows {
            for p in row.paths { state.setUnknown(p); notes[p] = (row.seen, row.note) }
        }
        for (p, q) in input.unplaced {
            state.setUnknown(p)
            notes[p] = (q.seen, q.note)
        }

        // 1. Values read with doubt stay only where every equation over them holds.
        var dropped: [CellPath] = []
        for (e, eq) in equations.enumerated() where e < system.equations.count {
            let cells = eq.paths
            guard cells.contains(where: { input.uncertain[$0] != nil }), state.fullyKnown(e) else { continue }
            if !state.holds(e) {
                for p in cells where input.uncertain[p] != nil && !state.isUnknown(p) {
                    dropped.append(p)
                }
            }
        }
        for p in dropped where !state.isUnknown(p) {
            state.setUnknown(p)
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
        // Slots of placed rows that no reading printed a value for: a blank or a lost value, which
        // the text cannot tell apart; they stay null rather than take the equations' value.
        var blankOrLost: Set<CellPath> = []
        for _ in 0..<2 {
            var still: [RepairInput.AmbiguousRow] = []
            for row in pending {
                if let outcome = resolve(row, state: state) {
                    for (k, p) in row.paths.enumerated() {
                        guard let v = outcome.values[k] else { blankOrLost.insert(p); continue }
                        state.set(p, v)
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
        // A row no reading could place printed some values but not one per cell: in text without
        // table structure its cells may be blank, so the equations must not fill them.
        for row in pending where row.mayBeBlank { blankOrLost.formUnion(row.paths) }

        // 3. Lost values the equations determine.
        let solved = solve(state)
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
            } else if input.unplaced[p] == nil, !blankOrLost.contains(p), let v = system.index[p].flatMap({ solved.filled[$0] }) {
                let n = notes[p]
                setNumber(&table.cells[i], value: v.value, read: n?.read ?? "", rule: v.rule,
                          note: (n?.note.isEmpty == false ? n!.note + "; " : "") + "the only value \(v.rule) allows")
                repaired.append(p.description)
            } else if state.isUnknown(p) || input.unplaced[p] != nil {
                // An unplaced cell stays null and lost even where the equations would solve it.
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

    // MARK: Equation state (cells by index: the pass runs per reading of every ambiguous row)

    /// Equations over cell indexes of one table.
    struct System {
        var index: [CellPath: Int] = [:]
        var equations: [(code: String, left: [Int], right: [Int])] = []
        /// Equations each cell takes part in.
        var touching: [[Int]] = []

        init(_ table: StandardTable, _ equations: [TemplateEquation]) {
            for (i, cell) in table.cells.enumerated() { index[cell.path] = i }
            touching = [[Int]](repeating: [], count: table.cells.count)
            for eq in equations {
                let l = eq.left.compactMap { index[$0] }, r = eq.right.compactMap { index[$0] }
                guard l.count == eq.left.count, r.count == eq.right.count else { continue }
                for c in Set(l + r) { touching[c].append(self.equations.count) }
                self.equations.append((eq.code, l, r))
            }
        }
    }

    struct State {
        /// Integer values known (read, or already inferred), by cell index.
        var known: [Int?]
        /// Cells whose value is to be found.
        var unknown: [Bool]
        let system: System

        init(table: StandardTable, system: System) {
            self.system = system
            known = table.cells.map { $0.kind == .number ? $0.number?.integer : nil }
            unknown = [Bool](repeating: false, count: table.cells.count)
        }

        func knows(_ p: CellPath) -> Bool { system.index[p].map { known[$0] != nil } ?? false }
        func value(_ p: CellPath) -> Int? { system.index[p].flatMap { known[$0] } }
        func isUnknown(_ p: CellPath) -> Bool { system.index[p].map { unknown[$0] } ?? false }

        mutating func setUnknown(_ p: CellPath) {
            guard let i = system.index[p] else { return }
            known[i] = nil
            unknown[i] = true
        }

        mutating func set(_ p: CellPath, _ v: Int) {
            guard let i = system.index[p] else { return }
            known[i] = v
            unknown[i] = false
        }

        func holds(_ e: Int) -> Bool {
            let eq = system.equations[e]
            guard let l = Checked.sum(eq.left.map { known[$0]! }), let r = Checked.sum(eq.right.map { known[$0]! }) else { return false }
            return l == r
        }

        func fullyKnown(_ e: Int) -> Bool {
            let eq = system.equations[e]
            return eq.left.allSatisfy { known[$0] != nil } && eq.right.allSatisfy { known[$0] != nil }
        }

        /// True when no equation over any of `cells` is broken: a fully known one must hold, and
        /// one with unknowns on one side only must leave them a non-negative sum (counts are ≥ 0).
        func consistent(around cells: [Int]) -> Bool {
            var seen = Set<Int>()
            for c in cells {
                for e in system.touching[c] where seen.insert(e).inserted {
                    let eq = system.equations[e]
                    // Values are at most 15 digits (CellReader), so a sum that does not fit is no reading.
                    guard let l = Checked.sum(eq.left.map { known[$0] ?? 0 }),
                          let r = Checked.sum(eq.right.map { known[$0] ?? 0 }) else { return false }
                    let openLeft = eq.left.contains { known[$0] == nil }
                    let openRight = eq.right.contains { known[$0] == nil }
                    switch (openLeft, openRight) {
                    case (false, false): if l != r { return false }
                    case (true, false): if l > r { return false }
                    case (false, true): if r > l { return false }
                    case (true, true): continue
                    }
                }
            }
            return true
        }
    }

    struct Solved {
        var state: State
        var filled: [Int: (value: Int, rule: String)]
        var conflicts: Set<Int>
    }

    /// Fills unknowns one equation at a time: an equation with one unknown gives its value; one
    /// whose unknowns all sit on one side and must add up to 0 makes them all 0 (counts are
    /// non-negative). A value two equations disagree on, or a negative one, is not filled.
    static func solve(_ start: State) -> Solved {
        var state = start
        let system = state.system
        var filled: [Int: (value: Int, rule: String)] = [:]
        var conflicts: Set<Int> = []
        var changed = true
        while changed {
            changed = false
            var candidates: [Int: [(Int, String)]] = [:]
            for eq in system.equations {
                var unknownLeft: [Int] = [], unknownRight: [Int] = []
                var usable = true
                var l = 0, r = 0
                for c in eq.left {
                    if let v = state.known[c], let t = Checked.add(l, v) { l = t } else if state.known[c] == nil, state.unknown[c], !conflicts.contains(c) { unknownLeft.append(c) } else { usable = false; break }
                }
                guard usable else { continue }
                for c in eq.right {
                    if let v = state.known[c], let t = Checked.add(r, v) { r = t } else if state.known[c] == nil, state.unknown[c], !conflicts.contains(c) { unknownRight.append(c) } else { usable = false; break }
                }
                guard usable, unknownLeft.isEmpty != unknownRight.isEmpty else { continue }
                let onLeft = !unknownLeft.isEmpty
                let cells = onLeft ? unknownLeft : unknownRight
                guard let sum = onLeft ? Checked.subtract(r, l) : Checked.subtract(l, r),
                      sum.magnitude < 1_000_000_000_000_000 else { continue }
                if cells.count == 1 {
                    candidates[cells[0], default: []].append((sum, eq.code))
                } else if sum <= 0 {
                    for u in cells { candidates[u, default: []].append((sum == 0 ? 0 : sum, eq.code)) }
                }
            }
            for (cell, options) in candidates {
                let values = Set(options.map(\.0))
                guard values.count == 1, let v = values.first, v >= 0 else { conflicts.insert(cell); continue }
                var codes: [String] = []
                for (_, code) in options where !codes.contains(code) { codes.append(code) }
                state.known[cell] = v
                state.unknown[cell] = false
                filled[cell] = (v, codes.joined(separator: ", "))
                changed = true
            }
        }
        // An inference an equation contradicts is withdrawn.
        for (cell, _) in filled where !state.consistent(around: [cell]) {
            state.known[cell] = nil
            state.unknown[cell] = true
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
    static func resolve(_ row: RepairInput.AmbiguousRow, state: State) -> Outcome? {
        let cells = row.paths.compactMap { state.system.index[$0] }
        guard cells.count == row.paths.count else { return nil }
        let rowCells = Set(cells)
        var outcomes: [[Int?]] = []
        var first: Outcome?
        // A slot some consistent reading leaves empty may have been printed blank: it is not placed.
        var printedEverywhere = [Bool](repeating: true, count: cells.count)
        for reading in row.readings where reading.count == cells.count {
            var trial = state
            var ok = true
            for (k, c) in cells.enumerated() {
                guard let slot = reading[k] else { continue }
                guard let v = CellReader.parseNumber(TextFold.fold(slot.text))?.integer, v >= 0 else { ok = false; break }
                trial.known[c] = v
                trial.unknown[c] = false
            }
            guard ok else { continue }
            // Every equation over the row fully known with the values as read must hold; in text
            // without table structure one must also exist, and reach beyond the row: filling the
            // empty slot from the row total and then finding the total consistent proves nothing
            // about where values go, and a row's own total holds whichever row's numbers were read
            // into it (the next row's, under a label wrapped around them).
            var checked = false
            var broken = false
            for c in cells {
                for e in state.system.touching[c] where trial.fullyKnown(e) {
                    guard trial.holds(e) else { broken = true; continue }
                    let eq = state.system.equations[e]
                    if !row.mayBeBlank || !rowCells.isSuperset(of: eq.left + eq.right) { checked = true }
                }
            }
            guard !broken, checked || !row.mayBeBlank else { continue }
            let solved = solve(trial)
            guard solved.conflicts.isDisjoint(with: rowCells), solved.state.consistent(around: cells) else { continue }
            let values = cells.map { solved.state.known[$0] }
            if row.mayBeBlank { for k in cells.indices where reading[k] == nil { printedEverywhere[k] = false } }
            if !outcomes.contains(where: { $0 == values }) { outcomes.append(values) }
            if outcomes.count > 1 { return nil }
            if first == nil {
                var codes: [String] = []
                for c in cells {
                    for e in state.system.touching[c] where solved.state.fullyKnown(e) {
                        let code = state.system.equations[e].code
                        if !codes.contains(code) { codes.append(code) }
                    }
                }
                first = Outcome(values: values, sources: cells.indices.map { reading[$0]?.source },
                                rule: codes.isEmpty ? "reading" : codes.sorted { $0 == "T3-ROW" || ($1 != "T3-ROW" && $0 < $1) }.joined(separator: ", "))
            }
        }
        guard outcomes.count == 1, var outcome = first, outcome.values.contains(where: { $0 != nil }) else { return nil }
        outcome.values = zip(outcomes[0], printedEverywhere).map { $1 ? $0 : nil }
        guard outcome.values.contains(where: { $0 != nil }) else { return nil }
        // A row no equation can check is not placed.
        return outcome.rule == "reading" ? nil : outcome
    }
}
