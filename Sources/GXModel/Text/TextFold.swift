/// The one fold every reader and the mapper compare text after: labels and headings arrive
/// full-width or half-width, with spaces and line breaks wherever a cell wrapped, and with curly or
/// straight quotes. Folding all of that away lets one template serve DOCX, HTML and text alike,
/// and lets the HTML body locator and the mapper agree about the same heading.
///
/// Scalar by scalar:
/// - full-width ASCII U+FF01…U+FF5E → ASCII (a full-width quote is dropped like any quote);
/// - white space dropped: space, tab, LF, VT, FF, CR, U+00A0, U+2000…U+200B, U+3000, U+FEFF;
/// - quotes dropped: `"` `'` U+2018 U+2019 U+201C U+201D 「 」 『 』;
/// - dashes U+2010…U+2015 and U+2212 → `-`;
/// - everything else kept (`、` too: it separates words in some labels).
///
/// Works on the UTF-8 bytes; `Tests/GXModelTests/TextFoldTests` checks it against the same
/// mapping written over Unicode scalars.
public enum TextFold {
    public static func fold(_ text: String) -> String {
        if let folded = text.utf8.withContiguousStorageIfAvailable({ fold(bytes: $0) }) { return folded ?? text }
        return fold(bytes: Array(text.utf8)) ?? text
    }

    /// Whether `fold` would change anything.
    public static func changes(_ text: String) -> Bool {
        if let changes = text.utf8.withContiguousStorageIfAvailable({ firstChange(in: $0) != nil }) { return changes }
        return firstChange(in: Array(text.utf8)) != nil
    }

    /// What the scalar starting at `i` (of `length` bytes) becomes: nil when kept as it is.
    private enum Action { case drop, byte(UInt8) }

    @inline(__always)
    private static func action<C: RandomAccessCollection>(_ b: C, _ i: Int, _ length: Int) -> Action?
    where C.Element == UInt8, C.Index == Int {
        let lead = b[i]
        switch length {
        case 1:
            switch lead {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x22, 0x27: return .drop
            default: return nil
            }
        case 2:
            return lead == 0xC2 && b[i + 1] == 0xA0 ? .drop : nil
        case 3:
            let b1 = b[i + 1], b2 = b[i + 2]
            switch (lead, b1) {
            case (0xE2, 0x80):
                switch b2 {
                case 0x80...0x8B, 0x98, 0x99, 0x9C, 0x9D: return .drop     // U+2000…200B, ‘ ’ “ ”
                case 0x90...0x95: return .byte(0x2D)                        // U+2010…2015
                default: return nil
                }
            case (0xE2, 0x88):
                return b2 == 0x92 ? .byte(0x2D) : nil                       // U+2212
            case (0xE3, 0x80):
                switch b2 {
                case 0x80, 0x8C...0x8F: return .drop                         // U+3000, 「 」 『 』
                default: return nil
                }
            case (0xEF, 0xBC):
                switch b2 {
                case 0x82, 0x87: return .drop                                // ＂ ＇
                case 0x81...0xBF: return .byte(b2 - 0x60)                    // U+FF01…FF3F → ! … _
                default: return nil
                }
            case (0xEF, 0xBD):
                return (0x80...0x9E).contains(b2) ? .byte(b2 - 0x20) : nil   // U+FF40…FF5E → ` … ~
            case (0xEF, 0xBB):
                return b2 == 0xBF ? .drop : nil                              // U+FEFF
            default:
                return nil
            }
        default:
            return nil
        }
    }

    private static func firstChange<C: RandomAccessCollection>(in b: C) -> Int? where C.Element == UInt8, C.Index == Int {
        var i = b.startIndex
        while i < b.endIndex {
            let n = UTF8Scalar.length(lead: b[i])
            if action(b, i, n) != nil { return i }
            i += n
        }
        return nil
    }

    /// nil when nothing changes (the caller keeps its string).
    private static func fold<C: RandomAccessCollection>(bytes b: C) -> String? where C.Element == UInt8, C.Index == Int {
        guard let start = firstChange(in: b) else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        out.append(contentsOf: b[b.startIndex..<start])
        var i = start
        while i < b.endIndex {
            let n = UTF8Scalar.length(lead: b[i])
            switch action(b, i, n) {
            case nil: out.append(contentsOf: b[i..<(i + n)])
            case .drop: break
            case .byte(let byte): out.append(byte)
            }
            i += n
        }
        return String(decoding: out, as: UTF8.self)
    }
}
