import GXModel

/// The tables in long form, one record per template cell:
/// `agency,year,table,row,column,value,text,kind`. RFC 4180: CRLF record ends, a field quoted
/// when it holds a comma, quote, CR or LF, quotes doubled. `value` is the canonical number (empty
/// when the cell is blank, not applicable or text — never 0), `text` what was printed. With
/// `excel`, a UTF-8 byte order mark leads, which is what makes Excel read UTF-8 Chinese correctly.
public enum CSVWriter {
    public static let header = ["agency", "year", "table", "row", "column", "value", "text", "kind"]

    public static func write(_ report: Report, excel: Bool = false) -> [UInt8] {
        var out: [UInt8] = excel ? [0xEF, 0xBB, 0xBF] : []
        record(header, into: &out)
        let agency = report.agency ?? ""
        let year = report.year.map(String.init) ?? ""
        for table in report.tables {
            for cell in table.cells {
                let value = cell.kind == .number ? (cell.number?.canonical ?? "") : ""
                record([agency, year, cell.path.table, cell.path.row, cell.path.column, value, cell.text, cell.kind.rawValue],
                       into: &out)
            }
        }
        return out
    }

    /// One RFC 4180 record, CRLF-terminated: shared by `--to csv` and the batch CSV outputs.
    public static func record(_ fields: [String]) -> String {
        var out: [UInt8] = []
        record(fields, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func record(_ fields: [String], into out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(0x2C) }
            field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A })
                ? quoted(field, into: &out) : out.append(contentsOf: field.utf8)
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    private static func quoted(_ field: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in field.utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }
}
