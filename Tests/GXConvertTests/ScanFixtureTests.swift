import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXModel

/// Scanned pages made from the DOCX fixtures with real tools (Fixtures/scan/README.md): every
/// value the scan reader emits must be the DOCX's value; what it cannot read is null and lost.
/// OCR takes about a second a page, so the suite reads five pages in all.
@Suite struct ScanFixtureTests {
    struct Score {
        var emitted = 0, correct = 0, expected = 0
        var wrong: [String] = []
    }

    /// Compares every value cell of the three tables with the DOCX's expected file.
    static func score(_ report: Report, against docx: String, only tables: Set<String>? = nil) throws -> Score {
        let expected = try Fixtures.expectation(for: Fixtures.root.appendingPathComponent("docx/\(docx).docx"))
        let cells = expected["cells"] as! [String: [String: String]]
        var s = Score()
        for table in report.tables {
            for cell in table.cells {
                let path = cell.path.description
                guard tables?.contains(String(path.prefix(while: { $0 != "." }))) ?? true, let want = cells[path] else { continue }
                let wantValue = want["kind"] == "number" ? Double(want["text"]!.replacingOccurrences(of: "+", with: "")) : nil
                if wantValue != nil { s.expected += 1 }
                guard let got = cell.number else {
                    if wantValue != nil, !cell.lost, cell.kind == .text {
                        // A value read as a word must have been flagged lost instead.
                        s.wrong.append("\(path): no value and not marked lost (\(cell.kind) '\(cell.text)')")
                    }
                    continue
                }
                s.emitted += 1
                if let wantValue, Double(got.canonical) == wantValue { s.correct += 1 } else {
                    s.wrong.append("\(path): read \(got.canonical), printed \(want["text"] ?? "")")
                }
            }
        }
        return s
    }

    static func read(_ name: String) throws -> Report {
        let url = Fixtures.root.appendingPathComponent("scan/\(name)")
        return try Converter.report(Fixtures.bytes(url), path: name)
    }

    @Test func cleanScanAt300DPIReadsEveryValueWithItsPageAndBox() throws {
        // Pages 3–5 of seed000: table 二, table 三 broken over pages 3 and 4 with its header
        // repeated on 4, table 四 on 5.
        let report = try Self.read("seed000-lo-p3-5-300.tiff")
        #expect(report.source.format == .image)
        let s = try Self.score(report, against: "seed000-lo")
        #expect(s.wrong.isEmpty, "\(s.wrong)")
        #expect(s.expected == 200)
        #expect(Double(s.correct) >= 0.98 * Double(s.expected), "recall \(s.correct)/\(s.expected)")
        for key in StandardTableKey.allCases { #expect(report.table(key)?.variant == .v2021, "\(key)") }
        for table in report.tables {
            for cell in table.cells where cell.number != nil {
                #expect(cell.source.page != nil && cell.source.box != nil && cell.source.confidence != nil, "\(cell.path)")
            }
        }
        // Table 三 starts on page 3 and goes on over pages 4 and 5: all in the one table.
        let pages = Set(report.table(.requests)!.cells.compactMap(\.source.page))
        #expect(pages == [1, 2, 3])
        #expect(!report.diagnostics.contains { $0.severity == .error }, "\(report.diagnostics.filter { $0.severity == .error }.map(\.message))")
    }

    @Test func degradedPageIsStraightenedAndEmitsNoWrongValue() throws {
        // Page 3 at 200 dpi, turned about a degree, blurred, noisy, JPEG quality 30–60.
        let report = try Self.read("seed000-lo-p3-degraded-200.jpg")
        #expect(report.diagnostics.contains { $0.code == "GX-I-DESKEWED" })
        let s = try Self.score(report, against: "seed000-lo", only: ["active_disclosure"])
        #expect(s.wrong.isEmpty, "\(s.wrong)")
        #expect(s.correct >= 8, "table 二: \(s.correct) of \(s.expected) read")
    }

    @Test func photographedPageEmitsNoWrongValue() throws {
        // Page 2 of jyj2020 (2019 template) as from a phone: perspective, uneven light, blur.
        let report = try Self.read("jyj2020-lo-p2-photo-200.jpg")
        let s = try Self.score(report, against: "jyj2020-lo")
        #expect(s.wrong.isEmpty, "\(s.wrong)")
        #expect(s.correct >= 60, "\(s.correct) values read")
    }

    @Test func imageOnlyPDFIsRenderedAndReadThroughOCR() throws {
        // img2pdf of page 3 (G4): no text layer, so --ocr auto renders it with poppler and OCRs it.
        let report = try Self.read("seed000-lo-p3-scanned-300.pdf")
        #expect(report.source.format == .pdf)
        #expect(report.diagnostics.contains { $0.code == "GX-I-OCR" })
        let s = try Self.score(report, against: "seed000-lo", only: ["active_disclosure"])
        #expect(s.wrong.isEmpty, "\(s.wrong)")
        #expect(s.correct == 10, "table 二: \(s.correct) of \(s.expected)")
        #expect(report.table(.activeDisclosure)!.cells.allSatisfy { $0.number == nil || ($0.source.page == 1 && $0.source.box != nil) })

        var never = ConvertOptions()
        never.scan.ocr = .never
        let url = Fixtures.root.appendingPathComponent("scan/seed000-lo-p3-scanned-300.pdf")
        #expect(throws: GXError.self) { try Converter.report(Fixtures.bytes(url), path: "p.pdf", options: never) }
    }

    @Test(arguments: [("zero-size.png", GXErrorCode.image), ("truncated.png", .image), ("huge-30000.png", .limit),
                      ("not-an-image.jpg", .image)])
    func brokenImagesGetCodedErrors(_ name: String, _ code: GXErrorCode) throws {
        let url = Fixtures.root.appendingPathComponent("scan/hostile/\(name)")
        do {
            _ = try Converter.report(Fixtures.bytes(url), path: name)
            Issue.record("\(name) was read")
        } catch let error as GXError {
            #expect(error.code == code, "\(name): \(error)")
            #expect(error.file == name)
        }
    }

    @Test func missingLanguagePackNamesTheDebianPackage() throws {
        let empty = try Fixtures.temporaryFolder("tessdata")
        defer { try? FileManager.default.removeItem(at: empty) }
        var options = ConvertOptions()
        options.scan.tessdata = empty.path
        let url = Fixtures.root.appendingPathComponent("scan/seed000-lo-p3-degraded-200.jpg")
        do {
            _ = try Converter.report(Fixtures.bytes(url), path: "p.jpg", options: options)
            Issue.record("read without language data")
        } catch let error as GXError {
            #expect(error.code == .ocrLanguage)
            #expect(error.description.contains("tesseract-ocr-chi-sim"), "\(error)")
        }
    }
}
