import Testing
import GXModel
import GXTemplate
@testable import GXText

/// The prepared label masks must score exactly as `LabelScore.dice` on the joined window.
@Suite struct RowPlansTests {
    @Test func preparedDiceEqualsLabelScoreDice() {
        var rng = SplitMix(seed: 11)
        for table in [StandardTableKey.requests, .activeDisclosure] {
            for variant in [TemplateVariant.v2021, .v2019] {
                let plans = RowPlans.of(table, variant)
                let all = plans.labels.map(\.key)
                let pool = Array(all.joined()) + [0x4E00, 0x9FA5, 0x7532]   // label characters and some no label uses
                for (l, label) in plans.labels.enumerated() {
                    for _ in 0..<20 {
                        // Windows of one to three texts: fragments of labels, stray characters, OCR slips.
                        let parts = (0..<(1 + Int(rng.next() % 3))).map { _ in
                            (0..<(1 + Int(rng.next() % 20))).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
                        } + (rng.next() % 2 == 0 ? [label.key] : [])
                        let numbers = parts.map(plans.numbers)
                        let length = parts.reduce(0) { $0 + $1.count }
                        let expected = LabelScore.dice(label.key, Array(parts.joined()))
                        #expect(plans.dice(label: l, keys: parts[...], numbers: numbers[...], length: length) == expected)
                    }
                }
                // Rows sharing a character: as the aligner asked it before, label by label.
                for key in all.prefix(12) {
                    let chars = Set(key.prefix(2))
                    let expected = plans.rows.map { $0.labelKeys.contains { $0.contains(where: chars.contains) } }
                    #expect(plans.rowsSharing(plans.numbers(Array(key.prefix(2)))) == expected)
                }
            }
        }
    }
}
