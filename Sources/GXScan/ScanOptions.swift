#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GXModel
import GXImaging

/// How scanned input is read.
public struct ScanOptions: Sendable {
    public enum OCRMode: String, Sendable, CaseIterable {
        /// OCR pages that carry no text layer (images always).
        case auto
        /// OCR every page, even a PDF page with text.
        case always
        /// Never OCR: an image or a scanned PDF is refused.
        case never
    }

    public var ocr: OCRMode
    /// Resolution a PDF page is rendered at before OCR.
    public var dpi: Int
    /// Folder holding `<language>.traineddata`; nil: found (`TESSDATA_PREFIX`, then Debian's places).
    public var tessdata: String?
    /// Language of labels and prose.
    public var language: String
    /// Language of the digits-only pass over value cells.
    public var digitsLanguage: String

    public init(ocr: OCRMode = .auto, dpi: Int = 300, tessdata: String? = nil, language: String = "chi_sim",
                digitsLanguage: String = "eng") {
        self.ocr = ocr
        self.dpi = dpi
        self.tessdata = tessdata
        self.language = language
        self.digitsLanguage = digitsLanguage
    }

    /// Where Debian and tesseract's own builds put the language data.
    static let knownTessdata = ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                                "/usr/share/tessdata", "/usr/local/share/tessdata"]

    /// The tessdata folder to use, and that both languages are in it; a coded error naming the
    /// Debian package otherwise.
    func resolvedTessdata() throws -> String {
        var candidates: [String] = []
        if let tessdata { candidates = [tessdata] } else {
            if let env = getenv("TESSDATA_PREFIX") { candidates.append(String(cString: env)) }
            candidates += ScanOptions.knownTessdata
        }
        let folder = candidates.first { OCREngine.hasLanguage(language, tessdata: $0) }
            ?? candidates.first { OCREngine.hasLanguage(digitsLanguage, tessdata: $0) }
            ?? candidates[0]
        for lang in [language, digitsLanguage] where !OCREngine.hasLanguage(lang, tessdata: folder) {
            throw ScanOptions.missing(lang, in: folder)
        }
        return folder
    }

    static func missing(_ language: String, in folder: String) -> GXError {
        let package = "tesseract-ocr-" + language.lowercased().replacingUnderscores
        return GXError(.ocrLanguage, "the OCR language pack '\(language)' is not installed (no \(language).traineddata in \(folder))",
                       hint: "install the Debian package \(package) (`apt-get install \(package)`), or point --tessdata at a folder that has it")
    }
}

extension String {
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
