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
        for line in lines where !line.isBlank {
            let t = line.text
            guard t.contains("\t") else { continue }
            let fields = t.split(separator: "\t", omittingEmptySubsequences: false)
            if t.hasPrefix("\t"), fields.count == 2 { leadingSingleTab += 1 } else if fields.count >= 3 { multiField += 1 }
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
        let widths = lines.filter { !$0.isBlank && !$0.text.contains("\t") }.map { displayWidth($0.text.trimmingSpaces) }
        guard widths.count >= 10 else { return false }
        let sorted = widths.sorted()
        let p90 = sorted[sorted.count * 9 / 10]
        guard p90 >= 20 else { return false }
        var near = 0
        for line in lines where !line.isBlank && !line.text.contains("\t") {
            let t = line.text.trimmingSpaces
            let w = displayWidth(t)
            if w >= p90 - 6, w <= p90 + 4, let last = t.last, !"。！？；：".contains(last) { near += 1 }
        }
        return near * 4 >= widths.count
    }

    /// Display width: CJK and full-width characters take two columns.
    static func displayWidth<S: StringProtocol>(_ s: S) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x201C, 0x201D:
            return true
        default:
            return false
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
