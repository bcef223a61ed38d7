import GXModel
import GXTemplate

/// One standard table rebuilt from a text region as the real template grid (merged cells as spans),
/// so the shared `ReportBuilder` maps it exactly as it maps a DOCX table.
struct BuiltTable {
    var table: Table
    /// Last line index (into the lines array) the table used; lines after it are prose again.
    var lastLine: Int
    var diagnostics: [Diagnostic] = []
    /// The region looks like OCR output (debris, `|` rules, rows whose counts do not fit).
    var ocrSignals: Bool
}

enum StandardTableBuilder {
    static func build(_ region: Region, lines: [TextLine], format: LineFormat, ocr: Bool, solver: Bool = true,
                      budget: TextBudget) throws -> BuiltTable {
        var (tokens, cut) = try Tokenizer.tokens(lines, range: region.start..<region.end, format: format, ocr: ocr, budget: budget)
        // Label keys of the text tokens, worked out once for the header and both variants' alignments.
        var keys = tokens.map { $0.kind == .text ? LabelScore.key($0.text) : [] }
        var headerExcluded = region.key == .requests ? headerTokens(tokens, keys: keys) : []
        let columnAligned = format == .spaced && LayoutReorder.isColumnAligned(tokens)
        if columnAligned {
            let order: [Int]
            (tokens, headerExcluded, order) = LayoutReorder.reorder(tokens, excluded: headerExcluded)
            keys = order.map { keys[$0] }
        }
        let source = lines[region.start].location(at: 0)
        var signals = tokens.contains { $0.kind == .noise || $0.substituted }
            || lines[region.start..<region.end].contains { $0.text.utf8.contains(0x7C) && $0.text.contains("|") }
        var wrapped: [Diagnostic] = []
        if columnAligned {
            let spec = Template.spec(region.key, .v2021)
            let width = spec.rows.map { ($0.columns.isEmpty ? spec.columns : $0.columns).count }.max() ?? 1
            let marked = markWrappedNumbers(&tokens, excluded: headerExcluded, rowWidth: width)
            if let first = marked.min() {
                let at = tokens[first]
                wrapped.append(Diagnostic(code: "GX-W-VALUE-LOST", severity: .warning,
                    message: "\(marked.count) number piece(s) stand on lines of their own next to a row's numbers, in its columns (from line \(at.source.line)): numbers wrapped in a narrow column; the rows they touch are not read",
                    messageZh: "\(marked.count) 个数字片段与相邻行的数字同列，疑为窄列中折行的数字，相关行不予读取",
                    source: at.source))
            }
        }
        var result: BuiltTable
        switch region.key {
        case .requests:
            let excluded = headerExcluded
            let variants: [TemplateVariant] = [.v2021, .v2019]
            let alignments = try variants.map { v in
                try RowAligner.align(tokens, keys: keys, excluded: excluded, plans: .of(.requests, v), format: format, ocr: ocr,
                                     lines: lines, budget: budget)
            }
            // 2019 prints （六）其他处理 as one data row; 2021 splits it into three long, distinctive labels.
            func found(_ a: Alignment, _ key: String) -> Bool { a.rows.contains { $0.plan.key == key && !$0.labelTokens.isEmpty } }
            let only2019 = found(alignments[1], "other_handling")
                && !found(alignments[0], "other_overdue_correction") && !found(alignments[0], "other_overdue_fee")
            let pick = only2019 || alignments[1].score > alignments[0].score + 0.5 ? 1 : 0
            var alignment = alignments[pick]
            signals = signals || alignment.mismatches > 0
            var gate: [Diagnostic] = []
            if solver, format == .spaced {
                gate = PlacementGate.check(&alignment.rows, paths: rowPaths(.requests, variants[pick]), tokens: tokens,
                                           through: alignment.lastToken, key: .requests, variant: variants[pick], source: source)
            }
            let headerLast = excluded.map { tokens[$0].line }.max() ?? region.start
            result = BuiltTable(table: requestsGrid(alignment, tokens: tokens, variant: variants[pick], source: source, ocr: ocr),
                                lastLine: max(headerLast, tokens.indices.contains(alignment.lastToken) ? tokens[alignment.lastToken].line : region.start),
                                ocrSignals: signals)
            result.diagnostics += notes(alignment, table: Template.number(of: .requests), format: format, ocr: ocr, source: source) + gate
        case .activeDisclosure:
            let variants: [TemplateVariant] = [.v2021, .v2019]
            let alignments = try variants.map { v in
                try RowAligner.align(tokens, keys: keys, excluded: [], plans: .of(.activeDisclosure, v), format: format, ocr: ocr,
                                     lines: lines, budget: budget)
            }
            func quality(_ a: Alignment) -> Double { a.score - Double(a.mismatches) }
            // Column headers name the variant outright when only one variant's appear (row labels
            // of the two differ little, and a row with blanks fits either).
            let header = variantHeaders(keys)
            let pick = header.v2019 > 0 && header.v2021 == 0 ? 1
                : header.v2021 > 0 && header.v2019 == 0 ? 0
                : quality(alignments[1]) > quality(alignments[0]) + 0.5 ? 1 : 0
            var alignment = alignments[pick]
            signals = signals || alignment.mismatches > 0
            var gate: [Diagnostic] = []
            if solver, format == .spaced {
                gate = PlacementGate.check(&alignment.rows, paths: rowPaths(.activeDisclosure, variants[pick]), tokens: tokens,
                                           through: alignment.lastToken, key: .activeDisclosure, variant: variants[pick], source: source)
            }
            result = BuiltTable(table: activeGrid(alignment, tokens: tokens, variant: variants[pick], source: source, ocr: ocr),
                                lastLine: tokens.indices.contains(alignment.lastToken) ? tokens[alignment.lastToken].line : region.start,
                                ocrSignals: signals)
            result.diagnostics += notes(alignment, table: Template.number(of: .activeDisclosure), format: format, ocr: ocr, source: source) + gate
        case .reviewLitigation:
            var (row, lastToken, mismatch) = reviewRow(tokens, format: format, ocr: ocr)
            signals = signals || mismatch
            var gate: [Diagnostic] = []
            if solver, format == .spaced {
                var rows = [row]
                gate = PlacementGate.check(&rows, paths: [rowPaths(.reviewLitigation, .v2021).flatMap { $0 }], tokens: tokens,
                                           through: lastToken ?? tokens.count - 1, key: .reviewLitigation, variant: .v2021, source: source)
                row = rows[0]
            }
            result = BuiltTable(table: reviewGrid(row, tokens: tokens, source: source, ocr: ocr),
                                lastLine: lastToken.map { tokens[$0].line } ?? region.start, ocrSignals: signals)
            result.diagnostics += gate
        }
        result.lastLine = max(result.lastLine, region.start)
        result.diagnostics += wrapped
        if let cut {
            let name = Template.number(of: region.key)
            result.diagnostics.append(Diagnostic(code: "GX-W-REGION-CUT", severity: .warning,
                message: "table \(name): its region holds more than \(budget.maxTableTokens) tokens; read up to line \(lines[cut].number), the rest as prose",
                messageZh: "表\(name)：表格区域超过 \(budget.maxTableTokens) 个片段，只读取到第 \(lines[cut].number) 行",
                source: lines[cut].location(at: 0)))
        }
        return result
    }

