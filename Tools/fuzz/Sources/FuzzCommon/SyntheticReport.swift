import GXExport
import GXModel
import GXTemplate
import GXValidation

/// Builds a report model straight from fuzz bytes — cell values from a pool of extreme numbers
/// (near `Int.max`, past it, long decimals, negative zero) or from the bytes themselves, and texts
/// with control characters, bidi overrides and formula starts — then runs every check and every
/// writer on it. The readers never make such models; a JSON import or a future adapter might, and
/// the validator and exporters must hold without trapping (issue 20 §1).
public func fuzzModel(_ start: UnsafeRawPointer, _ count: Int) -> Int32 {
    var input = ByteSource(UnsafeRawBufferPointer(start: start, count: count))
    var reports: [Report] = []
    for r in 0..<2 {
        var report = Report(source: SourceInfo(format: .docx, path: "fuzz\(r).docx", sha256: ""),
                            title: input.text(), agency: input.text(),
                            year: [2022, 2023, Int.max, Int.min, -1, 0][input.byte() % 6])
        for key in StandardTableKey.allCases {
            let variant: TemplateVariant = input.byte() & 1 == 0 ? .v2021 : .v2019
            let spec = Template.spec(key, variant)
            var cells: [ReportCell] = []
            for (i, entry) in spec.cellPaths.enumerated() {
                guard !input.isEmpty || i < 40 else { break }
                let text = input.value()
                let reading = CellReader.read(text, type: entry.type)
                var cell = ReportCell(path: entry.path, text: text, kind: reading.kind, number: reading.number,
                                      source: SourceLocation(part: "word/document.xml", table: 1, row: i / 7 + 1, cell: i % 7 + 1))
                // Past the reader: a number kind holding any canonical text.
                if input.byte() % 5 == 0, let forced = PrintedNumber(canonical: text) { cell.kind = .number; cell.number = forced }
                cell.lost = input.byte() % 11 == 0
                cells.append(cell)
            }
            report.tables.append(StandardTable(key: key, variant: variant, cells: cells))
        }
        report.sections = (0..<(input.byte() % 4)).map { _ in
            ReportSection(key: ["overview", "requests", "review_litigation", "x\u{202E}"][input.byte() % 4], heading: input.text(),
                          paragraphs: [input.text(), "本年新收政府信息公开申请 \(input.value()) 件，办结 \(input.value()) 件。"],
                          headingSource: .unknown, paragraphSources: [.unknown])
        }
        report.bookmarks = (0..<(input.byte() % 3)).map { _ in
            ReportBookmark(name: input.text(), path: "requests.new_received.total", source: .unknown)
        }
        Validator.apply(to: &report)
        for format in ExportFormat.allCases {
            do { _ = try ReportExport.bytes(report, as: format) } catch is GXError {} catch {
                fatalError("an error that is not a GXError escaped: \(error)")
            }
        }
        reports.append(report)
    }
    _ = CrossYearRules.check(reports.compactMap { CrossYearFacts(report: $0, file: $0.source.path) })
    return 0
}

/// Reads the fuzz input as a stream of choices; past its end every choice is 0.
struct ByteSource {
    let bytes: UnsafeRawBufferPointer
    var at = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isEmpty: Bool { at >= bytes.count }

    mutating func byte() -> Int {
        guard at < bytes.count else { return 0 }
        defer { at += 1 }
        return Int(bytes[at])
    }

    static let extremes = ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551616",
                           "99999999999999999999999999999999", "999999999999999", "1000000000000000", "-0", "0.0000001",
                           "922337203685477580.7", "1\n2", "0 8", "=1+1", "-1", "+3", "@SUM(A1)", "1,234,567", "", " ", "/",
                           ".5", "1e308", "NaN", "\u{202E}12", "1\u{2028}2", "\t=cmd", "\r5"]

    /// A cell's printed text: an extreme from the pool, or a few raw bytes.
    mutating func value() -> String {
        let b = byte()
        if b < 200 { return Self.extremes[b % Self.extremes.count] }
        return text(max: 24)
    }

    /// Up to `max` bytes as text (invalid UTF-8 repaired the way readers repair it).
    mutating func text(max: Int = 48) -> String {
        let n = min(byte() % (max + 1), bytes.count - min(at, bytes.count))
        let slice = bytes[at..<(at + n)]
        at += n
        return String(decoding: slice, as: UTF8.self)
    }
}
