import Foundation
import GXExport
import GXModel
import GXValidation

/// One input's record read back from a batch output — the inverse of `BatchFormat.lines` — so a
/// resumed run can count it and check it against other years without converting it again.
struct ReadBackRecord {
    enum Status: String {
        case ok
        case ruleErrors = "rule-errors"
        case unreadable
    }

    let file: String
    let status: Status
    let facts: CrossYearFacts?

    /// A jsonl line: nil for a cross-year finding (those are worked out anew).
    static func jsonl(_ line: ArraySlice<UInt8>, line number: Int, output: String) throws -> ReadBackRecord? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
            throw ResumeIndex.damaged(output, "line \(number) is not a JSON record")
        }
        return try jsonl(object: object, line: number, output: output)
    }

    /// A jsonl record already parsed (a line of the output, or its entry in the resume index).
    static func jsonl(object: [String: Any], line number: Int, output: String) throws -> ReadBackRecord? {
        guard let schema = object["schema"] as? String else {
            throw ResumeIndex.damaged(output, "line \(number) is not a JSON record")
        }
        let source = object["source"] as? [String: Any]
        let file = source?["path"] as? String
        switch (schema, file) {
        case ("gxconvert.cross-year/1", _):
            return nil
        case ("gxconvert.failure/1", let file?):
            return ReadBackRecord(file: file, status: .unreadable, facts: nil)
        case (ReportJSON.schema, let file?):
            let errors = (object["summary"] as? [String: Any])?["errors"] as? Int ?? 0
            return ReadBackRecord(file: file, status: errors > 0 ? .ruleErrors : .ok, facts: facts(report: object, file: file))
        default:
            throw ResumeIndex.damaged(output, "line \(number) is a \(schema) record without its input's path")
        }
    }

    /// What the resume index keeps of a parsed jsonl record: all `jsonl(object:)` reads of it
    /// (a report's identity, status, template and the cells the cross-year checks keep).
    static func resumeObject(_ object: [String: Any]) -> [String: Any] {
        guard object["schema"] as? String == ReportJSON.schema else { return object }
        var out: [String: Any] = [:]
        for key in ["schema", "source", "agency", "year", "template", "summary"] { out[key] = object[key] }
        let variant = ((object["template"] as? [String: Any])?["active_disclosure"] as? String).flatMap(TemplateVariant.init)
        out["cells"] = (object["cells"] as? [[String: Any]] ?? []).filter { cell in
            guard let text = cell["path"] as? String, let path = cellPath(text) else { return false }
            return CrossYearFacts.isKept(path, activeDisclosureVariant: variant)
        }
        return out
    }

    /// A canonical report's kept cells, with the sources the JSON gives for them.
    private static func facts(report object: [String: Any], file: String) -> CrossYearFacts? {
        let variant = ((object["template"] as? [String: Any])?["active_disclosure"] as? String).flatMap(TemplateVariant.init)
        var kept: [(CellPath, CrossYearCell)] = []
        for cell in object["cells"] as? [[String: Any]] ?? [] {
            guard let text = cell["path"] as? String, let path = cellPath(text),
                  CrossYearFacts.isKept(path, activeDisclosureVariant: variant) else { continue }
            let integer = cell["kind"] as? String == "number" ? wholeNumber(cell["value"]) : nil
            kept.append((path, CrossYearCell(path: text, text: cell["text"] as? String ?? "", integer: integer,
                                             source: sourceLocation(cell["source"]))))
        }
        return CrossYearFacts(agency: object["agency"] as? String, year: object["year"] as? Int, file: file,
                              sha256: (object["source"] as? [String: Any])?["sha256"] as? String ?? "",
                              activeDisclosureVariant: variant, facts: kept)
    }

    /// A JSON number written without a fraction (`3`, not `3.0`): what `PrintedNumber.integer` reads.
    private static func wholeNumber(_ value: Any?) -> Int? {
        guard let n = value as? NSNumber, !["d", "f"].contains(String(cString: n.objCType)) else { return nil }
        return n as? Int
    }

    /// The inverse of `ReportJSON`'s source object.
    private static func sourceLocation(_ value: Any?) -> SourceLocation {
        guard let o = value as? [String: Any] else { return .unknown }
        return SourceLocation(part: o["part"] as? String, line: o["line"] as? Int ?? 0, column: o["column"] as? Int ?? 0,
                              table: o["table"] as? Int, row: o["row"] as? Int, cell: o["cell"] as? Int,
                              paragraph: o["paragraph"] as? Int, element: o["element"] as? String)
    }

    private static func cellPath(_ text: String) -> CellPath? {
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let table = StandardTableKey(rawValue: String(parts[0])) else { return nil }
        return CellPath(table, String(parts[1]), String(parts[2]))
    }

    private static func status(_ field: String, _ output: String) throws -> Status {
        guard let status = Status(rawValue: field) else { throw ResumeIndex.damaged(output, "unknown status \(field)") }
        return status
    }

    /// A csv-wide row. The sheet holds values, not printed text or sources: a cross-year finding
    /// against an earlier run's row names the cell and file but no place in the file.
    static func csvWide(_ fields: [String], output: String) throws -> ReadBackRecord {
        let status = try status(fields[1], output)
        let variant = TemplateVariant(rawValue: fields[WideColumns.activeDisclosureTemplate])
        let kept = WideColumns.keptCells.compactMap { column, path -> (CellPath, CrossYearCell)? in
            let value = fields[column]
            guard !value.isEmpty, CrossYearFacts.isKept(path, activeDisclosureVariant: variant) else { return nil }
            return (path, CrossYearCell(path: path.description, text: value, integer: Int(value), source: .unknown))
        }
        return ReadBackRecord(file: fields[0], status: status,
                              facts: status == .unreadable ? nil : CrossYearFacts(agency: fields[3].isEmpty ? nil : fields[3], year: Int(fields[4]),
                                  file: fields[0], sha256: "", activeDisclosureVariant: variant, facts: kept))
    }

    /// The csv-long rows of one input (one row per cell; one row for an unreadable input).
    static func csvLong(_ rows: [[String]], output: String) throws -> ReadBackRecord {
        let first = rows[0]
        let status = try status(first[1], output)
        guard status != .unreadable else { return ReadBackRecord(file: first[0], status: status, facts: nil) }
        // csv-long names no template variant; 2021's table 二 is the one with `issued` counts.
        let variant: TemplateVariant = rows.contains { $0[5] == "active_disclosure" && $0[7] == "issued" } ? .v2021 : .v2019
        let kept = rows.compactMap { row -> (CellPath, CrossYearCell)? in
            guard let table = StandardTableKey(rawValue: row[5]) else { return nil }
            let path = CellPath(table, row[6], row[7])
            guard CrossYearFacts.isKept(path, activeDisclosureVariant: variant) else { return nil }
            return (path, CrossYearCell(path: path.description, text: row[9], integer: row[10] == "number" ? Int(row[8]) : nil,
                                        source: .unknown))
        }
        return ReadBackRecord(file: first[0], status: status,
                              facts: CrossYearFacts(agency: first[3].isEmpty ? nil : first[3], year: Int(first[4]), file: first[0], sha256: "",
                                                    activeDisclosureVariant: variant, facts: kept))
    }

    /// Consecutive rows of the same input, in order.
    static func groupedByFile(_ rows: [[String]]) -> [[[String]]] {
        var groups: [[[String]]] = []
        for row in rows {
            if groups.last?.last?.first == row.first { groups[groups.count - 1].append(row) } else { groups.append([row]) }
        }
        return groups
    }
}
