import GXModel
import GXTemplate

/// The template's rows of one table and variant, prepared once per process for label matching.
/// The aligner scores every text token against every row's labels, twice per table (both
/// variants), thousands of pairs per report: what depends on the labels alone is done here, once.
/// Each Chinese character of any label gets a number; each row lists the characters its labels
/// use; each label of up to 64 characters keeps its match masks for the bit-parallel LCS, so a
/// pair costs one word operation per character of the text.
struct RowPlans: Sendable {
    /// One label of a row, as the scoring loop reads it.
    struct Label: Sendable {
        var key: [UInt32]
        /// Where its masks start in `masks` (one word per character number); nil past 64 characters.
        var masks: Int?
    }

    let rows: [RowPlan]
    /// Every row's labels, row after row; `labelRanges[r]` are row r's.
    let labels: [Label]
    let labelRanges: [Range<Int>]
    /// The number of each character used in a label.
    private let alphabet: [UInt32: Int32]
    /// The rows whose labels use each character, by its number.
    private let rowsUsing: [[Int]]
    /// For each label and character number, the positions where the label has that character.
    private let masks: [UInt64]

    init(_ spec: TableSpec) {
        var blockOf: [String: Int] = [:]
        for (b, keys) in TemplateLayout.printedBlocks(spec.table, spec.variant).enumerated() { for k in keys { blockOf[k] = b } }
        rows = spec.rows.enumerated().map { index, row in
            let keys = row.labels.map(LabelScore.key).filter { !$0.isEmpty }
            return RowPlan(key: row.key, labelKeys: keys, short: keys.allSatisfy { $0.count <= 3 },
                           width: (row.columns.isEmpty ? spec.columns : row.columns).count,
                           block: blockOf[row.key] ?? 1000 + index)
        }
        var alphabet: [UInt32: Int32] = [:]
        var rowsUsing: [[Int]] = []
        for (r, row) in rows.enumerated() {
            for c in row.labelKeys.joined() {
                let n = alphabet[c] ?? {
                    alphabet[c] = Int32(rowsUsing.count)
                    rowsUsing.append([])
                    return Int32(rowsUsing.count - 1)
                }()
                if rowsUsing[Int(n)].last != r { rowsUsing[Int(n)].append(r) }
            }
        }
        var labels: [Label] = [], labelRanges: [Range<Int>] = [], masks: [UInt64] = []
        for row in rows {
            let first = labels.count
            for key in row.labelKeys {
                guard key.count <= 64 else { labels.append(Label(key: key, masks: nil)); continue }
                labels.append(Label(key: key, masks: masks.count))
                masks += [UInt64](repeating: 0, count: rowsUsing.count)
                for (j, c) in key.enumerated() { masks[labels[labels.count - 1].masks! + Int(alphabet[c]!)] |= 1 << UInt64(j) }
            }
            labelRanges.append(first..<labels.count)
        }
        self.labels = labels
        self.labelRanges = labelRanges
        self.alphabet = alphabet
        self.rowsUsing = rowsUsing
        self.masks = masks
    }

    private static let requests = [TemplateVariant.v2021, .v2019].map { RowPlans(Template.spec(.requests, $0)) }
    private static let activeDisclosure = [TemplateVariant.v2021, .v2019].map { RowPlans(Template.spec(.activeDisclosure, $0)) }

    static func of(_ table: StandardTableKey, _ variant: TemplateVariant) -> RowPlans {
        let index = variant == .v2021 ? 0 : 1
        switch table {
        case .requests: return requests[index]
        case .activeDisclosure: return activeDisclosure[index]
        case .reviewLitigation: return RowPlans(Template.spec(table, variant))
        }
    }

    /// A text's characters by number; -1 for one no label uses.
    func numbers(_ key: [UInt32]) -> [Int32] { key.map { alphabet[$0] ?? -1 } }

    /// Which rows have a label sharing a character with the text.
    func rowsSharing(_ numbers: [Int32]) -> [Bool] {
        var shared = [Bool](repeating: false, count: rows.count)
        for n in numbers where n >= 0 { for r in rowsUsing[Int(n)] { shared[r] = true } }
        return shared
    }

    /// `LabelScore.dice(label, window)` for label `l`, the window given as consecutive texts
    /// (`keys`, and their `numbers`) of `length` characters in all.
    func dice(label l: Int, keys: ArraySlice<[UInt32]>, numbers: ArraySlice<[Int32]>, length: Int) -> Double {
        let label = labels[l]
        guard let base = label.masks else { return LabelScore.dice(label.key, Array(keys.joined())) }
        guard length > 0 else { return 0 }
        // LCS is symmetric: the label's positions are the bits, the window's characters the steps.
        // A character no label uses matches nothing and leaves the bits as they are.
        return masks.withUnsafeBufferPointer { masks in
            var v = ~UInt64(0)
            for part in numbers {
                for n in part where n >= 0 {
                    let match = masks[base + Int(n)]
                    v = (v &+ (v & match)) | (v & ~match)
                }
            }
            let used = label.key.count == 64 ? ~UInt64(0) : (1 << UInt64(label.key.count)) - 1
            return 2 * Double((~v & used).nonzeroBitCount) / Double(label.key.count + length)
        }
    }
}
