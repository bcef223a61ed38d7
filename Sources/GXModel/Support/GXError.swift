/// Why an input could not be read at all. Codes are stable: scripts and portal operators match on
/// them, so a code is never renamed or reused.
public enum GXErrorCode: String, Sendable, CaseIterable {
    /// The file could not be opened or read.
    case io = "GX-E-IO"
    /// Empty input.
    case empty = "GX-E-EMPTY"
    /// A zip container that is damaged or truncated.
    case zip = "GX-E-ZIP"
    /// A zip entry is encrypted.
    case encrypted = "GX-E-ENCRYPTED"
    /// A well-formed zip that is not a WordprocessingML package.
    case notDocx = "GX-E-NOT-DOCX"
    /// An old binary Word `.doc`, or a format this build does not read.
    case unsupportedFormat = "GX-E-FORMAT"
    /// A damaged PDF poppler cannot open, or one whose pages cannot be read.
    case pdf = "GX-E-PDF"
    /// A PDF whose pages carry no text layer (a scan): it needs OCR.
    case scanned = "GX-E-SCANNED"
    /// Malformed XML or markup.
    case xml = "GX-E-XML"
    /// A DOCTYPE or entity declaration: never followed, always refused.
    case dtd = "GX-E-DTD"
    /// A fixed safety limit was exceeded (sizes, ratios, counts, depth).
    case limit = "GX-E-LIMIT"
    /// The text is not valid in any encoding we accept.
    case encoding = "GX-E-ENCODING"
    /// The output could not be written.
    case output = "GX-E-OUTPUT"
    /// The report could not be rendered in the requested format (a writer failed inside).
    case export = "GX-E-EXPORT"
    /// The input reads, but holds nothing of an annual report: no title, no section heading of the
    /// template and no standard table (arbitrary text, a page of something else).
    case noReport = "GX-E-NO-REPORT"
    /// An image that cannot be decoded, or has no pixels.
    case image = "GX-E-IMAGE"
    /// The OCR language data a scan needs is not installed (the message names the Debian package).
    case ocrLanguage = "GX-E-OCR-LANG"
    /// The output is one of the inputs (same device and inode), or a folder `batch` walks would
    /// take it as an input next time: refused, nothing written.
    case sameFile = "GX-E-SAME-FILE"
    /// Another `batch` run holds the output (an exclusive lock on it): refused, the output untouched.
    case locked = "GX-E-LOCKED"
}

extension GXErrorCode {
    /// The output could not be (or was refused to be) written: exit status 4, not 3.
    public var isOutputFailure: Bool { self == .output || self == .sameFile || self == .locked }
}

/// A typed, coded failure to read an input, carrying where it happened and what the user can do.
public struct GXError: Error, Sendable, CustomStringConvertible {
    public var code: GXErrorCode
    public var message: String
    /// The input (a file path, or `-` for stdin) and the place inside it.
    public var file: String?
    public var location: SourceLocation?
    public var hint: String?

    public init(_ code: GXErrorCode, _ message: String, file: String? = nil, location: SourceLocation? = nil,
                hint: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.location = location
        self.hint = hint
    }

    public func at(file: String) -> GXError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }

    /// One line, compiler style: `in.docx: word/document.xml line 3: GX-E-DTD: … (what to do)`.
    public var description: String {
        var where_ = file ?? "<input>"
        if let location {
            if let part = location.part { where_ += ": \(part)" }
            if location != .unknown, location.summary != "unknown location" { where_ += " \(location.summary)" }
        }
        var line = "\(where_): \(code.rawValue): \(message)"
        if let hint { line += " — \(hint)" }
        return line
    }
}
