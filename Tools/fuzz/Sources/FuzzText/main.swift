import FuzzCommon

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzOne(start, count, as: .text)
}
