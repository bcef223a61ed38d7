import FuzzCommon

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzOne(start, count, as: .html)
}
