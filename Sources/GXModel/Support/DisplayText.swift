/// Text from a document or a file name made safe for one line of human-readable output (a
/// terminal, a log, a tab-separated row): control characters, line and paragraph separators and
/// bidirectional overrides are written as visible escapes (`\n`, `\u{202E}`), so a bookmark name
/// holding a newline cannot forge a finding line and a terminal escape cannot reach the terminal.
public enum DisplayText {
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { out.append(scalar); continue }
            let escape: String
            switch scalar {
            case "\n": escape = "\\n"
            case "\t": escape = "\\t"
            case "\r": escape = "\\r"
            default: escape = "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }

    /// C0 and C1 controls, DEL, line/paragraph separators, and the bidi embeddings, overrides,
    /// isolates and marks.
    public static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
