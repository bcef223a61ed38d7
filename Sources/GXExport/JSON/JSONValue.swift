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
    /// A value written directly by `body` (see `JSONStream`), for large regular parts.
    case stream(@Sendable (inout JSONStream) -> Void)

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        JSONWriter.bytes(a, pretty: false) == JSONWriter.bytes(b, pretty: false)
    }

    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    public static func optional(_ i: Int?) -> JSONValue { i.map(JSONValue.int) ?? .null }
}
