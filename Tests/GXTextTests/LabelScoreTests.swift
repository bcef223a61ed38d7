import Testing
@testable import GXText

/// The fast LCS forms must agree with the textbook dynamic programme on every input.
@Suite struct LabelScoreTests {
    /// The full-table dynamic programme, written plainly as the reference.
    static func reference(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 1...a.count {
            for j in 1...b.count {
                table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1 : max(table[i - 1][j], table[i][j - 1])
            }
        }
        return table[a.count][b.count]
    }

    @Test func lcsMatchesTheReferenceOnRandomLabels() {
        var rng = SplitMix(seed: 7)
        for round in 0..<3000 {
            // Small alphabets make many matches; lengths cross the 64-character word boundary.
            let alphabet = UInt32(2 + round % 6)
            let a = (0..<Int(rng.next() % 90)).map { _ in 0x4E00 + UInt32(rng.next() % UInt64(alphabet)) }
            let b = (0..<Int(rng.next() % 90)).map { _ in 0x4E00 + UInt32(rng.next() % UInt64(alphabet)) }
            let expected = Self.reference(a, b)
            #expect(LabelScore.lcs(a, b) == expected, "a=\(a) b=\(b)")
            #expect(LabelScore.lcsRows(a, b) == expected)
        }
    }

    @Test func lcsOfKnownLabels() {
        let a = LabelScore.key("本年新收政府信息公开申请数量")
        let b = LabelScore.key("本年新收政府信息公开申请")
        #expect(LabelScore.lcs(a, b) == b.count)
        #expect(LabelScore.lcs(a, []) == 0)
        #expect(LabelScore.lcs(Array(repeating: 0x4E00, count: 64), Array(repeating: 0x4E00, count: 64)) == 64)
        #expect(LabelScore.lcs(Array(repeating: 0x4E00, count: 70), Array(repeating: 0x4E00, count: 65)) == 65)
    }
}

/// A tiny deterministic generator, so the random cases are the same on every machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