    /// In column-aligned text (`pdftotext -layout`, OCR) a number too wide for its column wraps:
    /// its pieces stand on consecutive lines (`90` above a row's `0 0 0 0 0`, `4` below it, for
    /// 904). Read as they stand, the pieces become numbers of their own. Marked as debris (so the
    /// rows they fall in do not fit and are lost, never filled with a piece):
    ///  - values directly above or below one another (their printed extents overlap) on
    ///    consecutive lines, one of which carries no label;
    ///  - every value of a label-less line holding fewer values than a row has cells, next to
    ///    another line with values.
    /// Returns the marked token indices.
    /// Pieces overlapping a neighbouring line's numbers count only in typeset columns
    /// (`LayoutReorder.typesetColumns`): `-raw` and OCR put one space between a row's numbers, so
    /// where a number stands on its line says nothing of its column there.
    static func markWrappedNumbers(_ tokens: inout [Token], excluded: Set<Int>, rowWidth: Int) -> [Int] {
        let typeset = LayoutReorder.typesetColumns(tokens)
        var valuesOn: [Int: [Int]] = [:]
        var labelled: Set<Int> = []
        for (i, t) in tokens.enumerated() {
            if t.kind == .value { valuesOn[t.line, default: []].append(i) }
            else if t.kind == .text, !excluded.contains(i) { labelled.insert(t.line) }
        }
        func extent(_ t: Token) -> (Double, Double) {
            let half = Double(DisplayWidth.of(t.text)) / 2
            return (t.x - half, t.x + half)
        }
        var marked: Set<Int> = []
        for (line, here) in valuesOn {
            for next in [line - 1, line + 1] {
                guard let there = valuesOn[next], !labelled.contains(line) || !labelled.contains(next) else { continue }
                if !labelled.contains(line), here.count < rowWidth { marked.formUnion(here) }
                guard typeset else { continue }
                for a in here {
                    let ea = extent(tokens[a])
                    for b in there {
                        let eb = extent(tokens[b])
                        if ea.0 < eb.1, eb.0 < ea.1 { marked.insert(a); marked.insert(b) }
                    }
                }
            }
        }
        for i in marked { tokens[i].kind = .noise }
        return marked.sorted()
    }

