/// An RFC 4180 reader (quoted fields, doubled quotes, CR/LF inside quotes), so tests check CSV
/// output the way spreadsheet tools read it rather than by splitting strings.
public enum CSVParser {
    public enum Failure: Error, Equatable { case unterminatedQuote(line: Int), junkAfterQuote(line: Int) }

    public static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var chars = Array(text.unicodeScalars)[...]
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        var line = 1
        var atFieldStart = true
        while let c = chars.popFirst() {
            if atFieldStart, c == "\"" {
                atFieldStart = false
                var closed = false
                while let q = chars.popFirst() {
                    if q == "\"" {
                        if chars.first == "\"" { chars = chars.dropFirst(); field.unicodeScalars.append("\"") } else { closed = true; break }
                    } else {
                        if q == "\n" { line += 1 }
                        field.unicodeScalars.append(q)
                    }
                }
                guard closed else { throw Failure.unterminatedQuote(line: line) }
                if let next = chars.first, next != ",", next != "\r", next != "\n" { throw Failure.junkAfterQuote(line: line) }
                continue
            }
            atFieldStart = false
            switch c {
            case ",":
                row.append(field); field = ""; atFieldStart = true
            case "\r":
                if chars.first == "\n" { chars = chars.dropFirst() }
                fallthrough
            case "\n":
                row.append(field); rows.append(row); row = []; field = ""; atFieldStart = true; line += 1
            default:
                field.unicodeScalars.append(c)
            }
        }
        if !atFieldStart || !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
