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
        let widths = lines.filter { !$0.isBlank && !$0.hasTab }.map { displayWidth($0.text.trimmingSpaces) }
        guard widths.count >= 10 else { return false }
        let sorted = widths.sorted()
        let p90 = sorted[sorted.count * 9 / 10]
        guard p90 >= 20 else { return false }
        var near = 0
        for line in lines where !line.isBlank && !line.hasTab {
            let t = line.text.trimmingSpaces
            let w = displayWidth(t)
            if w >= p90 - 6, w <= p90 + 4, let last = t.last, !"。！？；：".contains(last) { near += 1 }
        }
        return near * 4 >= widths.count
    }

    /// Display width: CJK and full-width characters take two columns.
    static func displayWidth<S: StringProtocol>(_ s: S) -> Int {
        s.utf8.withContiguousStorageIfAvailable(displayWidth(utf8:))
            ?? s.unicodeScalars.reduce(0) { $0 + (isWide($1.value) ? 2 : 1) }
    }

    /// The same on UTF-8 bytes: every wide scalar takes three bytes, so only those are decoded.
    static func displayWidth(utf8 b: UnsafeBufferPointer<UInt8>) -> Int {
        var width = 0, i = 0
        while i < b.count {
            let lead = b[i]
            if lead < 0xE0 || lead >= 0xF0 {
                width += 1
                i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 4
                continue
            }
            let v = UInt32(lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            width += isWide(v) ? 2 : 1
            i += 3
        }
        return width
    }

    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x201C, 0x201D:
            return true
        default:
            return false
        }
    }
}

extension String {
    /// Without leading and trailing whitespace Characters. A whitespace scalar next to scalars
    /// that never join it (`Scalars.standsAlone`) is a whole Character, so most lines are trimmed
    /// scalar by scalar; anything else goes through Characters.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        func alone(_ i: String.UnicodeScalarView.Index) -> Bool { Scalars.standsAlone(scalars[i].value) }
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
        if lower == scalars.startIndex, upper == scalars.endIndex { return self }
        return String(scalars[lower..<upper])
    }

    private func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
