/// The WordprocessingML elements the reader acts on. Each name is looked up once per parse
/// (`InternedNames` remembers the answer by the name's address), so the hot path builds no strings.
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
}