    /// The first four characters of each column header of table 二 that only one variant prints
    /// (`本年制发…` in 2021, `本年新制作…`, `上一年项目…` in 2019): enough to know a header wrapped
    /// in a narrow column.
    static let exclusiveHeaders: (v2021: [[UInt32]], v2019: [[UInt32]]) = {
        func heads(_ v: TemplateVariant) -> Set<[UInt32]> {
            let spec = Template.spec(.activeDisclosure, v)
            return Set(spec.rows.flatMap { $0.columns.flatMap(\.labels) }.map { Array(LabelScore.key($0).prefix(4)) }.filter { $0.count == 4 })
        }
        let a = heads(.v2021), b = heads(.v2019)
        return (Array(a.subtracting(b)), Array(b.subtracting(a)))
    }()

    static func variantHeaders(_ keys: [[UInt32]]) -> (v2021: Int, v2019: Int) {
        var counts = (v2021: 0, v2019: 0)
        for key in keys where key.count >= 4 {
            if exclusiveHeaders.v2021.contains(where: { LabelScore.contains(key, $0) }) { counts.v2021 += 1 }
            if exclusiveHeaders.v2019.contains(where: { LabelScore.contains(key, $0) }) { counts.v2019 += 1 }
        }
        return counts
    }

    /// Each template row's cell paths, left to right, in the aligner's row order.
    static func rowPaths(_ key: StandardTableKey, _ variant: TemplateVariant) -> [[CellPath]] {
        let spec = Template.spec(key, variant)
        return spec.rows.map { row in (row.columns.isEmpty ? spec.columns : row.columns).map { CellPath(key, row.key, $0.key) } }
    }

    // MARK: Header of table 三

    static let strongHeader = ["本列数据", "勾稽关系", "申请人情况", "法人或其他组织", "自然人", "商业企业"]
    static let headerFragments = strongHeader + ["第一项", "第二项", "第三项", "第四项", "之和", "其他组织", "商业企", "科研机", "社会公",
                                                 "法律服", "益组织", "务机构", "科研机构", "社会公益组织", "法律服务机构", "总计", "其他"]

    static let strongKeys = strongHeader.map(LabelScore.key)
    static let fragmentKeys = headerFragments.map(LabelScore.key)

    /// Tokens of table 三's header blocks (repeated on every page): they name columns, never rows.
    static func headerTokens(_ tokens: [Token], keys: [[UInt32]]) -> Set<Int> {
        var byLine: [Int: [Int]] = [:]
        var order: [Int] = []
        for (i, t) in tokens.enumerated() {
            if byLine[t.line] == nil { order.append(t.line) }
            byLine[t.line, default: []].append(i)
        }
        var excluded: Set<Int> = []
        var inHeader = false
        for line in order {
            let items = byLine[line]!
            let texts = items.filter { tokens[$0].kind == .text }.map { keys[$0] }
            let hasValue = items.contains { tokens[$0].kind == .value }
            let strong = texts.contains { t in strongKeys.contains { LabelScore.contains(t, $0) } }
            let weak = !texts.isEmpty && texts.allSatisfy { t in t.count <= 3 || fragmentKeys.contains { LabelScore.contains(t, $0) } }
            if !hasValue, strong || (inHeader && weak) {
                inHeader = true
                excluded.formUnion(items)
            } else if !hasValue, inHeader, texts.isEmpty {
                excluded.formUnion(items)
            } else {
                inHeader = false
            }
        }
        return excluded
    }

    // MARK: Cells

