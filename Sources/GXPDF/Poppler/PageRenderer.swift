import CPoppler
import GXModel

/// Renders the pages of a PDF that carries no text layer (a scan) to PNG, one page at a time, for
/// the scan reader's OCR. The document stays open while pages are asked for.
final class PageRenderer {
    private let gbytes: OpaquePointer
    private let document: OpaquePointer
    let pageCount: Int

    init(_ bytes: [UInt8]) throws {
        gbytes = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        var error: UnsafeMutablePointer<GError>? = nil
        guard let document = poppler_document_new_from_bytes(gbytes, nil, &error) else {
            if let error { g_error_free(error) }
            g_bytes_unref(gbytes)
            throw GXError(.pdf, "the PDF cannot be opened to render its pages")
        }
        self.document = document
        pageCount = Int(poppler_document_get_n_pages(document))
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
        g_bytes_unref(gbytes)
    }

    /// The size page `index` (0-based) would have at `dpi`, in pixels.
    func pixelSize(_ index: Int, dpi: Int) -> (width: Int, height: Int)? {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var w = 0.0, h = 0.0
        poppler_page_get_size(page, &w, &h)
        guard w.isFinite, h.isFinite, w > 0, h > 0, w < 1e5, h < 1e5 else { return (0, 0) }
        return (Int((w * Double(dpi) / 72).rounded()), Int((h * Double(dpi) / 72).rounded()))
    }

    /// Page `index` on white at `dpi`, as PNG bytes; the caller has checked its pixel size.
    func png(_ index: Int, dpi: Int) -> [UInt8]? {
        guard let page = poppler_document_get_page(document, Int32(index)), let size = pixelSize(index, dpi: dpi),
              size.width > 0, size.height > 0 else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(size.width), Int32(size.height))
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, Double(dpi) / 72, Double(dpi) / 72)
        poppler_page_render(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        return status == CAIRO_STATUS_SUCCESS ? sink.bytes : nil
    }
}
