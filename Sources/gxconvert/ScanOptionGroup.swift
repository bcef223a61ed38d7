import ArgumentParser
import GXScan

extension ScanOptions.OCRMode: ExpressibleByArgument {}

/// OCR flags for page images and scanned PDFs, shared by every command.
struct ScanOptionGroup: ParsableArguments {
    @Option(help: "OCR: auto (pages without a text layer, and images), always, never.")
    var ocr: ScanOptions.OCRMode = .auto

    @Option(help: "Resolution scanned PDF pages are rendered at for OCR.")
    var dpi: Int = 300

    @Option(help: "Folder with tesseract's chi_sim and eng .traineddata (default: $TESSDATA_PREFIX, then Debian's).")
    var tessdata: String?

    func validate() throws {
        guard (72...600).contains(dpi) else { throw ValidationError("--dpi must be between 72 and 600") }
    }

    var scanOptions: ScanOptions { ScanOptions(ocr: ocr, dpi: dpi, tessdata: tessdata) }
}
