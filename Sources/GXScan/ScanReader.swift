import GXImaging
import GXModel

/// The scan adapter: page images (PNG, JPEG, TIFF with any number of pages) — and the pages of an
/// image-only PDF, rendered by the PDF reader — read through OCR into the document model. Tables
/// come from their ruling lines, so each value keeps the cell it was printed in; the template
/// mapping then reads them as it reads a DOCX.
public enum ScanReader {
    /// PNG, JPEG or TIFF, by their first bytes.
    public static func isImage(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF])
            || bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
    }

    /// Reads an image file: every page of it, one at a time.
    public static func read(_ bytes: [UInt8], options: ScanOptions = .init(), limits: ReadLimits = .standard) throws -> Document {
        guard options.ocr != .never else {
            throw GXError(.unsupportedFormat, "this is a page image, and reading one needs OCR (--ocr never was given)",
                          hint: "run with --ocr auto")
        }
        Raster.silenceLibraryMessages()
        guard let header = Raster.header(of: bytes) else {
            throw GXError(.image, "the image cannot be decoded: its header is damaged or truncated",
                          hint: "check that the file is a complete PNG, JPEG or TIFF")
        }
        if header.kind == .tiff {
            var n = 0
            return try read(options: options, limits: limits) { () throws -> Raster? in
                guard let size = Raster.tiffPageSize(bytes, page: n) else { return nil }
                try check(width: size.width, height: size.height, page: n + 1, limits: limits)
                defer { n += 1 }
                guard let raster = Raster.decodeTIFF(bytes, page: n) else {
                    throw GXError(.image, "TIFF page \(n + 1) cannot be decoded", location: SourceLocation(page: n + 1))
                }
                return raster
            }
        }
        try check(width: header.width, height: header.height, page: 1, limits: limits)
        var done = false
        return try read(options: options, limits: limits) { () throws -> Raster? in
            guard !done else { return nil }
            done = true
            guard let raster = Raster.decode(bytes) else {
                throw GXError(.image, "the image cannot be decoded: its data is damaged or truncated",
                              location: SourceLocation(page: 1), hint: "check that the file is complete")
            }
            return raster
        }
    }

    /// An 8-bit gray page image, row-major, `width` bytes a row: a page another reader rendered.
    public struct GrayPage: Sendable {
        public var width: Int
        public var height: Int
        public var samples: [UInt8]

        public init(width: Int, height: Int, samples: [UInt8]) {
            self.width = width
            self.height = height
            self.samples = samples
        }
    }

    /// Reads pages rendered elsewhere (a scanned PDF's), handed over one at a time.
    public static func read(grayPages next: () throws -> GrayPage?, options: ScanOptions, limits: ReadLimits) throws -> Document {
        Raster.silenceLibraryMessages()
        var number = 0
        return try read(options: options, limits: limits) { () throws -> Raster? in
            guard let page = try next() else { return nil }
            number += 1
            try check(width: page.width, height: page.height, page: number, limits: limits)
            guard let raster = Raster.gray(width: page.width, height: page.height, samples: page.samples) else {
                throw GXError(.image, "page \(number) could not be taken as an image", location: SourceLocation(page: number))
            }
            return raster
        }
    }

    /// Refuses a page with no pixels or too many, from its declared size, before decoding it.
    public static func check(width: Int, height: Int, page: Int, limits: ReadLimits) throws {
        guard width > 0, height > 0 else {
            throw GXError(.image, "page \(page) is \(width)×\(height) pixels: an image with no pixels", location: SourceLocation(page: page))
        }
        guard width <= limits.maxImageSide, height <= limits.maxImageSide, width * height <= limits.maxImagePixels else {
            throw GXError(.limit, "page \(page) is \(width)×\(height) pixels, over the limit of \(limits.maxImageSide) on a side and \(limits.maxImagePixels) in all",
                          location: SourceLocation(page: page), hint: "scan at 300 dpi")
        }
    }

    /// Reads pages handed over one at a time by `nextPage` (nil after the last), so only one page
    /// image is alive at once.
    public static func read(options: ScanOptions, limits: ReadLimits, nextPage: () throws -> Raster?) throws -> Document {
        // The first page is decoded before the OCR engines load: a broken file fails fast.
        guard var raster = try nextPage() else { throw GXError(.image, "the file holds no page image") }
        let tessdata = try options.resolvedTessdata()
        let engines: Engines
        do {
            engines = Engines(text: try OCREnginePool.shared.take(tessdata: tessdata, language: options.language),
                              digits: try OCREnginePool.shared.take(tessdata: tessdata, language: options.digitsLanguage))
        } catch {
            switch error {
            case .missingLanguage(let language, let folder): throw ScanOptions.missing(language, in: folder)
            case .initFailed(let language, let folder):
                throw GXError(.ocrLanguage, "tesseract could not load '\(language)' from \(folder)",
                              hint: "reinstall tesseract-ocr-\(language.replacingOccurrencesOfUnderscore)")
            }
        }
        defer {
            OCREnginePool.shared.give(engines.text, tessdata: tessdata)
            OCREnginePool.shared.give(engines.digits, tessdata: tessdata)
        }
        var pages: [ScannedPage] = []
        while true {
            guard pages.count < limits.maxPages else {
                throw GXError(.limit, "the scan has more than \(limits.maxPages) pages")
            }
            // A scan's time budget is per page: OCR costs about a second a page, and a long
            // report is not a hostile one.
            let started = ContinuousClock.now
            pages.append(try PageReader.read(raster, number: pages.count + 1, engines: engines))
            if let budget = limits.timeBudget, ContinuousClock.now - started > budget {
                throw GXError(.limit, "page \(pages.count) took longer than the time budget of \(budget) to read",
                              location: SourceLocation(page: pages.count))
            }
            guard let next = try nextPage() else { break }
            raster = next
        }
        return assemble(pages)
    }

    /// Paragraphs and tables of all pages in reading order, tables broken by a page joined.
    static func assemble(_ pages: [ScannedPage]) -> Document {
        var byNumber: [Int: ScannedPage] = [:]
        for p in pages { byNumber[p.number] = p }
        let groups = TableStitcher.groups(pages.flatMap(\.tables), pages: byNumber)
        // Each group's table is placed where its first fragment stands.
        var groupStartingAt: [Int: [Int: Int]] = [:]   // page → table y → group
        var continuation: Set<String> = []
        for (g, group) in groups.enumerated() {
            groupStartingAt[group.fragments[0].page, default: [:]][group.fragments[0].box.y] = g
            for f in group.fragments.dropFirst() { continuation.insert("\(f.page):\(f.box.y)") }
        }
        var builder = ProseBuilder()
        var tableNumber = 0
        var diagnostics: [Diagnostic] = []
        for page in pages {
            let margins = ProseBuilder.margins(page.lines)
            var items: [(y: Int, line: RecognizedText?, table: ScannedTable?)] = []
            for line in page.lines where !ProseBuilder.isPageFurniture(line.text) { items.append((line.box.y, line, nil)) }
            for t in page.tables { items.append((t.box.y, nil, t)) }
            items.sort { $0.y < $1.y }
            for item in items {
                if let line = item.line { builder.add(line, page: page, margins: margins); continue }
                guard let t = item.table, !continuation.contains("\(t.page):\(t.box.y)"),
                      let g = groupStartingAt[t.page]?[t.box.y] else { continue }
                tableNumber += 1
                builder.append(TableStitcher.table(groups[g], number: tableNumber, dpi: page.dpi))
            }
            if abs(page.skew) >= 0.05 {
                diagnostics.append(Diagnostic(code: "GX-I-DESKEWED", severity: .info,
                    message: "page \(page.number) was turned \(String(format1: page.skew))° to straighten it; boxes are in the straightened image",
                    messageZh: "第 \(page.number) 页已纠偏 \(String(format1: page.skew))°", source: SourceLocation(page: page.number)))
            }
            if page.tables.isEmpty, page.lines.isEmpty {
                diagnostics.append(Diagnostic(code: "GX-W-BLANK-PAGE", severity: .warning,
                    message: "page \(page.number) gave no text", messageZh: "第 \(page.number) 页未识别出文字",
                    source: SourceLocation(page: page.number)))
            }
        }
        builder.flush()
        return Document(format: .image, blocks: builder.blocks, diagnostics: diagnostics)
    }
}

extension String {
    /// `1.23` for 1.234: one decimal, no Foundation.
    init(format1 value: Double) {
        let tenths = Int((abs(value) * 10).rounded())
        self = (value < 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }

    fileprivate var replacingOccurrencesOfUnderscore: String { String(map { $0 == "_" ? "-" : $0 }) }
}
