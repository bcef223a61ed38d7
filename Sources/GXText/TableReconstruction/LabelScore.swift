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

    static func lcs(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
