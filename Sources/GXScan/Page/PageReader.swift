#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GXImaging
import GXModel

/// What one page gave: its ruled tables with each cell read, and the text lines outside them.
/// Only text and boxes are kept, never the image, so a long scan holds one page image at a time.
struct ScannedPage {
    var number: Int
    var width: Int
    var height: Int
    var dpi: Int
    /// Skew found and corrected, in degrees.
    var skew: Double
    var tables: [ScannedTable]
    var lines: [RecognizedText]
}

struct ScannedTable {
    var page: Int
    var box: PixelBox
    var cells: [ScannedCell]
}

struct ScannedCell {
    var box: PixelBox
    var text: String
    var confidence: Int
    /// Set for value cells: how far the reading can be trusted (see `ValueReading`).
    var quality: ReadQuality?
}

/// The OCR engines a page is read with: one for labels and prose, one for the digits-only pass.
struct Engines {
    var text: OCREngine
    var digits: OCREngine
}

/// Reads one page image: deskew, find the ruled tables, OCR each cell on its own, then OCR the
/// rest of the page (tables blanked out) as text lines.
enum PageReader {
    /// `GX_SCAN_DEBUG=1` prints what each page gave (skew, tables, cells) on stdout.
    static let debug = getenv("GX_SCAN_DEBUG") != nil

    static func read(_ raster: Raster, number: Int, engines: Engines) throws -> ScannedPage {
        guard var gray = raster.gray8(), var binary = gray.binarized() else {
            throw GXError(.image, "page \(number) could not be converted to gray", location: SourceLocation(page: number))
        }
        // Scans are A4 (8.27″ across); the file's own resolution field is often absent or wrong.
        let dpi = max(72, Int((Double(min(gray.width, gray.height)) / 8.27).rounded()))
        var skew = 0.0
        let found = binary.skew()
        if debug { print("page \(number): \(gray.width)x\(gray.height) dpi \(dpi) skew \(String(describing: found))") }
        if let found, abs(found.degrees) >= 0.05, found.confidence >= 1.0, abs(found.degrees) <= 5,
           let straight = gray.rotated(degrees: found.degrees), let straightBinary = straight.binarized() {
            skew = found.degrees
            gray = straight
            binary = straightBinary
        }
        engines.text.setPage(gray, dpi: dpi)
        engines.digits.setPage(gray, dpi: dpi)
        var tables: [ScannedTable] = []
        for ruled in RulingGrid.tables(in: binary, dpi: dpi) {
            if debug { print("  table \(ruled.box) cells \(ruled.cells.count)") }
            var cells: [ScannedCell] = []
            for box in ruled.cells {
                cells.append(CellOCR.read(box, binary: binary, dpi: dpi, engines: engines))
                if debug { print("    \(box.x),\(box.y) \(box.width)x\(box.height): \(cells[cells.count - 1].text) \(cells[cells.count - 1].quality.map { "\($0.state) \($0.seen)" } ?? "")") }
            }
            tables.append(ScannedTable(page: number, box: ruled.box, cells: cells))
        }
        var lines: [RecognizedText] = []
        if let prose = gray.erasing(tables.map(\.box)) {
            engines.text.setPage(prose, dpi: dpi)
            lines = engines.text.lines(in: PixelBox(x: 0, y: 0, width: prose.width, height: prose.height))
                .compactMap { line in
                    var l = line
                    l.text = ScanText.clean(line.text)
                    return l.text.isEmpty ? nil : l
                }
        }
        if debug { for line in lines { print("  line \(line.box): \(line.text)") } }
        engines.text.clear()
        engines.digits.clear()
        return ScannedPage(number: number, width: gray.width, height: gray.height, dpi: dpi, skew: skew,
                           tables: tables, lines: lines)
    }
}
