/// Serialises a `JSONValue` straight into UTF-8 bytes: one pass, no intermediate strings, the same
/// bytes for the same value every time.
public enum JSONWriter {
    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        String(decoding: bytes(value, pretty: pretty), as: UTF8.self)
    }

    /// Pretty output ends in a newline; compact output does not.
    public static func bytes(_ value: JSONValue, pretty: Bool = true) -> [UInt8] {
        var stream = JSONStream(pretty: pretty)
        stream.value(value)
        return stream.bytes(newline: pretty)
    }

    /// One JSON Lines record: compact, then a newline.
    public static func line(_ value: JSONValue) -> [UInt8] {
        var stream = JSONStream(pretty: false)
        stream.value(value)
        return stream.bytes(newline: true)
    }
}
