import FuzzCommon

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzOne(start, count, as: .docx)
}
