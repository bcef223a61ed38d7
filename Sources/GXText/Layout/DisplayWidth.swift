/// Display columns of a text as `pdftotext -layout` and terminals count them (a CJK character
/// takes two): what a reader that lays positioned words out as text needs to put them in columns.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (LayoutDetector.isWide($1.value) ? 2 : 1) }
    }
}
