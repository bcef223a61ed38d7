/// Integer arithmetic on values read from an input, which says when a result does not fit instead of
/// trapping: a crafted cell near `Int.max` must make an equation not assessable, never end the process.
public enum Checked {
    public static func add(_ a: Int, _ b: Int) -> Int? {
        let (r, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : r
    }

    public static func subtract(_ a: Int, _ b: Int) -> Int? {
        let (r, overflow) = a.subtractingReportingOverflow(b)
        return overflow ? nil : r
    }

    public static func multiply(_ a: Int, _ b: Int) -> Int? {
        let (r, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : r
    }

    /// The sum of `values`, nil when it (or a partial sum) does not fit.
    public static func sum<S: Sequence>(_ values: S) -> Int? where S.Element == Int {
        var total = 0
        for v in values {
            guard let t = add(total, v) else { return nil }
            total = t
        }
        return total
    }

    /// `value` in decimal, written from its magnitude so `Int.min` prints too.
    public static func decimal(_ value: Int) -> String {
        value < 0 ? "-" + String(value.magnitude) : String(value)
    }
}
