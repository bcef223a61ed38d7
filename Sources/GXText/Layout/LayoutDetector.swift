import GXModel

/// How a text lays out table rows, decided from the whole text (never from a file name or flag):
/// - `cellPerLine`: a generic DOCX text extractor — each cell on its own tab-indented line, a
///   blank line between rows (seeds 000, 003);
/// - `tabRows`: one row per line, cells separated by tabs, merged cells as empty fields (001, 002, 004);
/// - `spaced`: columns as runs of spaces or one cell per line — `pdftotext -layout`, plain
///   `pdftotext`, tesseract.
enum LineFormat: String {
    case cellPerLine, tabRows, spaced
}

struct LayoutProfile {
    var format: LineFormat
}

enum LayoutDetector {
    static func detect(_ lines: [TextLine]) -> LayoutProfile {
        var leadingSingleTab = 0, multiField = 0
        for line in lines where !line.isBlank && line.hasTab {
            // A tab is always a Character of its own: fields are counted on the bytes.
            let utf8 = line.text.utf8
            let fields = utf8.reduce(1) { $1 == 0x09 ? $0 + 1 : $0 }
            if utf8.first == 0x09, fields == 2 { leadingSingleTab += 1 } else if fields >= 3 { multiField += 1 }
        }
        let format: LineFormat
        if leadingSingleTab >= 12, leadingSingleTab >= multiField * 2 { format = .cellPerLine }
        else if multiField >= 6 { format = .tabRows }
        else { format = .spaced }
        return LayoutProfile(format: format)
    }

    /// Hard-wrapped prose: many lines end within a few columns of the same width without ending a
    /// sentence.
    static func wrapped(_ lines: [TextLine]) -> Bool {
        let widths = lines.filter { !$0.isBlank && !$0.hasTab }.map { DisplayWidth.of($0.text.trimmingWhitespace) }
        guard widths.count >= 10 else { return false }
        let sorted = widths.sorted()
        let p90 = sorted[sorted.count * 9 / 10]
        guard p90 >= 20 else { return false }
        var near = 0
        for line in lines where !line.isBlank && !line.hasTab {
            let t = line.text.trimmingWhitespace
            let w = DisplayWidth.of(t)
            if w >= p90 - 6, w <= p90 + 4, let last = t.last, !"。！？；：".contains(last) { near += 1 }
        }
        return near * 4 >= widths.count
    }
}
