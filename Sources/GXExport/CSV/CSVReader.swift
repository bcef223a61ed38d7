/// The reader for what `CSVWriter` writes, strict where RFC 4180 is: records end in CRLF, a quoted
/// field may hold commas, CR, LF and doubled quotes, a quote may not appear inside an unquoted
/// field, and every record has as many fields as the first. A resumed batch reads its own
/// output back with it, so a text cell with a line break in it is one field, not two records.
public enum CSVReader {
    public struct ParseError: Error, CustomStringConvertible {
        public let record: Int
        public let message: String
        public var description: String { "CSV record \(record): \(message)" }
    }

    /// One record and the byte offset just past its CRLF.
    public struct Record {
        public let fields: [String]
        public let end: Int
    }

    /// Every record of a whole file. `neutralised`: the file was written without `--csv-raw`, so
    /// each field is `restore`d.
    public static func parse(_ bytes: [UInt8], neutralised: Bool = true) throws -> [[String]] {
        try scan(bytes, allowCutOff: false, neutralised: neutralised).map(\.fields)
    }

    /// The complete records, leaving out a last one that a killed writer cut off (no CRLF yet).
    public static func completeRecords(_ bytes: [UInt8], neutralised: Bool = true) throws -> [Record] {
        try scan(bytes, allowCutOff: true, neutralised: neutralised)
    }

    /// A field as it was before `CSVWriter` neutralised it: the leading single quote dropped when
    /// what follows is a field the writer neutralises.
    public static func restore(_ field: String) -> String {
        let utf8 = field.utf8
        guard utf8.first == 0x27, CSVWriter.needsNeutralising(Substring(field).utf8.dropFirst()) else { return field }
        return String(field.dropFirst())
    }

    private static func scan(_ bytes: [UInt8], allowCutOff: Bool, neutralised: Bool) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var i = 0
        var quotedField = false
        func fail(_ message: String) -> ParseError { ParseError(record: records.count + 1, message: message) }
        func endField() {
            let text = String(decoding: field, as: UTF8.self)
            fields.append(neutralised && field.first == 0x27 ? restore(text) : text)
            field = []
            quotedField = false
        }
        scanning: while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                guard field.isEmpty, !quotedField else { throw fail("quote inside an unquoted field") }
                quotedField = true
                i += 1
                while true {
                    guard i < bytes.count else {
                        if allowCutOff { break scanning }
                        throw fail("unclosed quoted field")
                    }
                    if bytes[i] == 0x22 {
                        if i + 1 < bytes.count, bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                        i += 1
                        break
                    }
                    field.append(bytes[i])
                    i += 1
                }
                guard i >= bytes.count || bytes[i] == 0x2C || bytes[i] == 0x0D else { throw fail("text after a closing quote") }
                continue
            }
            if b == 0x2C { endField(); i += 1; continue }
            if b == 0x0D {
                guard i + 1 < bytes.count else {
                    if allowCutOff { break scanning }
                    throw fail("CR without LF")
                }
                guard bytes[i + 1] == 0x0A else { throw fail("CR without LF") }
                endField()
                records.append(Record(fields: fields, end: i + 2))
                fields = []
                i += 2
                continue
            }
            if b == 0x0A { throw fail("bare LF ends a record (RFC 4180 wants CRLF)") }
            guard !quotedField else { throw fail("text after a closing quote") }
            field.append(b)
            i += 1
        }
        if !allowCutOff, !field.isEmpty || !fields.isEmpty || quotedField {
            endField()
            records.append(Record(fields: fields, end: bytes.count))
        }
        if let width = records.first?.fields.count, let bad = records.firstIndex(where: { $0.fields.count != width }) {
            throw ParseError(record: bad + 1, message: "\(records[bad].fields.count) fields, the header has \(width)")
        }
        return records
    }
}
