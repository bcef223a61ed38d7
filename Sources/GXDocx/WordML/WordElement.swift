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
    case gridSpan, vMerge, hMerge, numPr, ilvl, numId, txbxContent, altChunk

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

    private struct Slot {
        var hash: UInt64 = 0
        var element: WordElement?
        var name: [UInt8] = []
    }

    /// Open addressing over 256 slots: a fixed, tiny table with no hashing beyond FNV-1a.
    private static let slots: [Slot] = {
        var t = [Slot](repeating: Slot(), count: 256)
        for e in allCases {
            let name = Array(e.rawValue.utf8)
            let h = name.withUnsafeBufferPointer { fnv($0.baseAddress!, count: $0.count) }
            var i = Int(h & 255)
            while t[i].element != nil { i = (i + 1) & 255 }
            t[i] = Slot(hash: h, element: e, name: name)
        }
        return t
    }()

    static func identify(_ name: UnsafePointer<UInt8>) -> WordElement? {
        let count = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
        let h = fnv(name, count: count)
        var i = Int(h & 255)
        while let e = slots[i].element {
            // Confirm: a hash match on a foreign name must not be taken for ours.
            if slots[i].hash == h, slots[i].name.count == count,
               slots[i].name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, name, count) == 0 }) {
                return e
            }
            i = (i + 1) & 255
        }
        return nil
    }

    private static func fnv(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for k in 0..<count { h = (h ^ UInt64(p[k])) &* 0x100000001b3 }
        return h
    }
}

/// libxml2 interns element names in its parser dictionary, so within one parse a name arrives at
/// the same address every time (the driver's namespace lookup relies on the same). A small
/// direct-mapped cache keyed by that address skips hashing and comparing the name on all but its
/// first sightings; a collision only costs a fresh `identify`.
struct WordElementCache {
    private var names = [UnsafePointer<UInt8>?](repeating: nil, count: 128)
    private var elements = [WordElement?](repeating: nil, count: 128)

    mutating func identify(_ name: UnsafePointer<UInt8>) -> WordElement? {
        // Interned names sit a few bytes apart, so the address is mixed rather than shifted.
        let slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: name)) &* 0x9E37_79B9_7F4A_7C15) >> 57)
        if names[slot] == name { return elements[slot] }
        let element = WordElement.identify(name)
        names[slot] = name
        elements[slot] = element
        return element
    }
}
