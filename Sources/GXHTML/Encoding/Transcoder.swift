#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GXModel

/// Converts a page to UTF-8 with the system's iconv. Invalid sequences become U+FFFD and are
/// counted, so the caller can decide between a warning and `GX-E-ENCODING`.
enum Transcoder {
    struct Output {
        var utf8: [UInt8]
        var invalidSequences: Int
    }

    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    static func toUTF8(_ bytes: ArraySlice<UInt8>, from encoding: PageEncoding) throws -> Output {
        if encoding == .utf8 { return utf8Lossy(bytes) }
        guard let cd = openConverter(from: encoding.rawValue) else {
            throw GXError(.encoding, "this system cannot convert from \(encoding.rawValue)",
                          hint: "re-save the page as UTF-8")
        }
        defer { iconv_close(cd) }
        var input = Array(bytes)
        var out = [UInt8]()
        out.reserveCapacity(input.count + input.count / 2 + 16)
        var invalid = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        try input.withUnsafeMutableBufferPointer { inBuf in
            guard let base = inBuf.baseAddress else { return }
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(base).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count
            while inLeft > 0 {
                let (produced, result, err): (Int, Int, Int32) = chunk.withUnsafeMutableBufferPointer { outBuf in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (outBuf.count - outLeft, r, r == -1 ? errno : 0)
                }
                out.append(contentsOf: chunk[0..<produced])
                if result != -1 { break }
                switch err {
                case E2BIG:
                    continue
                case EILSEQ, EINVAL:
                    // Skip one byte, mark the damage, and start afresh.
                    invalid += 1
                    out.append(contentsOf: replacement)
                    inPtr = inPtr.map { $0 + 1 }
                    inLeft -= 1
                    _ = iconv(cd, nil, nil, nil, nil)
                default:
                    throw GXError(.encoding, "converting from \(encoding.rawValue) failed (errno \(err))")
                }
            }
        }
        return Output(utf8: out, invalidSequences: invalid)
    }

    /// Decodes without replacing anything: nil when any sequence is invalid.
    static func strict(_ bytes: ArraySlice<UInt8>, from encoding: PageEncoding) -> [UInt8]? {
        guard let out = try? toUTF8(bytes, from: encoding), out.invalidSequences == 0 else { return nil }
        return out.utf8
    }

    static func utf8Lossy(_ bytes: ArraySlice<UInt8>) -> Output {
        if UTF8Check.run(bytes).valid { return Output(utf8: Array(bytes), invalidSequences: 0) }
        let text = String(decoding: bytes, as: UTF8.self)
        let invalid = text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
        return Output(utf8: Array(text.utf8), invalidSequences: invalid)
    }

    /// UTF-8 to another encoding (for tests and fixtures); unconvertible characters throw.
    static func fromUTF8(_ bytes: [UInt8], to encoding: PageEncoding) throws -> [UInt8] {
        guard let cd = openConverter(from: "UTF-8", to: encoding.rawValue) else {
            throw GXError(.encoding, "this system cannot convert to \(encoding.rawValue)")
        }
        defer { iconv_close(cd) }
        var input = bytes
        var out = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int = try input.withUnsafeMutableBufferPointer { inBuf in
            try out.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count, outLeft = outBuf.count
                guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 else {
                    throw GXError(.encoding, "text not representable in \(encoding.rawValue)")
                }
                return outBuf.count - outLeft
            }
        }
        return Array(out[0..<produced])
    }

    private static func openConverter(from: String, to: String = "UTF-8") -> iconv_t? {
        let cd = iconv_open(to, from)
        if let cd, Int(bitPattern: cd) == -1 { return nil }
        return cd
    }
}
