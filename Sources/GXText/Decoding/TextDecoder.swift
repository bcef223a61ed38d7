import GXModel

/// Bytes → text. Detects rather than guesses: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise the
/// bytes must be valid UTF-8, or else valid GB18030 (which includes GBK and GB2312) that reads as
/// Chinese text. Anything else — binary, NUL-heavy data, a broken encoding — is GX-E-ENCODING.
public enum TextDecoder {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", utf8BOM = "UTF-8 (BOM)", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", gb18030 = "GB18030" }

    public static func decode(_ bytes: [UInt8], limits: ReadLimits = .standard) throws -> (text: String, encoding: Encoding) {
        guard !bytes.isEmpty else { throw GXError(.empty, "the input is empty", hint: "check that the upload completed") }
        guard bytes.count <= limits.maxInputBytes else {
            throw GXError(.limit, "input is \(bytes.count) bytes, over the \(limits.maxInputBytes)-byte limit")
        }
        try checkLineCount(bytes, limit: limits.maxTextLines)
        try checkLineLengths(bytes, limit: limits.maxTextLineBytes)
        let decoded: (String, Encoding)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw GXError(.encoding, "the text starts with a UTF-8 byte-order mark but is not valid UTF-8")
            }
            decoded = (s, .utf8BOM)
        } else if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw GXError(.encoding, "UTF-32 text is not supported", hint: "save the text as UTF-8")
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            decoded = (try utf16(bytes.dropFirst(2), bigEndian: bytes[0] == 0xFE), bytes[0] == 0xFE ? .utf16BE : .utf16LE)
        } else {
            if bytes.contains(0) {
                throw GXError(.encoding, "the input contains NUL bytes: it is binary data or UTF-16 without a byte-order mark",
                              hint: "save the text as UTF-8, or as UTF-16 with a byte-order mark")
            }
            if let s = String(validating: bytes, as: UTF8.self) {
                decoded = (s, .utf8)
            } else if let s = gb18030(bytes), looksChinese(s) {
                decoded = (s, .gb18030)
            } else {
                throw GXError(.encoding, "the text is neither valid UTF-8 nor GB18030/GBK Chinese text",
                              hint: "re-save the file as UTF-8")
            }
        }
        try checkControls(decoded.0)
        return decoded
    }

    /// Line ends (LF, CR LF, or CR alone — the line splitter's three) counted before anything is
    /// split or decoded, so a million short lines cost one pass, not gigabytes. In UTF-16 a zero
    /// byte stands beside each; a stray 0x0A or 0x0D byte of another character only over-counts.
    static func checkLineCount(_ bytes: [UInt8], limit: Int) throws {
        var lines = 0
        bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            for i in 0..<n {
                let b = buf[i]
                if b == 0x0A { lines += 1; continue }
                guard b == 0x0D else { continue }
                // CR alone ends a line; CR LF (also as UTF-16, a zero byte between) is one line end.
                if i + 1 < n, buf[i + 1] == 0x0A || (buf[i + 1] == 0 && i + 2 < n && buf[i + 2] == 0x0A) { continue }
                lines += 1
            }
        }
        if lines > limit {
            throw GXError(.limit, "the text has \(lines) lines, over the \(limit)-line limit",
                          hint: "a report has a few thousand lines, even as OCR output; --max-text-lines raises the limit")
        }
    }

    /// A line longer than the limit is refused before anything is decoded.
    static func checkLineLengths(_ bytes: [UInt8], limit: Int) throws {
        var run = 0
        var line = 1
        try bytes.withUnsafeBufferPointer { buf in
            for b in buf {
                if b == 0x0A || b == 0x0D {
                    run = 0
                    if b == 0x0A { line += 1 }
                } else {
                    run += 1
                    if run > limit {
                        throw GXError(.limit, "line \(line) is longer than \(limit) bytes",
                                      location: SourceLocation(line: line), hint: "this is not a report's text")
                    }
                }
            }
        }
    }

    static func utf16(_ body: ArraySlice<UInt8>, bigEndian: Bool) throws -> String {
        guard body.count % 2 == 0 else { throw GXError(.encoding, "UTF-16 text with an odd number of bytes") }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i < body.endIndex {
            let a = UInt16(body[i]), b = UInt16(body[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        guard let s = String(validating: units, as: UTF16.self) else {
            throw GXError(.encoding, "the text starts with a UTF-16 byte-order mark but has unpaired surrogates")
        }
        return s
    }

    /// Strict GB18030 → UTF-8; nil at the first invalid sequence.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        Iconv.strictToUTF8(bytes, from: "GB18030").flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// Decoded GB18030 must read as Chinese: mostly CJK, ASCII and CJK punctuation, with some CJK.
    static func looksChinese(_ s: String) -> Bool {
        var cjk = 0, plain = 0, other = 0
        for u in s.unicodeScalars {
            switch u.value {
            case 0x4E00...0x9FFF: cjk += 1
            case 0x09, 0x0A, 0x0D, 0x0C, 0x20...0x7E, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2010...0x2027: plain += 1
            default: other += 1
            }
        }
        return cjk > 0 && other * 20 <= cjk + plain
    }

    /// Text with many control characters is binary data, whatever it decoded as.
    static func checkControls(_ s: String) throws {
        var controls = 0, total = 0
        for u in s.unicodeScalars {
            total += 1
            if u.value == 0 { controls += 1000; continue }
            if u.value < 0x20, u.value != 0x09, u.value != 0x0A, u.value != 0x0D, u.value != 0x0C, u.value != 0x0B { controls += 1 }
            else if u.value == 0x7F || u.value == 0xFFFD { controls += 1 }
        }
        if controls > 16 && controls * 100 > total {
            throw GXError(.encoding, "the input is mostly control characters: binary data, not text",
                          hint: "gxconvert reads DOCX, HTML and text")
        }
    }
}
