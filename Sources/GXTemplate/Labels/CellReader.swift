import GXModel

/// Reads one printed cell the way spec §5 says: number, blank, not applicable, or text — and never
/// turns a blank into a zero.
public enum CellReader {
    private static let notApplicable: Set<String> = ["/", "-", "--", "---", "无", "不适用", "\\", "——", "—"]

    public static func read(_ printed: String, type: ValueType = .count) -> (kind: CellKind, number: PrintedNumber?) {
        // The common case, a plain count: no folding needed.
        let utf8 = printed.utf8
        if !utf8.isEmpty, utf8.count <= 18, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            var digits = Substring(printed)
            while digits.count > 1, digits.first == "0" { digits = digits.dropFirst() }
            return (.number, PrintedNumber(canonical: String(digits)))
        }
        // A label or note (`规章`, `三、本年度办理结果`): a Chinese character first that cannot start
        // a number or a not-applicable mark is text, with no folding needed.
        if let first = printed.unicodeScalars.first(where: { !$0.properties.isWhitespace }), first.value >= 0x3000,
           !(0xFF01...0xFF5E).contains(first.value), first != "无", first != "不" {
            return (.text, nil)
        }
        let folded = LabelNormalizer.fold(printed)
        if folded.isEmpty { return (.blank, nil) }
        if notApplicable.contains(folded) { return (.na, nil) }
        if let number = parseNumber(folded) { return (.number, number) }
        return (.text, nil)
    }

    /// Accepts `13`, `+3`, `-1`, `1,234`, `256.1789`, `.5`; refuses units and words.
    public static func parseNumber(_ folded: String) -> PrintedNumber? {
        var chars = Substring(folded)
        var negative = false
        if chars.first == "+" { chars = chars.dropFirst() } else if chars.first == "-" { negative = true; chars = chars.dropFirst() }
        guard !chars.isEmpty else { return nil }
        let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        var whole = String(parts[0])
        let frac = parts.count == 2 ? String(parts[1]) : nil
        if let frac, frac.isEmpty || !frac.allSatisfy(\.isASCIIDigit) { return nil }
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            whole = groups.joined()
        }
        if whole.isEmpty { guard frac != nil else { return nil }; whole = "0" }
        guard whole.allSatisfy(\.isASCIIDigit) else { return nil }
        while whole.count > 1, whole.first == "0" { whole.removeFirst() }
        var canonical = whole
        if let frac { canonical += "." + frac }
        if negative, canonical.contains(where: { $0 != "0" && $0 != "." }) { canonical = "-" + canonical }
        return PrintedNumber(canonical: canonical)
    }
}
