import GXModel

/// Converts a page to UTF-8 through `Iconv`. Invalid sequences become U+FFFD and are counted, so
/// the caller can decide between a warning and `GX-E-ENCODING`.
enum Transcoder {
    typealias Output = Iconv.Output

    static func toUTF8(_ bytes: ArraySlice<UInt8>, from encoding: PageEncoding) throws -> Output {
        if encoding == .utf8 { return utf8Lossy(bytes) }
        do {
            return try Iconv.toUTF8(bytes, from: encoding.rawValue)
        } catch .failed(let errno) {
            throw GXError(.encoding, "converting from \(encoding.rawValue) failed (errno \(errno))")
        } catch {
            throw GXError(.encoding, "this system cannot convert from \(encoding.rawValue)", hint: "re-save the page as UTF-8")
        }
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
        do {
            return try Iconv.fromUTF8(bytes, to: encoding.rawValue)
        } catch .unsupported {
            throw GXError(.encoding, "this system cannot convert to \(encoding.rawValue)")
        } catch {
            throw GXError(.encoding, "text not representable in \(encoding.rawValue)")
        }
    }
}
