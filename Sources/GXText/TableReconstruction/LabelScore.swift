import GXTemplate

/// Label similarity robust to what text extraction and OCR do to labels: numbering, punctuation,
/// spaces, wrapped lines, group-label fragments mixed in, a few misread characters. Labels are
/// compared on their Chinese characters only, by the Dice coefficient of their longest common
/// subsequence.
enum LabelScore {
    static func key(_ text: String) -> [UInt32] {
        LabelNormalizer.normalize(text).unicodeScalars.compactMap {
            (0x3400...0x9FFF).contains($0.value) ? $0.value : nil
        }
    }

    static func dice(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let l = lcs(a, b)
        return 2 * Double(l) / Double(a.count + b.count)
    }

    /// The label's first two characters open the text (one stray character allowed before them).
    static func startsLike(_ label: [UInt32], _ text: [UInt32]) -> Bool {
        guard label.count >= 2, text.count >= 2 else { return false }
        if text[0] == label[0], text[1] == label[1] { return true }
        return text.count >= 3 && text[1] == label[0] && text[2] == label[1]
    }

    /// `needle` occurs in `hay` as a contiguous run.
    static func contains(_ hay: [UInt32], _ needle: [UInt32]) -> Bool {
        guard !needle.isEmpty, needle.count <= hay.count else { return needle.isEmpty }
        outer: for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
            for k in 1..<needle.count where hay[i + k] != needle[k] { continue outer }
            return true
        }
        return false
    }

    /// Length of the longest common subsequence. Header matching compares every token with every
    /// template label, so this runs thousands of times per report: labels up to 64 characters take
    /// the bit-parallel form (Allison–Dix, as in Crochemore et al. 2001), one word operation per
    /// character of `a`; longer ones the dynamic programme on two rows.
    static func lcs(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return b.count <= 64 ? lcsBits(a, b) : lcsRows(a, b)
    }

    private static func lcsBits(_ a: [UInt32], _ b: [UInt32]) -> Int {
        b.withUnsafeBufferPointer { b in
            var v = ~UInt64(0)
            for x in a {
                var match: UInt64 = 0
                for j in 0..<b.count where b[j] == x { match |= 1 << UInt64(j) }
                v = (v &+ (v & match)) | (v & ~match)
            }
            let used = b.count == 64 ? ~UInt64(0) : (1 << UInt64(b.count)) - 1
            return (~v & used).nonzeroBitCount
        }
    }

    static func lcsRows(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * width) { rows in
            rows.initialize(repeating: 0)
            var previous = rows.baseAddress!, current = previous + width
            for x in a {
                for j in 0..<b.count {
                    current[j + 1] = x == b[j] ? previous[j] + 1 : max(previous[j + 1], current[j])
                }
                swap(&previous, &current)
            }
            return previous[b.count]
        }
    }
}
