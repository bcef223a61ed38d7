import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXExport
import GXModel

/// The text adapter against its fixtures: the five seeds (hand-written expectations), pdftotext
/// output of DOCX fixtures (every cell right), tesseract output (precision ≥ 0.99, never a wrong
/// number that is not marked inferred), the same report through DOCX, text and OCR, and encodings.
@Suite struct TextFixtureTests {
    static let seeds = Fixtures.files("text", ext: "txt")
    static let pdftotext = Fixtures.files("text/pdftotext", ext: "txt")
    static let ocr = Fixtures.files("text/ocr", ext: "txt")

    @Test func thereAreFixturesOfEveryKind() {
        #expect(Self.seeds.count == 5)
        #expect(Self.pdftotext.filter { $0.lastPathComponent.hasSuffix(".layout.txt") }.count >= 5)
        #expect(Self.pdftotext.filter { $0.lastPathComponent.hasSuffix(".raw.txt") }.count >= 5)
        #expect(Set(Self.ocr.map { $0.lastPathComponent.split(separator: ".")[1] }) == ["r200", "r300"])
    }

    @Test(arguments: seeds)
    func seedConvertsToItsExpectedValues(_ url: URL) throws {
        let report = try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
        #expect(report.source.format == .text)
        ReportExpectation(expected: try Fixtures.expectation(for: url)).check(report)
    }

    @Test func seed002RepairsAreRecordedOnTheRowsTheExpectationNames() throws {
        let url = Fixtures.root.appendingPathComponent("text/seed002.txt")
        let report = try Converter.report(try Fixtures.bytes(url), path: "seed002.txt")
        let repaired = Set(report.tables.flatMap(\.cells).filter { $0.repair != nil }.map(\.path.row))
        let expected = try Fixtures.expectation(for: url)
        let rows = (expected["repairs"] as! [[String: Any]]).map { ($0["row"] as! String).split(separator: ".")[1] }.map(String.init)
        #expect(repaired == Set(rows))
        for cell in report.tables.flatMap(\.cells) where cell.repair != nil {
            #expect(cell.repair!.rule.contains("T3-ROW"), "\(cell.path)")
            #expect(cell.text == "0")
        }
        let json = ReportJSON.write(report)
        #expect(json.contains("\"inferred\": true"))
    }

    @Test(arguments: pdftotext)
    func pdftotextOutputConvertsToTheDocxValues(_ url: URL) throws {
        let report = try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
        let expectation = try Fixtures.derivedExpectation(for: url)
        expectation.check(report)
        // Cells the overrides expect empty are the ones the solver abstains on: lost, never repaired.
        let abstained = Set(expectation.cellOverrides.filter { $0.value.isEmpty }.keys)
        for cell in report.tables.flatMap(\.cells) {
            if abstained.contains(cell.path.description) {
                #expect(cell.lost && cell.repair == nil, "\(cell.path) should be left empty and lost")
            } else {
                #expect(cell.repair == nil && !cell.lost, "clean text needs no repair: \(cell.path)")
            }
        }
    }

    /// Cells given a value, right ones, and wrong ones not marked inferred, over one OCR file.
    static func score(_ url: URL) throws -> (cells: Int, given: Int, right: Int, wrongRead: [String]) {
        let report = try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
        let expectation = try Fixtures.derivedExpectation(for: url)
        let want = expectation.expected["cells"] as! [String: [String: Any]]
        var cells = 0, given = 0, right = 0
        var wrongRead: [String] = []
        for cell in report.tables.flatMap(\.cells) {
            guard let w = want[cell.path.description] else { continue }
            cells += 1
            guard cell.kind == .number else { continue }
            given += 1
            let text = expectation.cellOverrides[cell.path.description] ?? w["text"] as! String
            if cell.text == text { right += 1 } else if cell.repair == nil { wrongRead.append("\(cell.path)=\(cell.text)≠\(text)") }
        }
        return (cells, given, right, wrongRead)
    }

    @Test(arguments: ocr)
    func ocrOutputIsPreciseAndNeverWrongUnmarked(_ url: URL) throws {
        let s = try Self.score(url)
        #expect(s.given > 0)
        #expect(Double(s.right) / Double(s.given) >= 0.99, "\(url.lastPathComponent): precision \(s.right)/\(s.given)")
        #expect(s.wrongRead.isEmpty, "\(url.lastPathComponent): wrong numbers read: \(s.wrongRead)")
    }

    @Test func ocrPrecisionAndRecallOverAllFixtures() throws {
        var cells = 0, given = 0, right = 0
        for url in Self.ocr {
            let s = try Self.score(url)
            cells += s.cells; given += s.given; right += s.right
        }
        let precision = Double(right) / Double(given), recall = Double(right) / Double(cells)
        print("OCR fixtures: \(cells) cells, \(given) given a value, \(right) right: precision \(precision), recall \(recall)")
        #expect(precision >= 0.99)
        // Was 0.85 before the placement solver (issue 15): values the equations inferred into the
        // empty slots of short OCR rows are no longer given, since a short row may print blanks.
        // 0.626 → 0.608 (2026-12-06): a short row's reading is placed only where an equation
        // beyond the row confirms it (its own total holds for the next row's numbers too).
        #expect(recall >= 0.60, "recall fell: \(recall)")
    }

    /// The same report through DOCX, pdftotext and OCR agrees on every cell the OCR could read.
    @Test(arguments: ocr)
    func docxTextAndOCRAgree(_ url: URL) throws {
        let name = url.lastPathComponent.split(separator: ".")[0]
        let docx = try Converter.report(try Fixtures.bytes(Fixtures.docxSource(for: url)), path: "\(name).docx")
        let textURL = Fixtures.root.appendingPathComponent("text/pdftotext/\(name).layout.txt")
        let text = try Converter.report(try Fixtures.bytes(textURL), path: textURL.lastPathComponent)
        let ocr = try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
        let overrides = try Fixtures.derivedExpectation(for: url).cellOverrides
        var compared = 0
        for cell in ocr.tables.flatMap(\.cells) where cell.kind == .number && overrides[cell.path.description] == nil {
            #expect(docx.cell(cell.path)?.text == cell.text, "\(url.lastPathComponent): \(cell.path) DOCX vs OCR")
            #expect(text.cell(cell.path)?.text == cell.text, "\(url.lastPathComponent): \(cell.path) text vs OCR")
            #expect(docx.cell(cell.path)?.number == cell.number)
            compared += 1
        }
        #expect(compared > 70)
        for cell in docx.tables.flatMap(\.cells) where overrides[cell.path.description] == nil {
            #expect(text.cell(cell.path)?.text == cell.text, "\(cell.path) DOCX vs pdftotext")
        }
    }

    @Test(arguments: [("seed001.gb18030.txt", "seed001"), ("seed000.utf16le.txt", "seed000"),
                      ("seed004.utf16be.txt", "seed004"), ("seed003.utf8bom.txt", "seed003")])
    func encodingsAreDetected(_ file: String, _ seed: String) throws {
        let url = Fixtures.root.appendingPathComponent("text/encodings/\(file)")
        let report = try Converter.report(try Fixtures.bytes(url), path: file)
        var expectation = ReportExpectation(expected: try Fixtures.expectation(
            for: Fixtures.root.appendingPathComponent("text/\(seed).txt")))
        expectation.checkBookmarks = true
        expectation.check(report)
    }
}
