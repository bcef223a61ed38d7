import GXDocx
import GXHTML
import GXModel
import GXPDF
import GXTemplate
import GXText
import GXValidation

public struct ConvertOptions: Sendable {
    /// Skip sniffing and read the input as this format.
    public var format: SourceFormat?
    public var limits: ReadLimits
    public var validation: ValidationOptions

    public init(format: SourceFormat? = nil, limits: ReadLimits = .standard, validation: ValidationOptions = .init()) {
        self.format = format
        self.limits = limits
        self.validation = validation
    }
}

/// readers → one model → checks: the whole path from bytes to a validated report.
public enum Converter {
    /// The document layer, from whichever adapter the bytes call for.
    public static func document(_ bytes: [UInt8], options: ConvertOptions = .init()) throws -> Document {
        var options = options
        if let budget = options.limits.timeBudget, options.limits.deadline == nil {
            options.limits.deadline = ContinuousClock.now + budget
        }
        guard bytes.count <= options.limits.maxInputBytes else {
            throw GXError(.limit, "input is \(bytes.count) bytes, over the \(options.limits.maxInputBytes)-byte limit")
        }
        let format = try options.format ?? FormatSniffer.sniff(bytes)
        switch format {
        case .docx:
            return try DocxReader.read(bytes, limits: options.limits)
        case .html:
            return try HTMLReader.read(bytes, limits: options.limits)
        case .text:
            return try TextReader.read(bytes)
        case .pdf:
            return try PDFReader.read(bytes, limits: options.limits)
        }
    }

    /// The validated report for one input. `path` is what the user named (`-` for stdin).
    public static func report(_ bytes: [UInt8], path: String, options: ConvertOptions = .init()) throws -> Report {
        do {
            let document = try document(bytes, options: options)
            var report = ReportBuilder.build(document, source: SourceInfo(format: document.format, path: path,
                                                                          sha256: SHA256.hex(bytes)))
            Validator.apply(to: &report, options: options.validation)
            return report
        } catch let error as GXError {
            throw error.at(file: path)
        }
    }
}
