import GXConvert
import GXDocx
import GXTemplate
import GXValidation
import GXExport
import GXModel

/// One fuzz input through the whole path a portal runs: read as `format`, map, validate, write
/// JSON. A coded `GXError` is the expected answer to bad input; anything else (a crash, a trap,
/// a sanitizer report, a hang) is a bug.
/// A bare WordprocessingML main part through the XML reader, the mapping, validation and JSON.
public func fuzzWordML(_ start: UnsafeRawPointer, _ count: Int) -> Int32 {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    do {
        let document = try DocxReader.readMainPart(bytes)
        var report = ReportBuilder.build(document, source: SourceInfo(format: .docx, path: "fuzz", sha256: ""))
        Validator.apply(to: &report)
        _ = JSONWriter.bytes(ReportJSON.value(report))
    } catch is GXError {
    } catch {
        fatalError("an error that is not a GXError escaped: \(error)")
    }
    return 0
}

public func fuzzOne(_ start: UnsafeRawPointer, _ count: Int, as format: SourceFormat) -> Int32 {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    var limits = ConvertOptions().limits
    limits.maxInputBytes = 4 << 20
    do {
        let report = try Converter.report(bytes, path: "fuzz", options: ConvertOptions(format: format, limits: limits, legacyConverter: nil))
        _ = JSONWriter.bytes(ReportJSON.value(report))
    } catch is GXError {
    } catch {
        fatalError("an error that is not a GXError escaped: \(error)")
    }
    return 0
}
