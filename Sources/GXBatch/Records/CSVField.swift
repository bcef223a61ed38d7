/// RFC 4180 fields: quoted when they hold a comma, quote, CR or LF, quotes doubled.
enum CSVField {
    static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingQuotes + "\""
    }
}

private extension String {
    var replacingQuotes: String {
        var out = ""
        for ch in self {
            if ch == "\"" { out += "\"\"" } else { out.append(ch) }
        }
        return out
    }
}