    @discardableResult
    static func valueCell(_ grid: inout GridBuilder, _ row: Int, _ column: Int, columnSpan: Int = 1, _ token: Token?,
                          blankIsLost: Bool, ocr: Bool, tokens: [Token]) -> Int {
        guard let token else {
            return grid.put(row, column, columnSpan: columnSpan, text: "", quality: blankIsLost ? ReadQuality(.lost, note: "value lost") : nil)
        }
        let quality: ReadQuality? = ocr || token.substituted
            ? ReadQuality(.uncertain, seen: token.text, note: token.substituted ? "OCR token fixed" : "read by OCR") : nil
        return grid.put(row, column, columnSpan: columnSpan, text: token.valueText, source: token.source,
                        bookmarks: token.bookmarks, quality: quality)
    }

    /// Writes one template row's data cells (`columns[k]` with `spans[k]`) from its aligned values.
    static func dataCells(_ grid: inout GridBuilder, row r: Int, columns: [Int], spans: [Int], _ aligned: AlignedRow,
                          ocr: Bool, tokens: [Token]) {
        switch aligned.values {
        case .slots(let slots):
            for (k, c) in columns.enumerated() {
                if let why = aligned.abstain[k] {
                    grid.put(r, c, columnSpan: spans[k], text: "", quality: ReadQuality(.unplaced, seen: why.seen, note: why.note))
                    continue
                }
                valueCell(&grid, r, c, columnSpan: spans[k], slots[k], blankIsLost: false, ocr: ocr, tokens: tokens)
            }
        case .readings(let readings, let seen):
            if !aligned.abstain.isEmpty {
                for (k, c) in columns.enumerated() {
                    let why = aligned.abstain[k] ?? (seen, aligned.note)
                    grid.put(r, c, columnSpan: spans[k], text: "", quality: ReadQuality(.unplaced, seen: why.seen, note: why.note))
                }
                return
            }
            for (k, c) in columns.enumerated() {
                grid.put(r, c, columnSpan: spans[k], text: "", quality: ReadQuality(.lost, seen: seen, note: aligned.note))
            }
            grid.table.rowReadings.append(RowReadings(row: r, columns: columns,
                readings: readings.map { $0.map { $0.map { SlotReading(text: $0.valueText, source: $0.source) } } },
                seen: seen, note: aligned.note, mayBeBlank: aligned.mayBeBlank))
        case .lost(let seen, let note):
            for (k, c) in columns.enumerated() {
                let why = aligned.abstain[k]
                grid.put(r, c, columnSpan: spans[k], text: "",
                         quality: why.map { ReadQuality(.unplaced, seen: $0.seen, note: $0.note) } ?? ReadQuality(.lost, seen: seen, note: note))
            }
        }
    }

    /// The printed label when the mapping reads it as this row, else the template's own label.
    static func labelText(_ aligned: AlignedRow, tokens: [Token], labels: [String], fallback: String) -> (String, SourceLocation?, [BookmarkMarker]) {
        guard let first = aligned.labelTokens.first else { return (fallback, nil, []) }
        let printed = aligned.labelTokens.map { tokens[$0].text }.joined()
        let marks = aligned.labelTokens.flatMap { tokens[$0].bookmarks }
        let normalized = LabelNormalizer.normalize(printed)
        let text = labels.contains { LabelNormalizer.normalize($0) == normalized } ? printed : fallback
        return (text, tokens[first].source, marks)
    }

    // MARK: Table 三

