import GXDocx
import GXHTML
import GXModel
import GXPDF
import GXScan
import GXTemplate
import GXText
import GXValidation

public struct ConvertOptions: Sendable {
    /// Skip sniffing and read the input as this format.
    public var format: SourceFormat?
    public var limits: ReadLimits
    public var validation: ValidationOptions
    /// Converts old binary Word/WPS files to DOCX (LibreOffice); nil refuses them with advice.
    public var legacyConverter: LegacyWordConverter?
    /// OCR of page images and scanned PDFs.
    public var scan: ScanOptions

    public init(format: SourceFormat? = nil, limits: ReadLimits = .standard, validation: ValidationOptions = .init(),
                legacyConverter: LegacyWordConverter? = Converter.installedLegacyConverter, scan: ScanOptions = .init()) {
        self.format = format
        self.limits = limits
        self.validation = validation
        self.legacyConverter = legacyConverter
        self.scan = scan
    }
}

/// readers → one model → checks: the whole path from bytes to a validated report.
public enum Converter {
    /// LibreOffice when it is installed, looked for once per process.
    public static let installedLegacyConverter = LegacyWordConverter.onPath()

    /// HTML embedded in a DOCX (`w:altChunk`) goes through the HTML adapter.
    static let embeddedHTML: DocxReader.EmbeddedHTMLReader = { bytes, limits in try HTMLReader.read(bytes, limits: limits) }

    /// The document layer, from whichever adapter the bytes call for.
    public static func document(_ bytes: [UInt8], options: ConvertOptions = .init()) throws -> Document {
        let options = started(options)
        guard bytes.count <= options.limits.maxInputBytes else {
            throw GXError(.limit, "input is \(bytes.count) bytes, over the \(options.limits.maxInputBytes)-byte limit")
        }
        if options.format == nil || options.format == .docx, FormatSniffer.isOLE(bytes) {
            guard let converter = options.legacyConverter else { throw FormatSniffer.oldBinary }
            var document = try DocxReader.read(try converter.convert(bytes, limits: options.limits), limits: options.limits,
                                               html: embeddedHTML)
            document.provenance = converter.provenance
            document.diagnostics.insert(Diagnostic(code: "GX-I-CONVERTED", severity: .info,
                message: "an old binary Word/WPS file, " + converter.provenance + "; places name the converted DOCX",
                messageZh: "旧版 Word/WPS 文件，已由 LibreOffice 离线转换为 DOCX 后读取"), at: 0)
            return document
        }
        let format = try options.format ?? FormatSniffer.sniff(bytes)
        switch format {
        case .docx:
            return try DocxReader.read(bytes, limits: options.limits, html: embeddedHTML)
        case .html:
            return try HTMLReader.read(bytes, limits: options.limits)
        case .text:
            return try TextReader.read(bytes, limits: options.limits)
        case .pdf:
            // A PDF with no text layer is a scan: its pages are rendered and read through OCR.
            if options.scan.ocr == .always { return try scannedPDF(bytes, options: options) }
            do {
                return try PDFReader.read(bytes, limits: options.limits)
            } catch var error as GXError where error.code == .scanned {
                guard options.scan.ocr == .auto else {
                    error.hint = "run with --ocr auto to read it through OCR"
                    throw error
                }
                return try scannedPDF(bytes, options: options)
            }
        case .image:
            return try ScanReader.read(bytes, options: options.scan, limits: options.limits)
        }
    }

    /// The options with the document's deadline set, once, as its conversion starts: every stage
    /// after it polls the same instant, so `--time-budget` bounds the whole conversion.
    public static func started(_ options: ConvertOptions) -> ConvertOptions {
        var options = options
        if let budget = options.limits.timeBudget, options.limits.deadline == nil {
            options.limits.deadline = ContinuousClock.now + budget
        }
        return options
    }

    /// `GX-E-LIMIT` once the deadline has passed; the adapters poll it inside their loops, this
    /// between the stages (read, map, check) and before the writers.
    public static func checkDeadline(_ options: ConvertOptions, after stage: String) throws {
        if let deadline = options.limits.deadline, ContinuousClock.now > deadline {
            throw GXError(.limit, "the document took longer than its time budget (\(stage) was still running)",
                          hint: "raise --time-budget if the input is legitimate")
        }
    }

    /// An image-only PDF: each page rendered by poppler at `--dpi` and read by the scan reader.
    static func scannedPDF(_ bytes: [UInt8], options: ConvertOptions) throws -> Document {
        let renderer = try PDFPageRenderer(bytes, limits: options.limits)
        var index = 0
        var document = try ScanReader.read(grayPages: {
            guard index < renderer.pageCount else { return nil }
            defer { index += 1 }
            let page = try renderer.render(index, dpi: options.scan.dpi, limits: options.limits)
            return ScanReader.GrayPage(width: page.width, height: page.height, samples: page.gray)
        }, options: options.scan, limits: options.limits)
        document.format = .pdf
        document.diagnostics.insert(Diagnostic(code: "GX-I-OCR", severity: .info,
            message: "\(renderer.pageCount) page(s) had no text layer and were rendered at \(options.scan.dpi) dpi and read through OCR; boxes are in pixels of those images",
            messageZh: "\(renderer.pageCount) 页无文本层，按 \(options.scan.dpi) dpi 渲染后经 OCR 识别"), at: 0)
        return document
    }

    /// An input with no visible text (whitespace, a byte order mark) is `GX-E-EMPTY`; one with text
    /// but nothing of a report — no title, no template section, no standard table — is
    /// `GX-E-NO-REPORT`: an empty report with exit 0 would pass for a converted one.
    static func requireReport(_ document: Document, _ report: Report) throws {
        guard report.title == nil, report.sections.isEmpty, report.tables.isEmpty else { return }
        let visible = document.blocks.contains { block in
            switch block {
            case .table: return true
            case .paragraph(let p):
                return p.text.unicodeScalars.contains { !$0.properties.isWhitespace && $0 != "\u{FEFF}" && $0 != "\u{200B}" }
            }
        }
        guard visible else {
            throw GXError(.empty, "the input holds no text (only white space or a byte order mark)")
        }
        throw GXError(.noReport, "no report found: no title, no section heading of the template and no standard table",
                      hint: "is this a 政府信息公开工作年度报告? gxconvert reads the annual reports only")
    }

    /// The validated report for one input. `path` is what the user named (`-` for stdin).
    public static func report(_ bytes: [UInt8], path: String, options: ConvertOptions = .init()) throws -> Report {
        let options = started(options)
        do {
            let document = try document(bytes, options: options)
            try checkDeadline(options, after: "reading")
            var source = SourceInfo(format: document.format, path: path, sha256: SHA256.hex(bytes))
            source.convertedBy = document.provenance
            var report = ReportBuilder.build(document, source: source)
            try requireReport(document, report)
            try checkDeadline(options, after: "mapping")
            Validator.apply(to: &report, options: options.validation)
            try checkDeadline(options, after: "checking")
            return report
        } catch let error as GXError {
            throw error.at(file: path)
        }
    }
}
