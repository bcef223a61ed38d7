import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXModel

/// Broken and crafted PDFs (Tools/fixtures/make_hostile_pdf.py) get a stable code, never a crash
/// or a hang; limits on pages and characters are enforced.
@Suite struct PDFHostileTests {
    static let cases: [(String, GXErrorCode)] = [
        ("truncated.pdf", .pdf),
        ("page-tree-cycle.pdf", .pdf),
        ("pages-100k.pdf", .pdf),
        ("scanned.pdf", .scanned),
        ("huge-content-stream.pdf", .limit),
    ]

    @Test(arguments: cases)
    func hostilePDFGetsItsCode(_ name: String, _ code: GXErrorCode) throws {
        let bytes = try Fixtures.bytes(Fixtures.root.appendingPathComponent("hostile/pdf/\(name)"))
        // With OCR off a PDF without a text layer is refused as a scan (with it on, it is OCR'd:
        // ScanFixtureTests).
        var options = ConvertOptions()
        options.scan.ocr = .never
        do {
            _ = try Converter.report(bytes, path: name, options: options)
            Issue.record("\(name) was accepted")
        } catch let error as GXError {
            #expect(error.code == code, "\(name): \(error)")
            #expect(error.file == name)
            #expect(error.hint != nil || code == .limit)
        }
    }

    /// poppler follows an xref chain that loops back on itself once: the one page is read.
    @Test func anXrefLoopIsReadOnce() throws {
        let bytes = try Fixtures.bytes(Fixtures.root.appendingPathComponent("hostile/pdf/xref-loop.pdf"))
        let document = try Converter.document(bytes)
        #expect(document.format == .pdf)
        #expect(document.blocks.contains { if case .paragraph(let p) = $0 { p.text == "Hello" } else { false } })
    }

    @Test func thePDFMagicIsSniffedAndRenamedPDFsAreRead() throws {
        #expect(try FormatSniffer.sniff(Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(try FormatSniffer.sniff(Array("junk before\n%PDF-1.4\n".utf8)) == .pdf)
        let renamed = try Fixtures.bytes(Fixtures.root.appendingPathComponent("hostile/pdf-renamed.docx"))
        #expect(throws: GXError.self) { try Converter.document(renamed) }
    }

    @Test func pageAndCharacterLimitsAreEnforced() throws {
        let bytes = try Fixtures.bytes(Fixtures.root.appendingPathComponent("pdf/seed000-word.pdf"))
        var limits = ReadLimits()
        limits.maxPDFPages = 2
        #expect { try Converter.document(bytes, options: ConvertOptions(limits: limits)) } throws: {
            ($0 as? GXError)?.code == .limit
        }
        limits = ReadLimits()
        limits.maxPDFPageCharacters = 100
        #expect { try Converter.document(bytes, options: ConvertOptions(limits: limits)) } throws: {
            ($0 as? GXError)?.code == .limit && ($0 as? GXError)?.location?.page == 1
        }
        limits = ReadLimits()
        limits.maxPDFObjects = 5
        #expect { try Converter.document(bytes, options: ConvertOptions(limits: limits)) } throws: {
            ($0 as? GXError)?.code == .limit
        }
        limits = ReadLimits()
        limits.timeBudget = .zero
        #expect { try Converter.document(bytes, options: ConvertOptions(limits: limits)) } throws: {
            ($0 as? GXError)?.code == .limit
        }
    }
}
