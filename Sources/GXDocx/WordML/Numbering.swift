import GXLibXML
import GXModel

/// Word's automatic list numbering (`numbering.xml`), so a heading numbered by `w:numPr` reads
/// `一、总体情况` as Word shows it, not `总体情况`. Lists are `w:abstractNum` definitions (per level:
/// start value, `numFmt`, `lvlText` with `%1`…`%9`) used through `w:num` instances, which may
/// restart a level (`lvlOverride/startOverride`). Paragraph styles may carry numbering too
/// (`styles.xml`, following `basedOn`).
struct NumberingDefinitions {
    struct Level {
        var start = 1
        var format = "decimal"
        var text: String?
        /// What separates the number from the text: `tab` (Word's default), `space` or `nothing`.
        var suffix = "tab"
    }
    struct Instance {
        var abstract: String
        var startOverrides: [Int: Int] = [:]
    }
    var abstracts: [String: [Int: Level]] = [:]
    var instances: [String: Instance] = [:]
    /// Style id → (numId, ilvl) and basedOn, from styles.xml.
    var styleNumbering: [String: (numId: String?, ilvl: Int?)] = [:]
    var styleBasedOn: [String: String] = [:]

    var isEmpty: Bool { instances.isEmpty }

    /// The numbering a paragraph style gives, following `basedOn` (at most 16 steps: loops end).
    func numbering(ofStyle style: String) -> (numId: String, ilvl: Int)? {
        var id: String? = style
        var ilvl: Int?
        for _ in 0..<16 {
            guard let current = id else { break }
            if let n = styleNumbering[current] {
                if ilvl == nil { ilvl = n.ilvl }
                if let numId = n.numId { return (numId, ilvl ?? 0) }
            }
            id = styleBasedOn[current]
        }
        return nil
    }
}

/// Reads `numbering.xml` or `styles.xml` into `NumberingDefinitions` (one handler for both: the
/// elements do not overlap).
final class NumberingReader: SAXHandler {
    private(set) var definitions = NumberingDefinitions()
    private var path: [String] = []
    private var abstractId: String?
    private var level: Int?
    private var levelDef = NumberingDefinitions.Level()
    private var numId: String?
    private var overrideLevel: Int?
    private var styleId: String?

    func startElement(_ element: SAXElement, parser: SAXParser) throws {
        let local = element.name.string
        let attributes = element.attributes
        let parent = path.last
        path.append(local)
        guard XMLNamespace(element.namespace) == .word else { return }
        switch local {
        case "abstractNum": abstractId = attributes.value("abstractNumId")
        case "lvl":
            if abstractId != nil {
                level = attributes.value("ilvl").flatMap { Int($0) }
                levelDef = NumberingDefinitions.Level()
            } else if numId != nil, overrideLevel != nil {
                level = overrideLevel
                levelDef = NumberingDefinitions.Level()
            }
        case "start": if level != nil, let v = attributes.value("val").flatMap({ Int($0) }) { levelDef.start = v }
        case "numFmt": if level != nil, let v = attributes.value("val") { levelDef.format = v }
        case "lvlText": if level != nil { levelDef.text = attributes.value("val") }
        case "suff": if level != nil, let v = attributes.value("val") { levelDef.suffix = v }
        case "num":
            numId = attributes.value("numId")
            if let numId { definitions.instances[numId] = NumberingDefinitions.Instance(abstract: "") }
        case "abstractNumId":
            if let numId, parent == "num", let v = attributes.value("val") { definitions.instances[numId]?.abstract = v }
        case "lvlOverride": overrideLevel = attributes.value("ilvl").flatMap { Int($0) }
        case "startOverride":
            if let numId, let l = overrideLevel, let v = attributes.value("val").flatMap({ Int($0) }) {
                definitions.instances[numId]?.startOverrides[l] = v
            }
        case "style":
            styleId = attributes.value("type") == "paragraph" || attributes.value("type") == nil ? attributes.value("styleId") : nil
        case "basedOn":
            if let styleId, parent == "style", let v = attributes.value("val") { definitions.styleBasedOn[styleId] = v }
        case "numId":
            if let styleId, parent == "numPr", let v = attributes.value("val") {
                definitions.styleNumbering[styleId, default: (nil, nil)].numId = v
            }
        case "ilvl":
            if let styleId, parent == "numPr", let v = attributes.value("val").flatMap({ Int($0) }) {
                definitions.styleNumbering[styleId, default: (nil, nil)].ilvl = v
            }
        default: break
        }
    }

    func endElement(_ name: SAXName, parser: SAXParser) {
        guard let local = path.popLast() else { return }
        switch local {
        case "lvl":
            if let level, (0...8).contains(level) {
                if let abstractId { definitions.abstracts[abstractId, default: [:]][level] = levelDef }
                // A level redefined inside lvlOverride is kept as its own abstract for that num.
                else if let numId, let abstract = definitions.instances[numId]?.abstract {
                    let own = "num:" + numId
                    if definitions.abstracts[own] == nil { definitions.abstracts[own] = definitions.abstracts[abstract] ?? [:] }
                    definitions.abstracts[own]![level] = levelDef
                    definitions.instances[numId]!.abstract = own
                }
            }
            level = nil
        case "abstractNum": abstractId = nil
        case "num": numId = nil
        case "lvlOverride": overrideLevel = nil
        case "style": styleId = nil
        default: break
        }
    }

