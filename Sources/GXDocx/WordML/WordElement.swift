#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The WordprocessingML elements the reader acts on. Identified by hashing the C name once per
/// event (then confirmed), so the hot path builds no Swift strings.
enum WordElement: String, CaseIterable {
    case document, p, pPr, pStyle, r, rPr, vanish, t, tab, br, cr, noBreakHyphen, sym, fldChar
    case del, instrText, delText, delInstrText, moveFrom, rPrChange, pPrChange, tblPrChange, trPrChange, tcPrChange
    case sectPrChange, tblGridChange, numberingChange, sdtPr, sdtEndPr, sectPr, footnoteReference, endnoteReference
    case commentReference, tblPr, tblPrEx, bookmarkStart, tbl, tblGrid, gridCol, tr, trPr, gridBefore, tc, tcPr
    case gridSpan, vMerge, hMerge

    /// Elements whose whole subtree is skipped: deletions, old properties, field instructions,
    /// content-control settings and anything that is not body text.
    var skipsSubtree: Bool {
        switch self {
        case .instrText, .delText, .delInstrText, .moveFrom, .rPrChange, .pPrChange, .tblPrChange, .trPrChange,
             .tcPrChange, .sectPrChange, .tblGridChange, .numberingChange, .sdtPr, .sdtEndPr, .sectPr,
             .footnoteReference, .endnoteReference, .commentReference, .tblPr, .tblPrEx:
            return true
        default:
            return false
        }
    }

    private static let table: [UInt64: WordElement] = {
        var t: [UInt64: WordElement] = [:]
        for e in allCases {
            let h = e.rawValue.utf8CString.withUnsafeBufferPointer { fnv($0.baseAddress!) }
            precondition(t[h] == nil, "hash collision in WordElement")
            t[h] = e
        }
        return t
    }()

    static func identify(_ name: UnsafePointer<UInt8>) -> WordElement? {
        let h = name.withMemoryRebound(to: CChar.self, capacity: 1) { fnv($0) }
        guard let e = table[h] else { return nil }
        // Confirm: a hash match on a foreign name must not be taken for ours.
        let equal = e.rawValue.withCString { strcmp($0, UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)) == 0 }
        return equal ? e : nil
    }

    private static func fnv(_ p: UnsafePointer<CChar>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        var q = p
        while q.pointee != 0 {
            h = (h ^ UInt64(UInt8(bitPattern: q.pointee))) &* 0x100000001b3
            q += 1
        }
        return h
    }
}