    static func requestsGrid(_ a: Alignment, tokens: [Token], variant: TemplateVariant, source: SourceLocation, ocr: Bool) -> Table {
        var g = GridBuilder(source: source)
        let spec = Template.spec(.requests, variant)
        g.put(0, 0, rowSpan: 3, columnSpan: 3, text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
        g.put(0, 3, columnSpan: 7, text: "申请人情况")
        g.put(1, 3, rowSpan: 2, text: "自然人")
        g.put(1, 4, columnSpan: 5, text: "法人或其他组织")
        g.put(1, 9, rowSpan: 2, text: "总计")
        for (k, label) in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].enumerated() { g.put(2, 4 + k, text: label) }

        let groupLabels = ["withheld": "（三）不予公开", "unavailable": "（四）无法提供", "declined": "（五）不予处理", "other": "（六）其他处理"]
        let numbering: [String: String] = [
            "new_received": "一、", "carried_over": "二、", "granted": "（一）", "partially_granted": "（二）", "other_handling": "（六）",
            "results_total": "（七）", "carried_forward": "四、"]
        var resultsStart: Int?
        var lastGroup: String?
        var counter = 0
        for (index, row) in spec.rows.enumerated() {
            let r = 3 + index
            let aligned = a.rows[index]
            let group = row.group
            if group != lastGroup { counter = 0 }
            counter += 1
            var fallback = row.labels[0]
            if let n = numbering[row.key] { fallback = n + fallback } else if group != nil, group != "results" { fallback = "\(counter).\(fallback)" }
            let (text, at, marks) = labelText(aligned, tokens: tokens, labels: row.labels, fallback: fallback)
            let labelIndex: Int
            switch group {
            case nil:
                labelIndex = g.put(r, 0, columnSpan: 3, text: text, source: at, bookmarks: marks)
            case "results":
                if resultsStart == nil { resultsStart = r }
                labelIndex = g.put(r, 1, columnSpan: 2, text: text, source: at, bookmarks: marks)
            default:
                if group != lastGroup {
                    let size = spec.rows.filter { $0.group == group }.count
                    g.put(r, 1, rowSpan: size, text: groupLabels[group!] ?? "")
                }
                labelIndex = g.put(r, 2, text: text, source: at, bookmarks: marks)
            }
            _ = labelIndex
            lastGroup = group
            dataCells(&g, row: r, columns: Array(3...9), spans: [Int](repeating: 1, count: 7), aligned, ocr: ocr, tokens: tokens)
        }
        if let start = resultsStart, let end = spec.rows.firstIndex(where: { $0.key == "results_total" }) {
            g.put(start, 0, rowSpan: 3 + end - start + 1, text: "三、本年度办理结果")
        }
        attachLooseBookmarks(&g, a, tokens: tokens)
        return g.table
    }

    // MARK: Table 二

    static func activeGrid(_ a: Alignment, tokens: [Token], variant: TemplateVariant, source: SourceLocation, ocr: Bool) -> Table {
        var g = GridBuilder(source: source)
        let spec = Template.spec(.activeDisclosure, variant)
        let blocks: [(String, [String])] = variant == .v2021
            ? [("（一）", ["regulations", "normative_documents"]), ("（五）", ["licensing"]), ("（六）", ["penalty", "coercion"]),
               ("（八）", ["fees"])]
            : [("（一）", ["regulations", "normative_documents"]), ("（五）", ["licensing", "other_services"]),
               ("（六）", ["penalty", "coercion"]), ("（八）", ["fees"]), ("（九）", ["procurement"])]
        var r = 0
        for (item, keys) in blocks {
            g.put(r, 0, columnSpan: 4, text: "第二十条第\(item)项")
            r += 1
            let columns = spec.row(keys[0])!.columns
            let spans = spansFor(columns.count)
            g.put(r, 0, text: "信息内容")
            for (k, column) in columns.enumerated() { g.put(r, 1 + k, columnSpan: spans[k], text: column.labels[0]) }
            r += 1
            for key in keys {
                let index = spec.rows.firstIndex { $0.key == key }!
                let (text, at, marks) = labelText(a.rows[index], tokens: tokens, labels: spec.rows[index].labels, fallback: spec.rows[index].labels[0])
                g.put(r, 0, text: text, source: at, bookmarks: marks)
                dataCells(&g, row: r, columns: (0..<columns.count).map { 1 + $0 }, spans: spans, a.rows[index], ocr: ocr, tokens: tokens)
                r += 1
            }
        }
        attachLooseBookmarks(&g, a, tokens: tokens)
        return g.table
    }

    static func spansFor(_ count: Int) -> [Int] {
        (0..<count).map { $0 == count - 1 ? 3 - $0 : 1 }
    }

    // MARK: Table 四

    static func reviewRow(_ tokens: [Token], format: LineFormat, ocr: Bool) -> (AlignedRow, Int?, Bool) {
        let plan = RowPlan(key: "review_litigation", labelKeys: [], short: false, width: 15)
        var row = AlignedRow(plan: plan)
        var values: [Int] = []
        var started = false
        var rowOfValues = -1
        for (i, t) in tokens.enumerated() {
            if started, t.kind == .text, t.text.count > 12 { break }
            if t.kind == .value || t.kind == .noise {
                values.append(i)
                started = true
                rowOfValues = t.line
            } else if format == .cellPerLine, t.kind == .empty, started, t.line >= rowOfValues, !t.rowStart {
                values.append(i)
            }
        }
        let found = values.map { tokens[$0] }
        let clean = found.filter { $0.kind != .noise }
        let seen = found.map(\.text).joined(separator: " ")
        var mismatch = false
        if clean.count == 15 {
            row.values = .slots(clean)
        } else if clean.isEmpty {
            row.values = .lost(seen: "", note: "table 四 printed no values")
        } else {
            mismatch = true
            row.note = "table 四 printed \(found.count) value(s) for 15 cells"
            if ocr, clean.count == found.count, let readings = RowAligner.readings(clean, width: 15) {
                row.values = .readings(readings, seen: seen)
            } else {
                row.values = .lost(seen: seen, note: row.note)
            }
        }
        // Trailing empty cells of the value row belong to it (cell-per-line exports).
        return (row, values.last, mismatch)
    }

