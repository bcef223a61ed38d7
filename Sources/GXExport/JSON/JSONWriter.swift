/// Serialises a `JSONValue` straight into UTF-8 bytes: one pass, no intermediate strings, the same
/// bytes for the same value every time.
public enum JSONWriter {
    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        String(decoding: bytes(value, pretty: pretty), as: UTF8.self)
    }

    public static func bytes(_ value: JSONValue, pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128 * 1024)
        emit(value, into: &out, indent: pretty ? 0 : -1)
        if pretty { out.append(0x0A) }
        return out
    }

    private static func emit(_ value: JSONValue, into out: inout [UInt8], indent: Int) {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): escape(s, into: &out)
        case .stream(let body):
            var stream = JSONStream(indent: indent)
            swap(&stream.buffer, &out)
            body(&stream)
            swap(&stream.buffer, &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: [0x5B, 0x5D]); return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(&out, indent < 0 ? -1 : indent + 1)
                emit(item, into: &out, indent: indent < 0 ? -1 : indent + 1)
            }
            newline(&out, indent)
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: [0x7B, 0x7D]); return }
            out.append(0x7B)
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(&out, indent < 0 ? -1 : indent + 1)
                escape(key, into: &out)
                out.append(0x3A)
                if indent >= 0 { out.append(0x20) }
                emit(item, into: &out, indent: indent < 0 ? -1 : indent + 1)
            }
            newline(&out, indent)
            out.append(0x7D)
        }
    }

    @inline(__always) private static func newline(_ out: inout [UInt8], _ indent: Int) {
        guard indent >= 0 else { return }
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Escapes quotes, backslashes and control characters; U+2028/2029 too, for JavaScript
    /// consumers. Everything else is copied as UTF-8.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            // Most strings (paths, kinds, numbers, plain text) need no escaping: copy them whole.
            if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
                out.append(contentsOf: utf8)
                return
            }
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                switch b {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0x08: out.append(0x5C); out.append(0x62)
                case 0x0C: out.append(0x5C); out.append(0x66)
                case 0x00..<0x20: unicodeEscape(UInt32(b), into: &out)
                case 0xE2 where i + 2 < n && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    unicodeEscape(utf8[i + 2] == 0xA8 ? 0x2028 : 0x2029, into: &out)
                    i += 2
                default: out.append(b)
                }
                i += 1
            }
        }
        out.append(0x22)
    }

    private static func unicodeEscape(_ v: UInt32, into out: inout [UInt8]) {
        out.append(0x5C); out.append(0x75)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((v >> UInt32(shift)) & 0xF)]) }
    }
}
