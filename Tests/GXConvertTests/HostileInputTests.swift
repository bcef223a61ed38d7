import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXModel

/// Each crafted or broken upload in Fixtures/hostile (made by Tools/fixtures/make_hostile.py)
/// gets its own stable code, and nothing from a file it pointed at leaks into the message.
@Suite struct HostileInputTests {
    static let cases: [(String, GXErrorCode)] = [
        ("empty.docx", .empty),
        ("truncated.docx", .zip),
        ("not-docx.zip.docx", .notDocx),
        ("xlsx-renamed.docx", .notDocx),
        ("xxe-file.docx", .dtd),
        ("xxe-net.docx", .dtd),
        ("entity-bomb.docx", .dtd),
        ("doctype-in-rels.docx", .dtd),
        ("undeclared-entity.docx", .dtd),
        ("zip-bomb-ratio.docx", .limit),
        ("zip-bomb-size.docx", .limit),
        ("zip-bomb-lying-size.docx", .zip),
        ("zip-slip.docx", .zip),
        ("encrypted.docx", .encrypted),
        ("malformed.docx", .xml),
        ("old-word.doc.docx", .unsupportedFormat),
        ("pdf-renamed.docx", .pdf),
        ("huge-gridspan.docx", .limit),
        ("deep-nesting.docx", .limit),
        ("wide-row.docx", .limit),
        ("nested-tables.docx", .limit),
    ]

    @Test(arguments: cases)
    func hostileInputGetsItsCode(_ name: String, _ code: GXErrorCode) throws {
        let url = Fixtures.root.appendingPathComponent("hostile/\(name)")
        let bytes = try Fixtures.bytes(url)
        do {
            _ = try Converter.report(bytes, path: name)
            Issue.record("\(name) was accepted")
        } catch let error as GXError {
            #expect(error.code == code, "\(name): \(error)")
            #expect(error.file == name)
            #expect(!error.description.contains("root:"), "no content of /etc/passwd")
        }
    }

    @Test func theMinimalPackageIsReadable() throws {
        let url = Fixtures.root.appendingPathComponent("hostile/minimal.docx")
        let report = try Converter.report(try Fixtures.bytes(url), path: "minimal.docx")
        #expect(report.agency == "某某县人民政府")
        #expect(report.diagnostics.contains { $0.code == "GX-W-TABLE-MISSING" })
    }
}

@Suite struct HostileFileTests {
    /// A 1 GB sparse file is refused by its size before a byte is read.
    @Test func aGigabyteSparseFileIsRefusedUnread() throws {
        let dir = try Fixtures.temporaryFolder("sparse")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("huge.txt").path
        let fd = open(path, O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0)
        #expect(ftruncate(fd, 1 << 30) == 0)
        close(fd)
        let r = try CLITests.run([path])
        #expect(r.status == 3)
        #expect(r.stderr.contains("GX-E-LIMIT"))
        #expect(r.stdout.isEmpty)
    }
}

@Suite struct TimeBudgetTests {
    @Test func aDocumentOverItsTimeBudgetGetsALimitError() throws {
        var options = ConvertOptions()
        options.limits.timeBudget = .nanoseconds(1)
        let url = Fixtures.root.appendingPathComponent("docx/seed000-word.docx")
        #expect {
            _ = try Converter.report(try Fixtures.bytes(url), path: "seed000-word.docx", options: options)
        } throws: { ($0 as? GXError)?.code == .limit && ($0 as? GXError)?.message.contains("time budget") == true }
    }
}

@Suite struct TruncationTests {
    /// An upload cut off anywhere: every prefix of a real DOCX is refused with a code (never a crash,
    /// never a half-read report passed off as whole).
    @Test func everyTruncationOfADocxIsRefusedWithACode() throws {
        let bytes = try Fixtures.bytes(Fixtures.root.appendingPathComponent("docx/seed000-word.docx"))
        var codes: [GXErrorCode: Int] = [:]
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            do {
                _ = try Converter.report(Array(bytes.prefix(cut)), path: "cut.docx")
                Issue.record("a DOCX cut at \(cut) of \(bytes.count) bytes was accepted")
            } catch let error as GXError {
                codes[error.code, default: 0] += 1
            }
        }
        #expect(Set(codes.keys).isSubset(of: [.empty, .zip, .notDocx, .xml]), "\(codes)")
        #expect(codes.values.reduce(0, +) >= 97)
    }
}
