/// HTML escaping for text and attribute values. Everything the model holds passes through here:
/// report text is untrusted (it came from an upload), so nothing is written raw.
enum HTMLEscape {
    static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r": continue
            default:
                // C0 controls other than tab/newline are not allowed in HTML text.
                if scalar.value < 0x20, scalar != "\t", scalar != "\n" { continue }
                if scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An attribute value: as text, with line breaks as `&#10;` so a tag never spans lines (a
    /// Markdown HTML block and line-based tools keep each table row on one line).
    static func attribute(_ s: String) -> String {
        var out = ""
        for ch in text(s) {
            switch ch {
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Text with line breaks as `<br>`, as a cell or paragraph that wrapped in the source.
    static func lines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { text(String($0)) }.joined(separator: "<br>")
    }
}
