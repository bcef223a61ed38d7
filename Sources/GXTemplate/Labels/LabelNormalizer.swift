import GXModel

/// Labels arrive full-width or half-width, with spaces and line breaks wherever a cell wrapped,
/// with `1.`/`1、`/`（一）` numbering and curly or straight quotes. Folding all of that away lets one
/// mapping serve DOCX, HTML and text alike.
public enum LabelNormalizer {
    /// The first scalars `stripNumbering` acts on; anything else starts no numbering.
    private static func mayStartNumbering(_ c: Unicode.Scalar) -> Bool {
        c == "-" || c == "•" || c == "·" || c == "(" || isChineseDigit(c) || isASCIIDigit(c)
    }

    /// `TextFold.fold`, then leading list numbering (`三、`, `(一)`, `1.`, `- `) and trailing punctuation removed.
    /// Works on scalars: every mark it strips is a single scalar.
    public static func normalize(_ text: String) -> String {
        // Most cells are plain counts (`0`, `13`): nothing to fold or strip.
        if text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return text }
        let folded = TextFold.fold(text)
        // Most labels are already clean: no numbering to strip and no trailing mark.
        guard let first = folded.unicodeScalars.first, let last = folded.unicodeScalars.last else { return folded }
        if !mayStartNumbering(first), !trailingPunctuation.contains(last.value) { return folded }
        let all = Array(folded.unicodeScalars)
        var s = all[...]
        while let rest = stripNumbering(s) { s = rest }
        while let last = s.last, trailingPunctuation.contains(last.value) { s = s.dropLast() }
        if s.count == all.count { return folded }
        // Cut the folded string itself: rebuilding it scalar by scalar cost ten times as much.
        let view = folded.unicodeScalars
        let start = view.index(view.startIndex, offsetBy: s.startIndex)
        let end = view.index(view.endIndex, offsetBy: s.endIndex - all.count)
        return String(view[start..<end])
    }

    /// 。 . : ; , 、
    private static let trailingPunctuation: Set<UInt32> = [0x3002, 0x2E, 0x3A, 0x3B, 0x2C, 0x3001]

    private static func isChineseDigit(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇": true
        default: false
        }
    }

    private static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    private static func stripNumbering(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar>? {
        guard let first = s.first else { return nil }
        if first == "-" || first == "•" || first == "·" { return s.dropFirst() }
        if first == "(" {
            var i = s.startIndex + 1
            var count = 0
            while i < s.endIndex, isChineseDigit(s[i]) || isASCIIDigit(s[i]) { i += 1; count += 1 }
            if count > 0, i < s.endIndex, s[i] == ")" { return s[(i + 1)...] }
            return nil
        }
        if isChineseDigit(first) {
            var i = s.startIndex
            while i < s.endIndex, isChineseDigit(s[i]) { i += 1 }
            if i < s.endIndex, s[i] == "、" || s[i] == "." { return s[(i + 1)...] }
            return nil
        }
        if isASCIIDigit(first) {
            var i = s.startIndex
            while i < s.endIndex, isASCIIDigit(s[i]) { i += 1 }
            if i < s.endIndex, s[i] == "." || s[i] == "、" || s[i] == ")" || s[i] == "," {
                let next = i + 1
                // `1.5` is a number, not numbering.
                if next < s.endIndex, isASCIIDigit(s[next]) { return nil }
                return s[next...]
            }
            return nil
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
