#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CTesseract
import CLeptonica

/// One piece of recognised text with its place and tesseract's confidence (0–100).
public struct RecognizedText: Sendable {
    public var text: String
    public var box: PixelBox
    public var confidence: Double
}

/// A libtesseract instance for one language (`chi_sim`, `eng`), used by one thread at a time.
/// Loading a language takes a noticeable fraction of a second, so instances are kept and reused
/// (`OCREnginePool`), each recognising many rectangles of one page image.
public final class OCREngine: @unchecked Sendable {
    public enum Failure: Error, Sendable {
        /// `<tessdata>/<language>.traineddata` is not there.
        case missingLanguage(language: String, tessdata: String)
        /// libtesseract refused to start with that data.
        case initFailed(language: String, tessdata: String)
    }

    public let language: String
    private let handle: OpaquePointer
    private var page: Raster?
    private var pageDPI = 300
    /// Whether tesseract holds `page` itself (not a cell cut out of it).
    private var holdsPage = false
    /// The cell tesseract holds when it does not hold the page (kept alive while it is read).
    private var cell: Raster?

    public init(tessdata: String, language: String) throws(Failure) {
        guard OCREngine.hasLanguage(language, tessdata: tessdata) else {
            throw .missingLanguage(language: language, tessdata: tessdata)
        }
        guard let h = TessBaseAPICreate() else { throw .initFailed(language: language, tessdata: tessdata) }
        // Quiet: no debug file, no "Estimating resolution" lines on stderr.
        _ = TessBaseAPISetVariable(h, "debug_file", "/dev/null")
        guard TessBaseAPIInit3(h, tessdata, language) == 0 else {
            TessBaseAPIDelete(h)
            throw .initFailed(language: language, tessdata: tessdata)
        }
        self.handle = h
        self.language = language
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    public static func hasLanguage(_ language: String, tessdata: String) -> Bool {
        guard let f = fopen(tessdata + "/" + language + ".traineddata", "rb") else { return false }
        fclose(f)
        return true
    }

    /// Restricts recognition to these characters ("" lifts the restriction).
    public func setWhitelist(_ characters: String) {
        _ = TessBaseAPISetVariable(handle, "tessedit_char_whitelist", characters)
    }

    /// The page image the following calls read; `dpi` tells tesseract the scale.
    public func setPage(_ raster: Raster, dpi: Int) {
        page = raster
        pageDPI = dpi
        TessBaseAPISetImage2(handle, raster.pix)
        TessBaseAPISetSourceResolution(handle, Int32(dpi))
        holdsPage = true
    }

    private func holdPage() {
        guard !holdsPage, let page else { return }
        TessBaseAPISetImage2(handle, page.pix)
        TessBaseAPISetSourceResolution(handle, Int32(pageDPI))
        holdsPage = true
        cell = nil
    }

    /// Recognises one rectangle of the page as a single text line (`singleLine`) or a block of
    /// lines. Returns the text and the mean word confidence.
    ///
    /// With a `margin`, the rectangle is cut out and read with that many white pixels around it:
    /// tesseract's layout analysis misreads text that touches the edge of the area it is given
    /// (a table cell's label set tight under its top rule reads as other characters), and reads
    /// the same text correctly once it stands on white as on a page.
    public func recognize(_ box: PixelBox, singleLine: Bool, margin: Int = 0) -> (text: String, confidence: Double) {
        TessBaseAPISetPageSegMode(handle, singleLine ? PSM_SINGLE_LINE : PSM_SINGLE_BLOCK)
        if margin > 0, let page, let cut = page.clipped(box, border: margin) {
            cell = cut
            TessBaseAPISetImage2(handle, cut.pix)
            TessBaseAPISetSourceResolution(handle, Int32(pageDPI))
            holdsPage = false
        } else {
            holdPage()
            TessBaseAPISetRectangle(handle, Int32(box.x), Int32(box.y), Int32(box.width), Int32(box.height))
        }
        guard let raw = TessBaseAPIGetUTF8Text(handle) else { return ("", 0) }
        let text = String(cString: raw)
        TessDeleteText(raw)
        let conf = Double(TessBaseAPIMeanTextConf(handle))
        return (text, conf)
    }

    /// Lays out and recognises a whole page (or the given part of it) and returns its text lines,
    /// top to bottom, each with its box and confidence.
    public func lines(in box: PixelBox) -> [RecognizedText] {
        holdPage()
        TessBaseAPISetPageSegMode(handle, PSM_AUTO)
        TessBaseAPISetRectangle(handle, Int32(box.x), Int32(box.y), Int32(box.width), Int32(box.height))
        guard TessBaseAPIRecognize(handle, nil) == 0, let it = TessBaseAPIGetIterator(handle) else { return [] }
        defer { TessResultIteratorDelete(it) }
        var result: [RecognizedText] = []
        let pageIt = TessResultIteratorGetPageIterator(it)
        repeat {
            var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
            guard TessPageIteratorBoundingBox(pageIt, RIL_TEXTLINE, &l, &t, &r, &b) != 0 else { continue }
            guard let raw = TessResultIteratorGetUTF8Text(it, RIL_TEXTLINE) else { continue }
            let text = String(cString: raw)
            TessDeleteText(raw)
            let conf = Double(TessResultIteratorConfidence(it, RIL_TEXTLINE))
            result.append(RecognizedText(text: text, box: PixelBox(x: Int(l), y: Int(t), width: Int(r - l), height: Int(b - t)),
                                         confidence: conf))
        } while TessResultIteratorNext(it, RIL_TEXTLINE) != 0
        return result
    }

    /// Drops the page and the recognition results (the pool calls it before handing the engine on).
    public func clear() {
        TessBaseAPIClear(handle)
        page = nil
        cell = nil
        holdsPage = false
    }
}

/// Engines kept per (tessdata, language) for reuse across documents and batch workers.
public final class OCREnginePool: @unchecked Sendable {
    public static let shared = OCREnginePool()
    private var idle: [String: [OCREngine]] = [:]
    private let lock = Lock()

    public func take(tessdata: String, language: String) throws(OCREngine.Failure) -> OCREngine {
        let key = tessdata + "\u{0}" + language
        if let engine = lock.withLock({ idle[key]?.popLast() }) { return engine }
        return try OCREngine(tessdata: tessdata, language: language)
    }

    public func give(_ engine: OCREngine, tessdata: String) {
        engine.clear()
        let key = tessdata + "\u{0}" + engine.language
        lock.withLock { idle[key, default: []].append(engine) }
    }
}

/// A pthread mutex (Foundation-free, as the rest of the package).
final class Lock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
