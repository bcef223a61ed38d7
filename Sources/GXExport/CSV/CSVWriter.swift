import GXModel

/// The tables in long form, one record per template cell:
/// `agency,year,table,row,column,value,text,kind`. RFC 4180: CRLF record ends, a field quoted
/// when it holds a comma, quote, CR or LF, quotes doubled. `value` is the canonical number (empty
/// when the cell is blank, not applicable or text — never 0), `text` what was printed. With
/// `excel`, a UTF-8 byte order mark leads, which is what makes Excel read UTF-8 Chinese correctly.
///
/// Fields a spreadsheet would take for a formula (OWASP "CSV Injection": a first character `=`,
/// `+`, `-`, `@`, tab or CR) are neutralised unless `raw`: a single quote goes in front and the
/// field is quoted, so `=HYPERLINK(…)` in an agency name is shown, never evaluated. Plain numbers
/// (`-1`, `+3`, `-0.5`) stay as they are. `CSVReader.restore` undoes it exactly.
public enum CSVWriter {
    public static let header = ["agency", "year", "table", "row", "column", "value", "text", "kind"]

    public static func write(_ report: Report, excel: Bool = false, raw: Bool = false) -> [UInt8] {
        var out: [UInt8] = excel ? [0xEF, 0xBB, 0xBF] : []
        record(header, raw: raw, into: &out)
        let agency = report.agency ?? ""
        let year = report.year.map(String.init) ?? ""
        for table in report.tables {
            for cell in table.cells {
                let value = cell.kind == .number ? (cell.number?.canonical ?? "") : ""
                record([agency, year, cell.path.table, cell.path.row, cell.path.column, value, cell.text, cell.kind.rawValue],
                       raw: raw, into: &out)
            }
        }
        return out
    }

    /// One RFC 4180 record, CRLF-terminated: shared by `--to csv` and the batch CSV outputs.
    public static func record(_ fields: [String], raw: Bool = false) -> String {
        var out: [UInt8] = []
        record(fields, raw: raw, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func record(_ fields: [String], raw: Bool, into out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(0x2C) }
            if !raw, needsNeutralising(field.utf8[...]) {
                quoted(field, prefix: 0x27, into: &out)
            } else if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) {
                quoted(field, into: &out)
            } else {
                out.append(contentsOf: field.utf8)
            }
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// A field a spreadsheet could evaluate: its first byte is `=`, `+`, `-`, `@`, tab or CR and it
    /// is not a plain number — or it is a single quote before such a field (so a printed `'=x` is
    /// told apart from a neutralised `=x`, and the reader's undoing is exact).
    static func needsNeutralising(_ field: Substring.UTF8View) -> Bool {
        guard let first = field.first else { return false }
        switch first {
        case 0x3D, 0x40, 0x09, 0x0D: return true
        case 0x2B, 0x2D: return !isPlainNumber(field.dropFirst())
        case 0x27: return needsNeutralising(field.dropFirst())
        default: return false
        }
    }

    /// `digits` or `digits.digits`.
    private static func isPlainNumber(_ s: Substring.UTF8View) -> Bool {
        var digits = 0, dot = false, afterDot = 0
        for b in s {
            if b >= 0x30, b <= 0x39 { digits += 1; if dot { afterDot += 1 } }
            else if b == 0x2E, !dot, digits > 0 { dot = true }
            else { return false }
        }
        return digits > 0 && (!dot || afterDot > 0)
    }

    private static func quoted(_ field: String, prefix: UInt8? = nil, into out: inout [UInt8]) {
        out.append(0x22)
        if let prefix { out.append(prefix) }
        for byte in field.utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }
}
