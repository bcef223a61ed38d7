import GXModel

/// Decides a page's encoding ourselves — BOM, `<meta charset>`, `http-equiv` content type, then a
/// UTF-8 validity check — and turns the page into UTF-8 for libxml2. libxml2 2.9's own sniffing
/// falls back to Latin-1 and chokes on GBK characters under a `gb2312` label, so it is never asked.
/// A page whose bytes contradict its label is read by what the bytes are, with a diagnostic.
public struct DecodedPage: Sendable {
    public var utf8: [UInt8]
    public var encoding: PageEncoding
    public var declared: String?
    public var evidence: EncodingEvidence
    public var diagnostics: [Diagnostic]
}

public enum PageDecoder {
    /// More damaged sequences than this share of the page's bytes, and it is not text we can read.
    static let maxInvalidShare = 100

    public static func decode(_ bytes: [UInt8]) throws -> DecodedPage {
        let declared = DeclaredEncoding.sniff(bytes)
        let body = bytes[declared.bomLength...]
        var diagnostics: [Diagnostic] = []
        let said = declared.label.map { "declared \($0) (\(declared.evidence.rawValue))" } ?? "no encoding declared"

        func finish(_ output: Transcoder.Output, _ encoding: PageEncoding) throws -> DecodedPage {
            if output.invalidSequences > 0 {
                if output.invalidSequences * maxInvalidShare > max(body.count, 1) && output.invalidSequences > 8 {
                    throw GXError(.encoding, "the page is not valid \(encoding.rawValue) (\(said)): \(output.invalidSequences) damaged byte sequences",
                                  hint: "save the page again from the browser, or re-save it as UTF-8")
                }
                diagnostics.append(Diagnostic(code: "GX-W-ENCODING-INVALID", severity: .warning,
                    message: "\(output.invalidSequences) byte sequence(s) are not valid \(encoding.rawValue); shown as U+FFFD",
                    messageZh: "页面有 \(output.invalidSequences) 处无效的 \(encoding.rawValue) 字节，已替换为 U+FFFD"))
            }
            var utf8 = output.utf8
            if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8.removeFirst(3) }
            return DecodedPage(utf8: utf8, encoding: encoding, declared: declared.label, evidence: declared.evidence,
                               diagnostics: diagnostics)
        }

        func mismatch(_ actual: PageEncoding) {
            diagnostics.append(Diagnostic(code: "GX-W-ENCODING-MISMATCH", severity: .warning,
                message: "the page is \(said), but its bytes are \(actual.rawValue); read as \(actual.rawValue)",
                messageZh: "页面声明的编码为 \(declared.label ?? "无")，实际字节为 \(actual.rawValue)，已按 \(actual.rawValue) 读取"))
        }

        if declared.label != nil, declared.encoding == nil {
            diagnostics.append(Diagnostic(code: "GX-I-ENCODING-UNKNOWN", severity: .info,
                message: "the page declares an encoding we do not read (\(declared.label!)); decided from the bytes"))
        }

        switch declared.encoding {
        case .utf16le?, .utf16be?:
            return try finish(try Transcoder.toUTF8(body, from: declared.encoding!), declared.encoding!)
        case .gb18030?, .big5?:
            let check = UTF8Check.run(body)
            if check.valid, check.hasMultibyte {
                mismatch(.utf8)
                return try finish(Transcoder.Output(utf8: Array(body), invalidSequences: 0), .utf8)
            }
            let wanted = declared.encoding!
            let output = try Transcoder.toUTF8(body, from: wanted)
            if output.invalidSequences > 0, wanted == .big5, let gb = Transcoder.strict(body, from: .gb18030) {
                mismatch(.gb18030)
                return try finish(Transcoder.Output(utf8: gb, invalidSequences: 0), .gb18030)
            }
            return try finish(output, wanted)
        case .utf8?, .windows1252?, nil:
            let check = UTF8Check.run(body)
            if check.valid {
                if declared.encoding == .windows1252, check.hasMultibyte { mismatch(.utf8) }
                return try finish(Transcoder.Output(utf8: Array(body), invalidSequences: 0), .utf8)
            }
            // Mostly UTF-8 with a few damaged bytes (a truncated copy, a bad paste): stay UTF-8.
            let lossy = Transcoder.utf8Lossy(body)
            let nonASCII = String(decoding: lossy.utf8, as: UTF8.self).unicodeScalars.reduce(0) { $0 + ($1.value >= 0x80 ? 1 : 0) }
            if lossy.invalidSequences * 20 < nonASCII - lossy.invalidSequences { return try finish(lossy, .utf8) }
            // Not UTF-8. Chinese pages that are not UTF-8 are GBK, whatever they say.
            if let gb = Transcoder.strict(body, from: .gb18030) {
                if declared.encoding == nil {
                    diagnostics.append(Diagnostic(code: "GX-I-ENCODING-GUESSED", severity: .info,
                        message: "no encoding declared and the bytes are not UTF-8; read as GB18030",
                        messageZh: "页面未声明编码且不是 UTF-8，已按 GB18030 读取"))
                } else {
                    mismatch(.gb18030)
                }
                return try finish(Transcoder.Output(utf8: gb, invalidSequences: 0), .gb18030)
            }
            if declared.encoding == .windows1252 {
                return try finish(try Transcoder.toUTF8(body, from: .windows1252), .windows1252)
            }
            return try finish(lossy, .utf8)
        }
    }
}
