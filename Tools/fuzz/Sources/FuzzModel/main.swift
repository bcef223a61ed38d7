import FuzzCommon

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelTarget(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzModel(start, count)
}
