import GXModel
import GXTemplate

/// Reads counts out of report prose: `受理政府信息公开申请 13 件`, `申请2条`, `予以公开3件`,
/// and negations such as `未收到政府信息公开申请` (a count of 0). Only numbers followed by a measure
/// word count, so years, dates and percentages are never taken for counts.
struct NarrativeSentence {
    let text: String
    let chars: [Unicode.Scalar]
    let paragraphPath: String
    let section: Int
    let paragraph: Int

    static let measureWords: Set<Unicode.Scalar> = ["件", "条", "起", "个", "宗", "项", "次"]
    static let negations = ["未收到", "没有收到", "未受理", "未发生", "没有发生", "没有因", "未因", "未出现", "无因", "未被"]

    /// The first `N件` that starts within `window` characters after `index`.
    func count(after index: Int, window: Int = 24) -> Int? {
        var i = index
        let end = min(chars.count, index + window)
        while i < end {
            if let (value, length) = number(at: i) {
                var j = i + length
                while j < chars.count, chars[j] == " " { j += 1 }
                if j < chars.count, Self.measureWords.contains(chars[j]) { return value }
                i += length
                continue
            }
            // Another clause of counted things has begun: stop rather than borrow its number.
            if chars[i] == "，" || chars[i] == "," || chars[i] == "、" { if i > index + 1 { return nil } }
            i += 1
        }
        return nil
    }

    /// Positions just after each occurrence of `keyword`.
    func ends(of keyword: String) -> [Int] {
        let k = Array(keyword.unicodeScalars)
        guard !k.isEmpty, k.count <= chars.count else { return [] }
        var result: [Int] = []
        for i in 0...(chars.count - k.count) where chars[i] == k[0] {
            var j = 1
            while j < k.count, chars[i + j] == k[j] { j += 1 }
            if j == k.count { result.append(i + k.count) }
        }
        return result
    }

    /// Every scalar is a character of its own and its own normal form, so scalar matching finds
    /// exactly what `String.contains` would, at a fraction of its cost.
    let plain: Bool

    func contains(_ s: String) -> Bool { plain ? !ends(of: s).isEmpty : text.contains(s) }

    /// True when a negation stands before `position` in the sentence.
    func negated(before position: Int) -> Bool {
        if plain { return Self.negations.contains { ends(of: $0).first.map { $0 <= position } ?? false } }
        var head = String.UnicodeScalarView()
        head.append(contentsOf: chars[0..<min(position, chars.count)])
        let text = String(head)
        return Self.negations.contains { text.contains($0) }
    }

    private static let chineseDigits: [Unicode.Scalar: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                                                          "六": 6, "七": 7, "八": 8, "九": 9]

    /// An ASCII number (spaces tolerated after it) or a small Chinese number at `i`.
    private func number(at i: Int) -> (Int, Int)? {
        if Self.isDigit(chars[i]) {
            // Part of a longer number or a decimal: not the start of a count.
            if i > 0, Self.isDigit(chars[i - 1]) || chars[i - 1] == "." { return nil }
            var j = i
            var value = 0
            while j < chars.count, Self.isDigit(chars[j]), value < 100_000_000 {
                value = value * 10 + Int(chars[j].value - 0x30)
                j += 1
            }
            if j < chars.count, chars[j] == "." || chars[j] == "%" || chars[j] == "％" || chars[j] == "年" { return nil }
            return (value, j - i)
        }
        // 十, 十二, 二十, 二十三, 三
        var j = i
        var tens = 0, units = 0
        if let d = Self.chineseDigits[chars[i]], i + 1 < chars.count, chars[i + 1] == "十" { tens = max(d, 1); j += 2 }
        else if chars[i] == "十" { tens = 1; j += 1 }
        if j < chars.count, let d = Self.chineseDigits[chars[j]] { units = d; j += 1 }
        return j > i ? (tens * 10 + units, j - i) : nil
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// Sentences of the given sections, split at full stops and semicolons.
    private static func isStop(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "。", "；", ";", "！", "!", "？", "?": return true
        default: return false
        }
    }

    /// Only paragraphs that mention one of `words` are split: the rest cannot hold a count we check.
    static func sentences(of report: Report, sections keys: Set<String>, mentioning words: [String]) -> [NarrativeSentence] {
        var out: [NarrativeSentence] = []
        let needles = words.map { Array($0.utf8) }
        for (s, section) in report.sections.enumerated() where keys.contains(section.key) {
            for (p, paragraph) in section.paragraphs.enumerated() {
                let bytes = Array(paragraph.utf8)
                guard needles.contains(where: { LabelMatcher.contains(bytes, $0) }) else { continue }
                let scalars = paragraph.unicodeScalars
                var start = scalars.startIndex, i = start
                while i != scalars.endIndex {
                    let stop = isStop(scalars[i])
                    scalars.formIndex(after: &i)
                    if stop {
                        out.append(make(String(scalars[start..<i]), section: section.key, s: s, p: p))
                        start = i
                    }
                }
                let rest = String(scalars[start...])
                if !rest.trimming(" ").isEmpty { out.append(make(rest, section: section.key, s: s, p: p)) }
            }
        }
        return out
    }

    private static func make(_ text: String, section: String, s: Int, p: Int) -> NarrativeSentence {
        let folded = text.trimming(" \t\n")
        let chars = Array(folded.unicodeScalars)
        return NarrativeSentence(text: folded, chars: chars, paragraphPath: "sections.\(section).paragraphs.\(p)",
                                 section: s, paragraph: p, plain: Scalars.isPlain(folded))
    }
}

