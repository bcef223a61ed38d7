import GXModel

/// Reads one printed cell the way spec §5 says: number, blank, not applicable, or text — and never
/// turns a blank into a zero.
public enum CellReader {
    /// What a value cell prints for "not applicable" or "none", after `TextFold` (which makes a
    /// full-width slash `/` and a dash of any width `-`): every reader asks `isNotApplicable`.
    private static let notApplicable: Set<String> = ["/", "-", "--", "---", "无", "空", "不适用", "\\"]
    /// The scalars a mark can open with (`无`, `空`, `不`): other Chinese text is text unfolded.
    private static let notApplicableFirst = Set(notApplicable.compactMap(\.unicodeScalars.first))
    /// Longer text cannot be one of the marks, and skips hashing.
    private static let notApplicableMaxBytes = notApplicable.map(\.utf8.count).max()!

    /// The cell prints a "not applicable" / "none" mark (`/`, `—`, `－`, `无`, `空`, `不适用`): a
    /// value's place, not a value and not text.
    public static func isNotApplicable(_ printed: String) -> Bool {
        isMark(folded: TextFold.fold(printed))
    }

    private static func isMark(folded: String) -> Bool {
        folded.utf8.count <= notApplicableMaxBytes && notApplicable.contains(folded)
    }

    public static func read(_ printed: String, type: ValueType = .count) -> (kind: CellKind, number: PrintedNumber?) {
        // The common case, a plain count: no folding needed.
        let utf8 = printed.utf8
        if !utf8.isEmpty, utf8.count <= PrintedNumber.maxDigits, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            var start = utf8.startIndex
            let last = utf8.index(before: utf8.endIndex)
            while start < last, utf8[start] == 0x30 { start = utf8.index(after: start) }
            return (.number, PrintedNumber(canonical: start == utf8.startIndex ? printed : String(printed[start...])))
        }
        // A label or note (`规章`, `三、本年度办理结果`): a Chinese character first that cannot start
        // a number or a not-applicable mark is text, with no folding needed.
        if let first = printed.unicodeScalars.first(where: { !$0.properties.isWhitespace }), first.value >= 0x3000,
           !(0xFF01...0xFF5E).contains(first.value), !notApplicableFirst.contains(first) {
            return (.text, nil)
        }
        let folded = TextFold.fold(printed)
        if folded.isEmpty { return (.blank, nil) }
        if isMark(folded: folded) { return (.na, nil) }
        if let number = parseNumber(folded), !holdsSeveralNumbers(printed) { return (.number, number) }
        return (.text, nil)
    }

    /// Why a cell that looks numeric is read as text, or nil when it is not such a cell: more digits
    /// than any count has, or two numbers in one cell (`1`, a line break, `2` must not become 12).
    /// The mappers report it, so a refused value is never silent.
    public static func refusal(_ printed: String) -> String? {
        let folded = TextFold.fold(printed)
        guard parseNumber(folded, digitLimit: Int.max) != nil else { return nil }
        if holdsSeveralNumbers(printed) { return "the cell holds more than one number (“\(printed)”), not one value" }
        if parseNumber(folded) == nil { return "more than \(PrintedNumber.maxDigits) digits is not a count" }
        return nil
    }

    /// True when whitespace (which `fold` drops) separates two runs that each hold a digit: `1 2`,
    /// `1\n2`, `0\t8`. A sign or a separator alone beside a number (`- 1`) is still one number.
    static func holdsSeveralNumbers(_ printed: String) -> Bool {
        var runsWithDigit = 0, inRun = false, runHasDigit = false
        for scalar in printed.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2000...0x200B, 0xFEFF, 0x2028, 0x2029:
                if inRun, runHasDigit { runsWithDigit += 1 }
                inRun = false; runHasDigit = false
            default:
                inRun = true
                if (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value) { runHasDigit = true }
            }
        }
        if inRun, runHasDigit { runsWithDigit += 1 }
        return runsWithDigit > 1
    }

    /// Accepts `13`, `+3`, `-1`, `1,234`, `256.1789`, `.5`; refuses units and words. Works on the
    /// UTF-8 bytes: every accepted character is ASCII, so nothing needs Character-level care.
    /// More than `digitLimit` digits (leading zeros aside) is refused.
    public static func parseNumber(_ folded: String, digitLimit: Int = PrintedNumber.maxDigits) -> PrintedNumber? {
        var bytes = Array(folded.utf8)[...]
        var negative = false
        if bytes.first == 0x2B { bytes = bytes.dropFirst() } else if bytes.first == 0x2D { negative = true; bytes = bytes.dropFirst() }
        guard !bytes.isEmpty else { return nil }
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        var whole = bytes
        var frac: ArraySlice<UInt8>?
        if let dot = bytes.firstIndex(of: 0x2E) {
            whole = bytes[..<dot]
            let rest = bytes[(dot + 1)...]
            guard !rest.isEmpty, rest.allSatisfy(isDigit) else { return nil }  // also refuses a second `.`
            frac = rest
        }
        if whole.contains(0x2C) {
            let groups = whole.split(separator: 0x2C, omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            whole = ArraySlice(groups.joined())
        }
        if whole.isEmpty { guard frac != nil else { return nil }; whole = [0x30] }
        guard whole.allSatisfy(isDigit) else { return nil }
        while whole.count > 1, whole.first == 0x30 { whole = whole.dropFirst() }
        guard whole.count + (frac?.count ?? 0) <= digitLimit else { return nil }
        var canonical = Array(whole)
        if let frac { canonical.append(0x2E); canonical += frac }
        if negative, canonical.contains(where: { $0 != 0x30 && $0 != 0x2E }) { canonical.insert(0x2D, at: 0) }
        return PrintedNumber(canonical: String(decoding: canonical, as: UTF8.self))
    }
}
