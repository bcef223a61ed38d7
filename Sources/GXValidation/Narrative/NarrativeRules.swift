import GXModel
import GXTemplate

/// `N-RECV`, `N-DONE`, `N-BREAK`, `N-LEGAL`: what the prose of sections 一, 三 and 四 says against
/// what the tables count. Narratives may describe another scope (a whole county, several years),
/// so these are warnings that quote the sentence, never errors.
enum NarrativeRules {
    static func check(_ report: Report) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let requestProse = NarrativeSentence.sentences(of: report, sections: ["overview", "requests"],
                                                       mentioning: ["申请", "办结"] + groups.map(\.label))
        let legalProse = NarrativeSentence.sentences(of: report, sections: ["overview", "review_litigation"],
                                                     mentioning: ["行政复议", "行政诉讼"])
        if let table = report.table(.requests) {
            let totals = RowTotals(table)
            out += received(report, totals, requestProse)
            out += done(report, totals, requestProse)
            out += breakdown(report, table.variant, totals, requestProse)
        }
        if let table = report.table(.reviewLitigation) { out += legal(report, RowTotals(table), legalProse) }
        return out
    }

    private static func sum(_ totals: RowTotals, _ rows: [String]) -> Int? {
        var total = 0
        for row in rows { guard let v = totals[row], let t = Checked.add(total, v) else { return nil }; total = t }
        return total
    }

    private static func source(_ report: Report, _ s: NarrativeSentence) -> SourceLocation? {
        let sources = report.sections[s.section].paragraphSources
        return s.paragraph < sources.count ? sources[s.paragraph] : nil
    }

    private static func warn(_ code: String, _ report: Report, _ s: NarrativeSentence, said: Int, table: Int, tablePaths: [String],
                             what: String, whatZh: String, alternative: String = "") -> Diagnostic {
        Diagnostic(code: code, severity: .warning, subject: "sections.\(report.sections[s.section].key)",
            message: "the narrative gives \(said) for \(what) but the table counts \(table)\(alternative): “\(s.text)”",
            messageZh: "正文称\(whatZh) \(said) 件，表格为 \(table)：“\(s.text)”",
            paths: [s.paragraphPath] + tablePaths, left: String(said), right: String(table),
            difference: Checked.subtract(said, table).map(String.init),
            source: source(report, s))
    }

    static func received(_ report: Report, _ table: RowTotals, _ sentences: [NarrativeSentence]) -> [Diagnostic] {
        guard let new = table["new_received"] else { return [] }
        let carried = table["carried_over"]
        for s in sentences where s.contains("申请") && !s.contains("复议") {
            for keyword in ["收到", "受理", "新收", "接收"] {
                for end in s.ends(of: keyword) {
                    let said = s.count(after: end) ?? (s.negated(before: end) ? 0 : nil)
                    guard let said else { continue }
                    let withCarried = carried.flatMap { Checked.add(new, $0) }
                    if said == new || said == withCarried { return [] }
                    return [warn("N-RECV", report, s, said: said, table: new, tablePaths: ["requests.new_received.total"],
                                 what: "requests received", whatZh: "收到申请",
                                 alternative: withCarried.map { " (or \($0) with the carried-over)" } ?? "")]
                }
            }
        }
        return []
    }

    static func done(_ report: Report, _ table: RowTotals, _ sentences: [NarrativeSentence]) -> [Diagnostic] {
        guard let total = table["results_total"] else { return [] }
        for s in sentences where s.contains("申请") || s.contains("办结") {
            for keyword in ["办结", "答复", "办理完毕"] {
                for end in s.ends(of: keyword) {
                    guard let said = s.count(after: end, window: 12) else { continue }
                    if said == total { return [] }
                    return [warn("N-DONE", report, s, said: said, table: total, tablePaths: ["requests.results_total.total"],
                                 what: "requests completed", whatZh: "办结")]
                }
            }
        }
        return []
    }

    /// Narrative group label → the row-key prefix whose rows it sums (`予以公开` is one row).
    static let groups: [(label: String, prefix: String)] = [
        ("予以公开", "granted"), ("部分公开", "partially_granted"), ("不予公开", "withheld_"),
        ("无法提供", "unavailable_"), ("不予处理", "declined_"), ("其他处理", "other_"),
    ]

    /// Per variant, each group's rows.
    private static let groupRows2021 = groups.map { g in TemplateKeys.resultRows(.v2021).filter { $0.hasPrefix(g.prefix) } }
    private static let groupRows2019 = groups.map { g in TemplateKeys.resultRows(.v2019).filter { $0.hasPrefix(g.prefix) } }

    static func breakdown(_ report: Report, _ variant: TemplateVariant?, _ table: RowTotals,
                          _ sentences: [NarrativeSentence]) -> [Diagnostic] {
        guard let variant else { return [] }
        var out: [Diagnostic] = []
        for (group, rows) in zip(groups, variant == .v2021 ? groupRows2021 : groupRows2019) {
            guard let expected = sum(table, rows) else { continue }
            search: for s in sentences {
                for end in s.ends(of: group.label) {
                    guard let said = s.count(after: end, window: 6) else { continue }
                    if said != expected {
                        out.append(warn("N-BREAK", report, s, said: said, table: expected,
                                        tablePaths: rows.map { "requests.\($0).total" },
                                        what: group.label, whatZh: group.label))
                    }
                    break search
                }
            }
        }
        return out
    }

    static func legal(_ report: Report, _ table: RowTotals, _ sentences: [NarrativeSentence]) -> [Diagnostic] {
        let review = table["review"]
        let litigation: Int? = {
            guard let a = table["litigation_direct"], let b = table["litigation_after_review"] else { return nil }
            return Checked.add(a, b)
        }()
        var out: [Diagnostic] = []
        for (keyword, expected, paths) in [("行政复议", review, ["review_litigation.review.total"]),
                                           ("行政诉讼", litigation, ["review_litigation.litigation_direct.total",
                                                                     "review_litigation.litigation_after_review.total"])] {
            guard let expected else { continue }
            search: for s in sentences {
                for end in s.ends(of: keyword) {
                    let said = s.count(after: end, window: 8) ?? (s.negated(before: end) ? 0 : nil)
                    guard let said else { continue }
                    if said != expected {
                        out.append(warn("N-LEGAL", report, s, said: said, table: expected, tablePaths: paths,
                                        what: keyword, whatZh: keyword))
                    }
                    break search
                }
            }
        }
        return out
    }
}
