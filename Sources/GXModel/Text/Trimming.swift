/// The one trim family. Cells, headings and lines arrive with white space around them (indents,
/// U+3000 ideographic spaces, no-break spaces, line breaks where a cell wrapped); every reader and
/// the mapper trim it the same way, Character by Character as `Character.isWhitespace` decides.
extension String {
    /// Without leading and trailing whitespace Characters (see `Substring.trimmingWhitespace`).
    public var trimmingWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        // Nothing to trim (nearly every cell): the text itself, not a copy.
        if Scalars.endsNeedNoTrim(first, last) { return self }
        return self[...].trimmingWhitespace
    }
}

extension Substring {
    /// Without leading and trailing whitespace Characters (a Character is whitespace when its first
    /// scalar is). A whitespace scalar next to scalars that never join it (`Scalars.standsAlone`) is
    /// a whole Character, so most text is trimmed scalar by scalar, and text that starts and ends
    /// with a non-white scalar that stands alone (nearly every cell) is returned as it is; anything
    /// else goes through Characters. `ScalarPathTests` checks it against the Character-level trim.
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let lastScalar = scalars.last else { return "" }
        func alone(_ i: String.Index) -> Bool { Scalars.standsAlone(scalars[i].value) }
        if Scalars.endsNeedNoTrim(first, lastScalar) { return String(self) }
        var lower = scalars.startIndex, upper = scalars.endIndex
        // `lower` always starts a Character: the text's start, or a scalar after one that stands alone.
        while lower < upper, scalars[lower].properties.isWhitespace {
            let next = scalars.index(after: lower)
            guard alone(lower), next == scalars.endIndex || alone(next) else { return trimmingCharacters() }
            lower = next
        }
        // A last scalar that stands alone, after one that does too, is a whole Character; one that
        // stands alone and is not whitespace ends a Character whose first scalar is not either.
        while upper > lower {
            let last = scalars.index(before: upper)
            guard alone(last) else { return trimmingCharacters() }
            guard scalars[last].properties.isWhitespace else { break }
            guard last == scalars.startIndex || alone(scalars.index(before: last)) else { return trimmingCharacters() }
            upper = last
        }
        return String(scalars[lower..<upper])
    }

    /// The general route: Characters, for text where scalars join.
    private func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

}

extension StringProtocol {
    /// Without any of `set`'s Characters at either end: for readers that trim a few given characters
    /// (spaces and line breaks, not every kind of white space). Foundation's CharacterSet version is
    /// not in every module's imports.
    public func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension Scalars {
    /// A text that starts and ends with non-white scalars that stand alone has no whitespace
    /// Character at either end.
    static func endsNeedNoTrim(_ first: Unicode.Scalar, _ last: Unicode.Scalar) -> Bool {
        standsAlone(first.value) && standsAlone(last.value) && !first.properties.isWhitespace && !last.properties.isWhitespace
    }
}
