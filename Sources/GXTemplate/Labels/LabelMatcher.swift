import GXModel
/// Finds which template key a printed label means. Exact match on normalised labels first; then a
/// template label that starts the printed one (`部分公开(区分处理的…)`); then containment; and
/// only last a small edit distance, so OCR'd labels still land while short labels (`其他`, `总计`)
/// never match by accident. Comparisons run on UTF-8 bytes and scalars: labels are already
/// normalised, so Unicode-aware String comparison would only cost time.
public struct LabelMatcher: Sendable {
    private struct Candidate: Sendable {
        let key: String
        let bytes: [UInt8]
        let scalars: [Unicode.Scalar]
    }

    private let candidates: [Candidate]
    private let exact: [[UInt8]: String]

    public init(_ entries: [(key: String, labels: [String])]) {
        var flat: [Candidate] = []
        var exact: [[UInt8]: String] = [:]
        for entry in entries {
            for label in entry.labels {
                let normalized = LabelNormalizer.normalize(label)
                let bytes = Array(normalized.utf8)
                flat.append(Candidate(key: entry.key, bytes: bytes, scalars: Array(normalized.unicodeScalars)))
                if exact[bytes] == nil { exact[bytes] = entry.key }
            }
        }
        candidates = flat
        self.exact = exact
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
        let bytes = Array(label.utf8)
        if let key = exact[bytes] { return Match(key: key, quality: 0) }
        var best: (key: String, length: Int)?
        for c in candidates where c.scalars.count >= 4 && bytes.starts(with: c.bytes) {
            if best == nil || c.bytes.count > best!.length { best = (c.key, c.bytes.count) }
        }
        if let best { return Match(key: best.key, quality: 1) }
        for c in candidates where c.scalars.count >= 4 && LabelMatcher.contains(bytes, c.bytes) {
            if best == nil || c.bytes.count > best!.length { best = (c.key, c.bytes.count) }
        }
        if let best { return Match(key: best.key, quality: 2) }
        guard fuzzy else { return nil }
        var bestDistance = Int.max
        var bestKey: String?
        let scalars = Array(label.unicodeScalars)
        for c in candidates where c.scalars.count >= 4 {
            let limit = max(1, c.scalars.count / 5)
            guard abs(c.scalars.count - scalars.count) <= limit else { continue }
            let d = LabelMatcher.editDistance(scalars, c.scalars, limit: limit)
            if d <= limit, d < bestDistance { bestDistance = d; bestKey = c.key }
        }
        return bestKey.map { Match(key: $0, quality: 3) }
    }

    /// A match that no other key comes close to: exact, prefix or containment as `matchNormalized`,
    /// or a fuzzy match whose edit distance is smaller by at least `margin` than that of every
    /// label of another key. Used where a label is pieced together or inferred (a row broken by a
    /// page), so a reading between two template labels never picks one of them.
    public func distinctMatch(_ label: String, margin: Int = 2) -> Match? {
        if let m = matchNormalized(label, fuzzy: false) { return m }
        let scalars = Array(label.unicodeScalars)
        guard scalars.count >= 4 else { return nil }
        // Each key's nearest label: `accepted` within that label's own limit, `nearest` at all.
        var accepted: [String: Int] = [:], nearest: [String: Int] = [:]
        for c in candidates where c.scalars.count >= 4 {
            let limit = max(1, c.scalars.count / 5)
            let d = LabelMatcher.editDistance(scalars, c.scalars, limit: limit + margin)
            nearest[c.key] = min(nearest[c.key] ?? .max, d)
            if d <= limit { accepted[c.key] = min(accepted[c.key] ?? .max, d) }
        }
        guard let best = accepted.min(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { return nil }
        let runnerUp = nearest.filter { $0.key != best.key }.values.min() ?? .max
        guard runnerUp >= best.value + margin else { return nil }
        return Match(key: best.key, quality: 3)
    }

    /// Whether `needle` occurs in `hay` (see `ByteSearch`).
    public static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        needle.isEmpty || ByteSearch.firstIndex(of: needle, in: hay) != nil
    }

    /// Levenshtein distance, giving up (returning limit + 1) once every path exceeds `limit`.
    public static func editDistance<T: Equatable>(_ a: [T], _ b: [T], limit: Int) -> Int {
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
