import CPoppler
import GXModel

/// One PDF page rendered for OCR: 8-bit gray, row-major, `width` bytes a row.
public struct RenderedPage: Sendable {
    public var number: Int
    public var width: Int
    public var height: Int
    public var gray: [UInt8]
}

/// Renders the pages of a PDF (poppler through cairo) one at a time, so a long scan holds one
/// page image at a time. The document stays open between pages.
public final class PDFPageRenderer {
    private let document: OpaquePointer
    private let gbytes: OpaquePointer
    public let pageCount: Int

    public init(_ bytes: [UInt8], limits: ReadLimits) throws {
        try StreamBudget.check(bytes, limits: limits)
        gbytes = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        var error: UnsafeMutablePointer<GError>? = nil
        guard let document = poppler_document_new_from_bytes(gbytes, nil, &error) else {
            if let error { g_error_free(error) }
            g_bytes_unref(gbytes)
            throw GXError(.pdf, "the PDF is damaged and cannot be opened",
                          hint: "open it in a PDF viewer and save or print it to a new PDF, then convert that")
        }
        self.document = document
        pageCount = Int(poppler_document_get_n_pages(document))
        guard pageCount > 0, pageCount <= limits.maxPDFPages else {
            g_object_unref(UnsafeMutableRawPointer(document))
            g_bytes_unref(gbytes)
            throw GXError(pageCount > 0 ? .limit : .pdf, "the PDF has \(pageCount) pages")
        }
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
        g_bytes_unref(gbytes)
    }

    /// Page `index` (0-based) at `dpi`, white background; refused when it would be larger than a
    /// page image may be.
    public func render(_ index: Int, dpi: Int, limits: ReadLimits) throws -> RenderedPage {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            throw GXError(.pdf, "page \(index + 1) of the PDF cannot be read", location: SourceLocation(page: index + 1))
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var wPt = 0.0, hPt = 0.0
        poppler_page_get_size(page, &wPt, &hPt)
        let scale = Double(dpi) / 72
        let width = Int((wPt * scale).rounded()), height = Int((hPt * scale).rounded())
        guard width > 0, height > 0, width <= limits.maxImageSide, height <= limits.maxImageSide,
              width * height <= limits.maxImagePixels else {
            throw GXError(.limit, "page \(index + 1) would render at \(width)×\(height) pixels, over the page image limits",
                          location: SourceLocation(page: index + 1), hint: "use a lower --dpi")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw GXError(.limit, "no memory to render page \(index + 1)")
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw GXError(.limit, "no memory to render page \(index + 1)") }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render_for_printing(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw GXError(.pdf, "page \(index + 1) did not render") }
        var gray = [UInt8](repeating: 255, count: width * height)
        gray.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = data + y * stride
                for x in 0..<width {
                    // RGB24: one native-endian 32-bit word per pixel, 0x00RRGGBB.
                    let p = UnsafeRawPointer(row + 4 * x).loadUnaligned(as: UInt32.self)
                    let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                    out[y * width + x] = UInt8((r * 299 + g * 587 + b * 114) / 1000)
                }
            }
        }
        return RenderedPage(number: index + 1, width: width, height: height, gray: gray)
    }
}