    static func reviewGrid(_ row: AlignedRow, tokens: [Token], source: SourceLocation, ocr: Bool) -> Table {
        var g = GridBuilder(source: source)
        let review = g.put(0, 0, columnSpan: 5, text: "行政复议")
        let litigation = g.put(0, 5, columnSpan: 10, text: "行政诉讼")
        let labels = Template.reviewColumns.map { $0.labels[0] }
        var headerCells: [(Int, String)] = [(review, "行政复议"), (litigation, "行政诉讼")]
        for (k, label) in labels.enumerated() { headerCells.append((g.put(1, k, rowSpan: 2, text: label), label)) }
        headerCells.append((g.put(1, 5, columnSpan: 5, text: "未经复议直接起诉"), "未经复议直接起诉"))
        headerCells.append((g.put(1, 10, columnSpan: 5, text: "复议后起诉"), "复议后起诉"))
        for k in 0..<10 { headerCells.append((g.put(2, 5 + k, text: labels[k % 5]), labels[k % 5])) }
        dataCells(&g, row: 3, columns: Array(0..<15), spans: [Int](repeating: 1, count: 15), row, ocr: ocr, tokens: tokens)
        // Bookmarks on header text go to the header cell they name.
        let used = Set(rowTokens(row))
        for t in tokens.indices where !tokens[t].bookmarks.isEmpty && !used.contains(t) {
            let key = LabelScore.key(tokens[t].text)
            let best = headerCells.map { ($0.0, LabelScore.dice(key, LabelScore.key($0.1))) }.max { $0.1 < $1.1 }
            g.mark(best.map { $0.1 >= 0.8 ? $0.0 : 0 } ?? 0, tokens[t].bookmarks)
        }
        return g.table
    }

    static func rowTokens(_ row: AlignedRow) -> [Int] { row.labelTokens }

    /// Bookmarks on tokens that became neither a label nor a value cell: onto the header cell whose
    /// text they stood before, else the table's first cell.
    static func attachLooseBookmarks(_ g: inout GridBuilder, _ a: Alignment, tokens: [Token]) {
        let used = Set(a.rows.flatMap(\.labelTokens))
        var valueTokens: Set<Int> = []
        for row in a.rows { if case .slots(let s) = row.values { for t in s.compactMap({ $0 }) { valueTokens.insert(t.line * 100_000 + t.offset) } } }
        // Marking adds bookmarks, never text: the cells' keys are read once, when first needed.
        var cellKeys: [[UInt32]] = []
        for t in tokens.indices where !tokens[t].bookmarks.isEmpty && !used.contains(t) {
            if valueTokens.contains(tokens[t].line * 100_000 + tokens[t].offset) { continue }
            let key = LabelScore.key(tokens[t].text)
            if cellKeys.isEmpty { cellKeys = g.table.cells.map { LabelScore.key($0.text) } }
            var best = (index: 0, score: 0.0)
            for (i, cellKey) in cellKeys.enumerated() {
                let d = LabelScore.dice(key, cellKey)
                if d > best.score { best = (i, d) }
            }
            g.mark(best.score >= 0.8 ? best.index : 0, tokens[t].bookmarks)
        }
    }

    // MARK: Diagnostics

    static func notes(_ a: Alignment, table: String, format: LineFormat, ocr: Bool, source: SourceLocation) -> [Diagnostic] {
        let missing = a.rows.filter { $0.labelTokens.isEmpty }.map(\.plan.key)
        var out: [Diagnostic] = []
        if !missing.isEmpty {
            out.append(Diagnostic(code: "GX-W-ROW-LABEL", severity: .warning,
                message: "table \(table): \(missing.count) row label(s) not found in the text: \(missing.joined(separator: ", "))",
                messageZh: "表\(table)：文本中未找到 \(missing.count) 个行标题", paths: missing, source: source))
        }
        return out
    }
}
