import CPoppler
import GXModel

/// One word as poppler found it on a page: its text, its box in points (origin top left) and the
/// size of the font it is set in.
struct PDFWord {
    var text: String
    var box: PageBox
    var fontSize: Double
}

/// A page's words, in the order poppler reads them, and the page size in points.
struct PDFPage {
    var number: Int
    var width: Double
    var height: Double
    var words: [PDFWord]
}

/// The only place that touches poppler: opens the bytes, checks the limits, and copies every
/// page's words, boxes and font sizes into Swift values. Everything above it is plain geometry.
enum PopplerText {
    static func pages(_ bytes: [UInt8], limits: ReadLimits) throws -> [PDFPage] {
        let gbytes = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(gbytes) }
        var error: UnsafeMutablePointer<GError>? = nil
        guard let document = poppler_document_new_from_bytes(gbytes, nil, &error) else {
            let code = error?.pointee.code ?? -1
            let domain = error?.pointee.domain ?? 0
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
            if let error { g_error_free(error) }
            if domain == poppler_error_quark(), code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw GXError(.encrypted, "the PDF is protected by a password needed to open it",
                              hint: "ask the publisher for an unprotected copy, or open it with the password and print it to a new PDF")
            }
            throw GXError(.pdf, "the PDF is damaged and cannot be opened (\(message))",
                          hint: "open it in a PDF viewer and save or print it to a new PDF, then convert that")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }

        let count = Int(poppler_document_get_n_pages(document))
        guard count > 0 else {
            throw GXError(.pdf, "the PDF has no pages", hint: "check that the right file was uploaded")
        }
        guard count <= limits.maxPDFPages else {
            throw GXError(.limit, "the PDF has \(count) pages, over the \(limits.maxPDFPages)-page limit")
        }
        var pages: [PDFPage] = []
        pages.reserveCapacity(count)
        for index in 0..<count {
            if let deadline = limits.deadline, ContinuousClock.now > deadline {
                throw GXError(.limit, "reading the PDF ran past its time budget at page \(index + 1)")
            }
            guard let page = poppler_document_get_page(document, Int32(index)) else {
                throw GXError(.pdf, "page \(index + 1) of the PDF cannot be read",
                              location: SourceLocation(page: index + 1),
                              hint: "open it in a PDF viewer and save or print it to a new PDF, then convert that")
            }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            pages.append(try read(page, number: index + 1, limits: limits))
        }
        return pages
    }

    /// Copies one page: its text, one rectangle per character of that text, and the font runs.
    private static func read(_ page: OpaquePointer, number: Int, limits: ReadLimits) throws -> PDFPage {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard let raw = poppler_page_get_text(page) else {
            return PDFPage(number: number, width: width, height: height, words: [])
        }
        let text = String(cString: raw)
        g_free(raw)
        var rects: UnsafeMutablePointer<PopplerRectangle>? = nil
        var rectCount: guint = 0
        guard poppler_page_get_text_layout(page, &rects, &rectCount) != 0, let rects else {
            return PDFPage(number: number, width: width, height: height, words: [])
        }
        defer { g_free(rects) }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= limits.maxPDFPageCharacters else {
            throw GXError(.limit, "page \(number) holds \(scalars.count) characters, over the \(limits.maxPDFPageCharacters)-character limit",
                          location: SourceLocation(page: number))
        }
        // Font size per character, from poppler's runs of equal attributes.
        var sizes = [Double](repeating: 0, count: scalars.count)
        if let list = poppler_page_get_text_attributes(page) {
            var node: UnsafeMutablePointer<GList>? = list
            while let n = node {
                if let data = n.pointee.data {
                    let attributes = data.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                    let start = max(0, Int(attributes.start_index)), end = min(scalars.count - 1, Int(attributes.end_index))
                    if start <= end { for k in start...end { sizes[k] = attributes.font_size } }
                }
                node = n.pointee.next
            }
            poppler_page_free_text_attributes(list)
        }
        let usable = min(scalars.count, Int(rectCount))
        var words: [PDFWord] = []
        var current = String.UnicodeScalarView()
        var box: PageBox? = nil
        var previous: PageBox? = nil
        var size = 0.0
        func flush() {
            if let b = box, !current.isEmpty { words.append(PDFWord(text: String(current), box: b, fontSize: size)) }
            current = String.UnicodeScalarView()
            box = nil
            previous = nil
            size = 0
        }
        for k in 0..<usable {
            let u = scalars[k]
            if u.properties.isWhitespace || u.value < 0x20 { flush(); continue }
            let r = rects[k]
            let b = PageBox(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2))
            // A character far from the word so far (another line or column poppler ran on) starts a new word.
            if let last = box, b.x0 > last.x1 + max(2, sizes[k]) || b.y0 > last.y1 || b.y1 < last.y0 { flush() }
            // Nor does a character set half a line above or below the one before: poppler runs a
            // number wrapped in a narrow cell (`131` over `6`) into the next cell's number on the
            // line between (`174131`), which the table reader must see as two words.
            if let p = previous, abs(b.midY - p.midY) > 0.3 * max(b.y1 - b.y0, p.y1 - p.y0) { flush() }
            current.append(u)
            previous = b
            box = box.map { $0.union(b) } ?? b
            size = max(size, sizes[k])
        }
        flush()
        return PDFPage(number: number, width: width, height: height, words: words)
    }
}
