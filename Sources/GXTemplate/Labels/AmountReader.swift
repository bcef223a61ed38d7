import GXModel

/// Money cells as agencies print them: the 2021 fee amount and the 2019 procurement amount arrive as
/// `251000元`, `25.1万元` or `1,234.5`. The printed text is always kept; the number is given in the
/// unit the column's header states (the 2021 fee header says 万元), or, where the header states
/// none (2019 采购总金额), as printed with its printed unit on a field. A wrong number is worse than
/// none, so only the two currency units below are read; anything else stays text.
public enum AmountReader {
    /// Units a money cell or header may print, with their power of ten in yuan. Longest first, so
    /// `万元` is never read as `元`.
    static let units: [(name: String, exponent: Int)] = [("万元", 4), ("元", 0)]

    /// The unit a printed header states (`本年收费金额（单位：万元）`, `采购总金额(元)`), or nil.
    public static func unit(inHeader printed: String) -> String? {
        let folded = TextFold.fold(printed)
        // Only a unit in brackets or after 单位 counts: `采购总金额` names money but states no unit.
        for (name, _) in units {
            if folded.contains("(\(name))") || folded.contains("单位:\(name)") || folded.contains("单位\(name)") {
                return name
            }
        }
        return nil
    }

    /// Reads a money cell. `headerUnit` is the unit the column states, if any. Returns nil when the
    /// text is not one number with at most one currency unit after it.
    public static func read(_ printed: String, headerUnit: String?) -> (number: PrintedNumber, unit: String?)? {
        var folded = TextFold.fold(printed)
        var printedUnit: (name: String, exponent: Int)?
        for unit in units where folded.hasSuffix(unit.name) {
            printedUnit = unit
            folded.removeLast(unit.name.count)
            break
        }
        guard let number = CellReader.parseNumber(folded) else { return nil }
        guard let printedUnit else { return (number, headerUnit) }
        guard let headerUnit, headerUnit != printedUnit.name,
              let target = units.first(where: { $0.name == headerUnit }) else {
            return (number, printedUnit.name)
        }
        guard let converted = shift(number, by: printedUnit.exponent - target.exponent) else { return nil }
        return (converted, headerUnit)
    }

    /// `number` × 10^`places`, exactly, on its decimal digits (no binary floating point).
    static func shift(_ number: PrintedNumber, by places: Int) -> PrintedNumber? {
        var text = number.canonical
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0]) + (parts.count > 1 ? Array(parts[1]) : [])
        var point = parts[0].count + places
        if point < 1 { digits.insert(contentsOf: repeatElement("0", count: 1 - point), at: 0); point = 1 }
        if point > digits.count { digits.append(contentsOf: repeatElement("0", count: point - digits.count)) }
        var whole = String(digits[..<point])
        var fraction = String(digits[point...])
        while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let body = fraction.isEmpty ? whole : "\(whole).\(fraction)"
        let isZero = body.allSatisfy { $0 == "0" || $0 == "." }
        return PrintedNumber(canonical: negative && !isZero ? "-" + body : body)
    }
}
