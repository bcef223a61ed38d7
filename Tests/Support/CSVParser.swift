/// An RFC 4180 reader, strict where the RFC is: records end in CRLF, a quoted field may hold
/// commas, CR, LF and doubled quotes, a quote may not appear inside an unquoted field, and every
/// record must have as many fields as the header. Errors say where.
public enum CSVParser {
    public struct ParseError: Error, CustomStringConvertible {
        let record: Int
        let message: String
        public var description: String { "CSV record \(record): \(message)" }
    }

    public static func parse(_ bytes: [UInt8]) throws -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var i = 0
        var quotedField = false
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            quotedField = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                guard field.isEmpty, !quotedField else { throw ParseError(record: records.count + 1, message: "quote inside an unquoted field") }
                quotedField = true
                i += 1
                while true {
                    guard i < bytes.count else { throw ParseError(record: records.count + 1, message: "unclosed quoted field") }
                    if bytes[i] == 0x22 {
                        if i + 1 < bytes.count, bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                        i += 1
                        break
                    }
                    field.append(bytes[i])
                    i += 1
                }
                guard i >= bytes.count || bytes[i] == 0x2C || bytes[i] == 0x0D else {
                    throw ParseError(record: records.count + 1, message: "text after a closing quote")
                }
                continue
            }
            if b == 0x2C { endField(); i += 1; continue }
            if b == 0x0D {
                guard i + 1 < bytes.count, bytes[i + 1] == 0x0A else { throw ParseError(record: records.count + 1, message: "CR without LF") }
                endField()
                records.append(fields)
                fields = []
                i += 2
                continue
            }
            if b == 0x0A { throw ParseError(record: records.count + 1, message: "bare LF ends a record (RFC 4180 wants CRLF)") }
            guard !quotedField else { throw ParseError(record: records.count + 1, message: "text after a closing quote") }
            field.append(b)
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty || quotedField { endField(); records.append(fields) }
        if let width = records.first?.count, let bad = records.firstIndex(where: { $0.count != width }) {
            throw ParseError(record: bad + 1, message: "\(records[bad].count) fields, the header has \(width)")
        }
        return records
    }
}
