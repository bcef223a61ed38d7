extension String {
    /// The string without any of `set`'s characters at either end. (Foundation's CharacterSet
    /// version is not in every module's imports, and this is all the readers need.)
    public func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
