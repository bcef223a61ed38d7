/// Finds which template key a printed label means. Exact match on normalised labels first; then a
/// template label that starts the printed one (`部分公开(区分处理的…)`); then containment; and
/// only last a small edit distance, so OCR'd labels still land while short labels (`其他`, `总计`)
/// never match by accident.
public struct LabelMatcher: Sendable {
    public struct Candidate: Sendable {
        public let key: String
        public let labels: [String]
    }

    private let candidates: [(key: String, label: String)]

    public init(_ entries: [(key: String, labels: [String])]) {
        var flat: [(String, String)] = []
        for entry in entries {
            for label in entry.labels { flat.append((entry.key, LabelNormalizer.normalize(label))) }
        }
        candidates = flat
    }

    public init(columns: [ColumnSpec]) {
        self.init(columns.map { ($0.key, $0.labels) })
    }

    public init(rows: [RowSpec]) {
        self.init(rows.map { ($0.key, $0.labels) })
    }

    public struct Match: Sendable, Equatable {
        public let key: String
        /// 0 exact, 1 prefix, 2 containment, 3 fuzzy.
        public let quality: Int
    }

    public func match(_ text: String, fuzzy: Bool = true) -> Match? {
        matchNormalized(LabelNormalizer.normalize(text), fuzzy: fuzzy)
    }

    public func matchNormalized(_ label: String, fuzzy: Bool = true) -> Match? {
        guard !label.isEmpty else { return nil }
        if let hit = candidates.first(where: { $0.label == label }) { return Match(key: hit.key, quality: 0) }
        var best: (key: String, length: Int)?
        for c in candidates where c.label.count >= 4 && label.hasPrefix(c.label) {
            if best == nil || c.label.count > best!.length { best = (c.key, c.label.count) }
        }
        if let best { return Match(key: best.key, quality: 1) }
        for c in candidates where c.label.count >= 4 && label.contains(c.label) {
            if best == nil || c.label.count > best!.length { best = (c.key, c.label.count) }
        }
        if let best { return Match(key: best.key, quality: 2) }
        guard fuzzy else { return nil }
        var bestDistance = Int.max
        var bestKey: String?
        let labelChars = Array(label)
        for c in candidates where c.label.count >= 4 {
            let cand = Array(c.label)
            let limit = max(1, cand.count / 5)
            guard abs(cand.count - labelChars.count) <= limit else { continue }
            let d = LabelMatcher.editDistance(labelChars, cand, limit: limit)
            if d <= limit, d < bestDistance { bestDistance = d; bestKey = c.key }
        }
        return bestKey.map { Match(key: $0, quality: 3) }
    }

    /// Levenshtein distance, giving up (returning limit + 1) once every path exceeds `limit`.
    public static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
