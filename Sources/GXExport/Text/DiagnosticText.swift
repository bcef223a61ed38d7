import GXModel

/// Compiler-style lines (`file:place: error T3-BAL: …`) so editors, CI logs and grep all work.
/// Everything from the document or the file system is escaped (`DisplayText`): one finding is
/// always exactly one line, with no terminal escapes in it.
public enum DiagnosticText {
    public static func line(_ d: Diagnostic, file: String) -> String {
        let cell = d.cells.first { $0.source != .unknown }
        let source = cell?.source ?? d.source
        var place = source.map(location) ?? ""
        let where_ = cell?.file ?? file
        if let bookmark = cell?.bookmark { place += place.isEmpty ? "bookmark \(bookmark)" : " (bookmark \(bookmark))" }
        let head = place.isEmpty ? where_ : "\(where_):\(place)"
        return DisplayText.escaped("\(head): \(d.severity.rawValue) \(d.code): \(d.message)")
    }

    /// `12:5` for text, `table 2 row 5 cell 3` for DOCX, the element path for HTML, `page 3 (x 212, y 488)` for PDF.
    public static func location(_ s: SourceLocation) -> String {
        if let page = s.page { return s.pagePlace(page) }
        if s.table != nil || s.paragraph != nil || s.element != nil {
            var parts: [String] = []
            if let t = s.table { parts.append("table \(t)") }
            if let r = s.row { parts.append("row \(r)") }
            if let c = s.cell { parts.append("cell \(c)") }
            if let p = s.paragraph { parts.append("paragraph \(p)") }
            if let e = s.element { parts.append(e) }
            return parts.joined(separator: " ")
        }
        if s.line > 0 { return s.column > 0 ? "\(s.line):\(s.column)" : "\(s.line)" }
        return ""
    }
}
