import GXConvert
import GXExport
import GXModel
import GXValidation

/// The work a request hands to a worker: exactly what the command line does with the same bytes,
/// so the service's answer is byte for byte the CLI's output.
enum Conversion {
    /// `gxconvert NAME --to FORMAT` (with `--excel`, `--compact`, `--blank-as-zero` as asked).
    static func convert(_ upload: Upload, to format: ExportFormat, export: ExportOptions,
                        options: ConvertOptions) throws(APIError) -> [UInt8] {
        let report = try read(upload, options: options)
        do {
            return try ReportExport.bytes(report, as: format, options: export)
        } catch {
            throw APIError(status: .internalServerError, code: GXErrorCode.export.rawValue,
                           message: "the report could not be written as \(format.rawValue): \(error)")
        }
    }

    /// The report, or 422 with the reader's code and place (the CLI's exit status 3).
    static func read(_ upload: Upload, options: ConvertOptions) throws(APIError) -> Report {
        if let deadline = options.limits.deadline, ContinuousClock.now >= deadline {
            throw APIError.unreadable(GXError(.limit, "the request's time budget ran out before a worker was free",
                                              file: upload.name, hint: "try again later"))
        }
        do {
            return try Converter.report(upload.bytes, path: upload.name, options: options)
        } catch let error as GXError {
            throw APIError.unreadable(error.at(file: upload.name))
        } catch {
            throw APIError.unreadable(GXError(.io, "\(error)", file: upload.name))
        }
    }

    /// `gxconvert validate --format json` over the uploads, cross-year checks included.
    static func validate(_ uploads: [Upload], options: ConvertOptions) -> JSONValue {
        var results: [(file: String, report: Report)] = []
        var unreadable: [GXError] = []
        for upload in uploads {
            do {
                results.append((upload.name, try Converter.report(upload.bytes, path: upload.name, options: options)))
            } catch let error as GXError {
                unreadable.append(error.at(file: upload.name))
            } catch {
                unreadable.append(GXError(.io, "\(error)", file: upload.name))
            }
        }
        let crossYear = CrossYearRules.check(results.compactMap { CrossYearFacts(report: $0.report, file: $0.file) })
        let all = results.flatMap(\.report.diagnostics) + crossYear
        return ValidationJSON.value(results: results, crossYear: crossYear, unreadable: unreadable,
                                    errors: all.filter { $0.severity == .error }.count,
                                    warnings: all.filter { $0.severity == .warning }.count)
    }

    /// What the page shows for one upload: the canonical report JSON and the `--to html` page whose
    /// tables it draws (the HTML writer's own tables, not a second rendering of the template).
    static func inspect(_ upload: Upload, options: ConvertOptions) throws(APIError) -> JSONValue {
        let report = try read(upload, options: options)
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        return .object([
            ("schema", .string("gxconvert.inspect/1")),
            ("status", .string(errors > 0 ? "errors" : "passed")),
            ("report", ReportJSON.value(report)),
            ("html", .string(String(decoding: HTMLWriter.write(report), as: UTF8.self))),
        ])
    }

    /// The input format a conversion-time sample is filed under.
    static func format(of bytes: [UInt8], options: ConvertOptions) -> String {
        if let f = options.format { return f.rawValue }
        return (try? FormatSniffer.sniff(bytes).rawValue) ?? "unreadable"
    }
}
