import FuzzCommon

/// Mutated PDFs through the stream budget, poppler, the layout and the text reader's solver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDF(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzOne(start, count, as: .pdf)
}
