import GXModel
import GXTemplate

/// `X-CARRY` and `X-INFORCE` between reports of the same agency for consecutive years.
public enum CrossYearRules {
    public static func check(_ facts: [CrossYearFacts]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let byAgency = Dictionary(grouping: facts, by: \.agencyKey)
        for key in byAgency.keys.sorted() {
            var seen = Set<String>()
            let reports = byAgency[key]!.sorted { ($0.year, $0.file) < ($1.year, $1.file) }
                .filter { $0.sha256.isEmpty || seen.insert("\($0.year) \($0.sha256)").inserted }
            // Each report against one report of the year before: the first by file name (an agency
            // may publish a corrected report beside the first one, and pairing every copy with every
            // copy made 400 + 400 copies into 160,000 pairs).
            var previousOfYear: [Int: CrossYearFacts] = [:]
            for report in reports where previousOfYear[report.year] == nil { previousOfYear[report.year] = report }
            for this in reports {
                guard let year = Checked.subtract(this.year, 1), let last = previousOfYear[year] else { continue }
                out += carry(last, this)
                out += inForce(last, this)
            }
        }
        return out
    }

    private static func number(_ cell: CrossYearCell?) -> Int? { cell?.integer }

    private static func cell(_ c: CrossYearCell?, _ file: String) -> DiagnosticCell {
        DiagnosticCell(path: c?.path ?? "", text: c?.text ?? "", source: c?.source ?? .unknown, file: file)
    }

    static func carry(_ last: CrossYearFacts, _ this: CrossYearFacts) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (i, column) in Template.requestColumns.map(\.key).enumerated() {
            let before = last.carriedForward[i], now = this.carriedOver[i]
            guard let a = number(before), let b = number(now), a != b else { continue }
            out.append(Diagnostic(code: "X-CARRY", severity: .warning, subject: "requests.\(column)",
                message: "\(this.agency) \(this.year): carried_over.\(column) is \(b) but \(last.year)'s carried_forward.\(column) was \(a)",
                messageZh: "\(this.year) 年上年结转（\(column)）为 \(b)，而 \(last.year) 年结转下年度为 \(a)",
                paths: ["requests.carried_over.\(column)", "requests.carried_forward.\(column)"],
                cells: [cell(now, this.file), cell(before, last.file)],
                left: String(b), right: String(a), difference: Checked.subtract(b, a).map(String.init), source: now?.source))
        }
        return out
    }

    static func inForce(_ last: CrossYearFacts, _ this: CrossYearFacts) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for row in CrossYearFacts.documentRows {
            guard let was = number(last.document(row, "in_force")), let issued = number(this.document(row, "issued")),
                  let repealed = number(this.document(row, "repealed")), let now = number(this.document(row, "in_force"))
            else { continue }
            guard let expected = Checked.add(was, issued).flatMap({ Checked.subtract($0, repealed) }), now != expected,
                  let difference = Checked.subtract(now, expected) else { continue }
            out.append(Diagnostic(code: "X-INFORCE", severity: .warning, subject: "active_disclosure.\(row)",
                message: "\(this.agency) \(this.year): \(row).in_force is \(now) but \(last.year)'s \(was) + \(issued) issued − \(repealed) repealed = \(expected)",
                messageZh: "\(this.year) 年现行有效件数为 \(now)，按上年 \(was) + 本年制发 \(issued) − 本年废止 \(repealed) 应为 \(expected)",
                paths: ["active_disclosure.\(row).in_force", "active_disclosure.\(row).issued", "active_disclosure.\(row).repealed"],
                cells: [cell(this.document(row, "in_force"), this.file), cell(this.document(row, "issued"), this.file),
                        cell(this.document(row, "repealed"), this.file), cell(last.document(row, "in_force"), last.file)],
                left: String(now), right: String(expected), difference: String(difference),
                source: this.document(row, "in_force")?.source))
        }
        return out
    }
}
