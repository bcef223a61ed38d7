/// A JSON tree whose objects keep their key order, so the canonical output is byte-stable.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number written exactly as given (the printed digits of a fee: `256.1789`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        JSONWriter.write(a, pretty: false) == JSONWriter.write(b, pretty: false)
    }

    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    public static func optional(_ i: Int?) -> JSONValue { i.map(JSONValue.int) ?? .null }
}

public enum JSONWriter {
    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(64 * 1024)
        emit(value, into: &out, indent: pretty ? 0 : -1)
        if pretty { out += "\n" }
        return out
    }

    private static func emit(_ value: JSONValue, into out: inout String, indent: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let n): out += n
        case .string(let s): escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent + 1)
                emit(item, into: &out, indent: indent < 0 ? -1 : indent + 1)
            }
            newline(&out, indent)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent + 1)
                escape(key, into: &out)
                out += indent < 0 ? ":" : ": "
                emit(item, into: &out, indent: indent < 0 ? -1 : indent + 1)
            }
            newline(&out, indent)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: Int) {
        guard indent >= 0 else { return }
        out += "\n"
        out += String(repeating: "  ", count: indent)
    }

    private static let hex: [Character] = Array("0123456789abcdef")

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let v = scalar.value
                    out += "\\u"
                    for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((v >> UInt32(shift)) & 0xF)]) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
