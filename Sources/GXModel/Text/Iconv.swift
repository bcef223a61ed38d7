#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one wrapper over the system's iconv, for the readers that meet legacy encodings (GB18030 and
/// GBK text files, GBK/Big5/Windows-1252 portal pages). Lossy conversion replaces each byte iconv
/// refuses with U+FFFD and counts it, so a reader can decide between a warning and
/// `GX-E-ENCODING`; strict conversion gives nothing at the first invalid sequence. The pointer
/// work stays in this file; callers pass and get byte arrays.
public enum Iconv {
    public struct Output: Sendable {
        public var utf8: [UInt8]
        /// Byte sequences iconv could not convert, each written as U+FFFD.
        public var invalidSequences: Int

        public init(utf8: [UInt8], invalidSequences: Int) {
            self.utf8 = utf8
            self.invalidSequences = invalidSequences
        }
    }

    public enum Failure: Error, Sendable {
        /// This system's iconv does not know the encoding.
        case unsupported
        /// iconv failed for another reason than bad input (errno).
        case failed(Int32)
        /// Text that the target encoding cannot represent.
        case unrepresentable
    }

    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// `bytes` in `encoding` (an iconv name) to UTF-8, invalid sequences replaced and counted.
    public static func toUTF8<C: Collection>(_ bytes: C, from encoding: String) throws(Failure) -> Output where C.Element == UInt8 {
        guard let cd = open(from: encoding, to: "UTF-8") else { throw .unsupported }
        defer { iconv_close(cd) }
        var input = Array(bytes)
        var out = [UInt8]()
        out.reserveCapacity(input.count + input.count / 2 + 16)
        var invalid = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let failure: Int32? = input.withUnsafeMutableBufferPointer { inBuf -> Int32? in
            guard let base = inBuf.baseAddress else { return nil }
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
                    return err
                }
            }
            return nil
        }
        if let failure { throw .failed(failure) }
        return Output(utf8: out, invalidSequences: invalid)
    }

    /// `bytes` in `encoding` to UTF-8 with nothing replaced: nil when any sequence is invalid (or
    /// the encoding is unknown here).
    public static func strictToUTF8<C: Collection>(_ bytes: C, from encoding: String) -> [UInt8]? where C.Element == UInt8 {
        guard let out = try? toUTF8(bytes, from: encoding), out.invalidSequences == 0 else { return nil }
        return out.utf8
    }

    /// UTF-8 to `encoding` (for tests and fixtures); a character the encoding lacks throws.
    public static func fromUTF8(_ bytes: [UInt8], to encoding: String) throws(Failure) -> [UInt8] {
        guard let cd = open(from: "UTF-8", to: encoding) else { throw .unsupported }
        defer { iconv_close(cd) }
        var input = bytes
        var out = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf -> Int? in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count, outLeft = outBuf.count
                guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 else { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let produced else { throw .unrepresentable }
        return Array(out[0..<produced])
    }

    private static func open(from: String, to: String) -> iconv_t? {
        let cd = iconv_open(to, from)
        if let cd, Int(bitPattern: cd) == -1 { return nil }
        return cd
    }
}
