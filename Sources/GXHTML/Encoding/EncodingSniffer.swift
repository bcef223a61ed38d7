import GXModel
/// The character encodings a report page arrives in. `gb2312`/`gbk` labels are read as GB18030,
/// their superset: portals declare `gb2312` and serve GBK characters (镕, 堃, 喆) all the time.
public enum PageEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"
    case big5 = "BIG5-HKSCS"
    case utf16le = "UTF-16LE"
    case utf16be = "UTF-16BE"
    case windows1252 = "WINDOWS-1252"

    /// The encoding a declared label means, or nil for a label we do not read.
    public static func from(label raw: String) -> PageEncoding? {
        let label = raw.lowercased().filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return .utf8
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "gb_2312-80", "gb_2312",
             "csgb2312", "iso-ir-58", "chinese", "hz-gb-2312", "x-euc-cn": return .gb18030
        case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5": return .big5
        case "utf-16", "utf-16le", "unicode", "ucs-2", "unicodefeff": return .utf16le
        case "utf-16be", "unicodefffe": return .utf16be
        case "iso-8859-1", "latin1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii", "iso8859-1", "x-cp1252": return .windows1252
        default: return nil
        }
    }
}

/// Where the page said (or did not say) what its encoding is.
public enum EncodingEvidence: String, Sendable {
    case byteOrderMark = "byte order mark"
    case metaCharset = "<meta charset>"
    case httpEquiv = "<meta http-equiv> content type"
    case xmlDeclaration = "XML declaration"
    case none = "no declaration"
}

/// What the page declares about its encoding, read from the bytes before any parsing: a BOM, then
/// the first `<meta charset>` / `http-equiv="Content-Type"` (or an XML declaration) in the head.
struct DeclaredEncoding {
    var encoding: PageEncoding?
    /// The label as written (`gb2312`), for messages.
    var label: String?
    var evidence: EncodingEvidence
    /// Bytes of BOM to skip.
    var bomLength = 0

    /// How far into the page to look for a declaration. Word's exports put a long `<style>` block
    /// after the meta, portals put scripts before it; 16 KB covers both.
    static let prescanBytes = 16 * 1024

    static func sniff(_ bytes: [UInt8]) -> DeclaredEncoding {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return DeclaredEncoding(encoding: .utf8, label: "UTF-8", evidence: .byteOrderMark, bomLength: 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return DeclaredEncoding(encoding: .utf16le, label: "UTF-16LE", evidence: .byteOrderMark, bomLength: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return DeclaredEncoding(encoding: .utf16be, label: "UTF-16BE", evidence: .byteOrderMark, bomLength: 2) }
        let head = Array(bytes.prefix(prescanBytes)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        // UTF-16 without a BOM: every other byte of ASCII markup is zero.
        if head.count >= 4, head[0] == 0x3C, head[1] == 0 { return DeclaredEncoding(encoding: .utf16le, label: "UTF-16LE", evidence: .none) }
        if head.count >= 4, head[0] == 0, head[1] == 0x3C { return DeclaredEncoding(encoding: .utf16be, label: "UTF-16BE", evidence: .none) }

        if head.starts(with: Array("<?xml".utf8)), let end = ByteSearch.firstIndex(of: Array("?>".utf8), in: head, from: 0),
           let label = attributeValue("encoding", in: Array(head[0..<end])) {
            return DeclaredEncoding(encoding: PageEncoding.from(label: label), label: label, evidence: .xmlDeclaration)
        }
        var from = 0
        while let start = ByteSearch.firstIndex(of: Array("<meta".utf8), in: head, from: from) {
            let end = ByteSearch.firstIndex(of: [0x3E], in: head, from: start) ?? head.count
            let tag = Array(head[start..<end])
            from = end
            if let label = attributeValue("charset", in: tag) {
                let isHTTPEquiv = ByteSearch.firstIndex(of: Array("http-equiv".utf8), in: tag, from: 0) != nil
                var encoding = PageEncoding.from(label: label)
                // A meta tag readable as ASCII cannot be in UTF-16: HTML reads such a label as UTF-8.
                if encoding == .utf16le || encoding == .utf16be { encoding = .utf8 }
                return DeclaredEncoding(encoding: encoding, label: label, evidence: isHTTPEquiv ? .httpEquiv : .metaCharset)
            }
        }
        return DeclaredEncoding(encoding: nil, label: nil, evidence: .none)
    }

    /// `name=value` inside a tag (also `content="text/html; charset=gbk"`), quotes stripped.
    static func attributeValue(_ name: String, in tag: [UInt8]) -> String? {
        guard let at = ByteSearch.firstIndex(of: Array((name + "=").utf8), in: tag, from: 0) else { return nil }
        var i = at + name.utf8.count + 1
        while i < tag.count, tag[i] == 0x20 || tag[i] == 0x22 || tag[i] == 0x27 { i += 1 }
        var j = i
        while j < tag.count, let c = Optional(tag[j]), c != 0x22, c != 0x27, c != 0x3B, c != 0x20, c != 0x2F, c != 0x3E,
              c != 0x0A, c != 0x0D, c != 0x09 { j += 1 }
        guard j > i, j - i < 40 else { return nil }
        return String(decoding: tag[i..<j], as: UTF8.self)
    }
}

/// Strict UTF-8 validity (no overlongs, no surrogates, nothing above U+10FFFF), and whether any
/// multi-byte sequence occurs at all — pure ASCII says nothing about the encoding.
struct UTF8Check {
    var valid: Bool
    var hasMultibyte: Bool

    static func run(_ bytes: [UInt8], from start: Int = 0) -> UTF8Check {
        bytes.withUnsafeBufferPointer { run($0, from: start) }
    }

    static func run(_ bytes: ArraySlice<UInt8>) -> UTF8Check {
        bytes.withUnsafeBufferPointer { run($0, from: 0) }
    }

    /// Runs of ASCII (most of a page's markup) are skipped eight bytes at a time.
    static func run(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UTF8Check {
        var i = start
        var multibyte = false
        let n = bytes.count
        while i < n {
            while i + 8 <= n, UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            multibyte = true
            let length = UTF8Scalar.validLength(bytes, at: i)
            guard length > 0 else { return UTF8Check(valid: false, hasMultibyte: true) }
            i += length
        }
        return UTF8Check(valid: true, hasMultibyte: multibyte)
    }
}
