import FuzzCommon

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWordMLEntry(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzCommon.fuzzWordML(start, count)
}