    func characters(_ text: SAXText, parser: SAXParser) {}
}

/// The running counters while the body is read: each paragraph with numbering gets the label Word
/// shows. Counters belong to the abstract list (instances of one list continue each other) unless
/// an instance restarts a level, which it does at its first use; a level restarts whenever a
/// higher level is used after it.
struct ListCounter {
    let definitions: NumberingDefinitions
    private var counters: [String: [Int?]] = [:]
    private var restarted: Set<String> = []

    init(_ definitions: NumberingDefinitions) { self.definitions = definitions }

    /// The label for one paragraph (`一、`, `（二）`, `①`), with the separator Word puts after it;
    /// nil for numId 0, unknown lists, bullets and `none`.
    mutating func label(numId: String, ilvl: Int) -> String? {
        guard numId != "0", let instance = definitions.instances[numId],
              let levels = definitions.abstracts[instance.abstract], (0...8).contains(ilvl) else { return nil }
        var values = counters[instance.abstract] ?? Array(repeating: nil, count: 9)
        if !restarted.contains(numId), !instance.startOverrides.isEmpty {
            restarted.insert(numId)
            for (l, start) in instance.startOverrides where (0...8).contains(l) { values[l] = start - 1 }
        }
        let level = levels[ilvl] ?? NumberingDefinitions.Level()
        values[ilvl] = (values[ilvl] ?? (level.start - 1)) + 1
        for deeper in (ilvl + 1)..<9 { values[deeper] = nil }
        counters[instance.abstract] = values
        guard level.format != "bullet", level.format != "none", let text = level.text else { return nil }
        var label = ""
        var scalars = text.unicodeScalars[...]
        while let c = scalars.popFirst() {
            if c == "%", let d = scalars.first, let n = Int(String(d)), (1...9).contains(n) {
                scalars = scalars.dropFirst()
                let l = n - 1
                let shown = levels[l] ?? NumberingDefinitions.Level()
                label += NumberFormat.format(values[l] ?? shown.start, as: l == ilvl ? level.format : shown.format)
            } else {
                label.unicodeScalars.append(c)
            }
        }
        guard !label.isEmpty else { return nil }
        switch level.suffix {
        case "space": return label + " "
        case "nothing": return label
        default:
            // A tab after `一、` or `（一）` shows as a gap; in text it would only split the line.
            return label.unicodeScalars.last.map { $0.isASCII && $0.properties.isAlphabetic } == true ? label + " " : label
        }
    }
}

/// Word's `numFmt` values, as Word renders them.
enum NumberFormat {
    static let chineseDigits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let legalDigits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let heavenlyStems: [Character] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]

    static func format(_ n: Int, as format: String) -> String {
        switch format {
        case "chineseCounting", "japaneseCounting", "taiwaneseCounting":
            return counting(n, digits: chineseDigits, units: ["十", "百", "千"], tenAlone: true)
        case "chineseCountingThousand", "taiwaneseCountingThousand", "japaneseCountingThousand":
            return counting(n, digits: chineseDigits, units: ["十", "百", "千"], tenAlone: true)
        case "chineseLegalSimplified":
            return counting(n, digits: legalDigits, units: ["拾", "佰", "仟"], tenAlone: false)
        case "ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital":
            return String(String(n).map { chineseDigits[Int(String($0))!] })
        case "ideographTraditional":
            return n >= 1 && n <= 10 ? String(heavenlyStems[n - 1]) : String(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return n >= 1 && n <= 20 ? String(Character(Unicode.Scalar(0x2460 + UInt32(n - 1))!)) : String(n)
        case "decimalEnclosedParen": return "(\(n))"
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "upperLetter", "lowerLetter":
            guard n >= 1 else { return String(n) }
            let letter = Character(Unicode.Scalar(UInt8((n - 1) % 26) + (format == "upperLetter" ? 65 : 97)))
            return String(repeating: letter, count: (n - 1) / 26 + 1)
        case "upperRoman", "lowerRoman":
            let r = roman(n)
            return format == "upperRoman" ? r : r.lowercased()
        default:
            return String(n)
        }
    }

    /// 1 一, 10 十, 11 十一, 20 二十, 105 一百零五, 110 一百一十.
    static func counting(_ n: Int, digits: [Character], units: [Character], tenAlone: Bool) -> String {
        guard n > 0, n < 10_000 else { return String(n) }
        if n < 10 { return String(digits[n]) }
        if n < 20, tenAlone { return String(units[0]) + (n % 10 == 0 ? "" : String(digits[n % 10])) }
        var out = ""
        var zero = false
        for (power, unit) in [(1000, units[2]), (100, units[1]), (10, units[0]), (1, nil as Character?)] {
            let d = (n / power) % 10
            if d == 0 { if !out.isEmpty { zero = true }; continue }
            if zero { out.append(digits[0] == "〇" ? "零" : digits[0]); zero = false }
            out.append(digits[d])
            if let unit { out.append(unit) }
        }
        return out
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        var n = n, out = ""
        for (v, s) in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while n >= v { out += s; n -= v }
        }
        return out
    }
}
