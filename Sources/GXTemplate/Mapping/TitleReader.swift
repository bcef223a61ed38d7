import GXModel

/// Agency and year from a title like `克井镇人民政府 2023 年政府信息公开工作年度报告`, with the
/// spaces and line breaks real titles carry, or `2023年度XX局政府信息公开工作年度报告`.
public enum TitleReader {
    public static func agencyAndYear(_ title: String) -> (agency: String?, year: Int?) {
        let s = Array(TextFold.fold(title))
        guard let anchor = find(Array("政府信息公开"), in: s) else { return (nil, nil) }
        // Digits (or Chinese numerals) of a year followed by 年/年度, before the anchor.
        var i = 0
        while i < anchor {
            if let (year, length) = DateReader.year(at: i, in: s), i + length < s.count, s[i + length] == "年" {
                var afterYear = i + length + 1
                if afterYear < s.count, s[afterYear] == "度" { afterYear += 1 }
                let before = String(s[0..<i])
                let between = afterYear <= anchor ? String(s[afterYear..<anchor]) : ""
                let agency = before.isEmpty ? between : before
                return (agency.isEmpty ? nil : agency, year)
            }
            i += 1
        }
        let agency = String(s[0..<anchor])
        return (agency.isEmpty ? nil : agency, nil)
    }

    static func find(_ needle: [Character], in hay: [Character]) -> Int? {
        guard needle.count <= hay.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
            if Array(hay[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}

/// Dates as printed at the end of a report: `2024年1月24日`, `2024 年 1 月 24 日`, `二〇二四年一月二十四日`.
public enum DateReader {
    static let chineseDigit: [Character: Int] = ["〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
                                                  "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    /// A four-digit year starting at `i` (ASCII or Chinese numerals), and how many characters it took.
    static func year(at i: Int, in s: [Character]) -> (Int, Int)? {
        guard i + 4 <= s.count else { return nil }
        var value = 0
        for k in 0..<4 {
            let ch = s[i + k]
            if let d = ch.wholeNumberValue, ch.isASCII { value = value * 10 + d }
            else if let d = chineseDigit[ch] { value = value * 10 + d }
            else { return nil }
        }
        if i > 0, s[i - 1].isASCII, s[i - 1].isNumber { return nil }
        return (1990...2100).contains(value) ? (value, 4) : nil
    }

    /// A 1–2 digit ASCII number or a Chinese number up to 三十一 at `i`.
    static func small(at i: Int, in s: [Character]) -> (Int, Int)? {
        var j = i
        var value = 0
        while j < s.count, j - i < 2, s[j].isASCII, let d = s[j].wholeNumberValue { value = value * 10 + d; j += 1 }
        if j > i { return (value, j - i) }
        // Chinese: 一 … 九, 十, 十一 … 十九, 二十 … 三十一
        var tens = 0, units = 0
        if j < s.count, let d = chineseDigit[s[j]], d > 0, j + 1 < s.count, s[j + 1] == "十" { tens = d; j += 2 }
        else if j < s.count, s[j] == "十" { tens = 1; j += 1 }
        if j < s.count, let d = chineseDigit[s[j]], d > 0 { units = d; j += 1 }
        return j > i ? (tens * 10 + units, j - i) : nil
    }

    public static func isoDate(in text: String) -> String? {
        let s = Array(TextFold.fold(text))
        var i = 0
        while i < s.count {
            if let (y, ly) = year(at: i, in: s), i + ly < s.count, s[i + ly] == "年",
               let (m, lm) = small(at: i + ly + 1, in: s), i + ly + 1 + lm < s.count, s[i + ly + 1 + lm] == "月",
               let (d, ld) = small(at: i + ly + 2 + lm, in: s), i + ly + 2 + lm + ld < s.count, s[i + ly + 2 + lm + ld] == "日",
               (1...12).contains(m), (1...31).contains(d) {
                return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
            }
            i += 1
        }
        return nil
    }
}
