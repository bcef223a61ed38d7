import GXModel
import GXScan

/// Decides the input format from its bytes, not its name: uploads arrive misnamed all the time.
public enum FormatSniffer {
    public static func sniff(_ bytes: [UInt8]) throws -> SourceFormat {
        guard !bytes.isEmpty else { throw GXError(.empty, "the input is empty", hint: "check that the upload completed") }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .docx }
        if isOLE(bytes) { throw oldBinary }
        if isPDF(bytes) { return .pdf }
        if bytes.starts(with: [0x50, 0x4B]) { return .docx }
        if ScanReader.isImage(bytes) { return .image }
        if looksLikeHTML(bytes) || looksLikeUTF16HTML(bytes) { return .html }
        return .text
    }

    /// An OLE compound file: old binary Word (`.doc`), WPS (`.wps`), Excel, PowerPoint.
    public static func isOLE(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    static let oldBinary = GXError(.unsupportedFormat, "this is an old binary Word .doc/.wps (or other OLE) file, not a .docx",
        hint: "install LibreOffice (`soffice` on the PATH) and gxconvert converts it itself, or open it in Word, WPS or LibreOffice and save as .docx")

    /// `%PDF-` at the start, or within the first KiB after junk (a mail gateway's header), which
    /// PDF readers accept too.
    static func isPDF(_ bytes: [UInt8]) -> Bool {
        let magic = Array("%PDF-".utf8)
        if bytes.starts(with: magic) { return true }
        return ByteSearch.firstIndex(of: magic, in: Array(bytes.prefix(1024))) != nil
    }

    /// A page saved as UTF-16 (Notepad's "Unicode"): every other byte of its markup is zero.
    static func looksLikeUTF16HTML(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) else { return false }
        let littleEndian = bytes[0] == 0xFF
        var units: [UInt16] = []
        var i = 2
        while i + 1 < min(bytes.count, 4096) {
            units.append(littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        return looksLikeHTML(Array(String(decoding: units, as: UTF16.self).utf8))
    }

    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(2048).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        let text = String(decoding: head, as: UTF8.self)
        var start = text.startIndex
        while start < text.endIndex, text[start].isWhitespace || text[start] == "\u{FEFF}" { start = text.index(after: start) }
        guard text[start...].hasPrefix("<") else { return false }
        return text.contains("<html") || text.contains("<!doctype html") || text.contains("<body") || text.contains("<table")
            || text.contains("<meta") || text.contains("<head")
    }
}
