import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXExport
import GXModel

/// Every DOCX fixture (Word-like and LibreOffice-written, 2021 and 2019) against the values written
/// by hand from its source: every table cell, agency, year, date, sections and bookmarks.
@Suite struct DocxFixtureTests {
    static let fixtures = Fixtures.files("docx", ext: "docx")

    @Test func thereAreFixturesOfEveryKind() {
        let names = Self.fixtures.map(\.lastPathComponent)
        #expect(names.count >= 8)
        #expect(names.contains { $0.contains("-lo") }, "LibreOffice-written files are covered")
        #expect(names.contains { $0.contains("2019") }, "the 2019 variant is covered")
    }

    @Test(arguments: fixtures)
    func fixtureConvertsToItsExpectedValues(_ url: URL) throws {
        let expected = try Fixtures.expectation(for: url)
        let report = try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
        ReportExpectation(expected: expected).check(report)
    }

    /// The same input gives byte-identical JSON, from every reader.
    @Test(arguments: fixtures + HTMLFixtureTests.fixtures)
    func canonicalJSONIsByteIdenticalForTheSameInput(_ url: URL) throws {
        let bytes = try Fixtures.bytes(url)
        let a = ReportJSON.write(try Converter.report(bytes, path: url.lastPathComponent))
        let b = ReportJSON.write(try Converter.report(bytes, path: url.lastPathComponent))
        #expect(a == b)
        let parsed = try JSONSerialization.jsonObject(with: Data(a.utf8)) as! [String: Any]
        for key in ["schema", "source", "agency", "year", "template", "sections", "active_disclosure", "requests",
                    "review_litigation", "cells", "bookmarks", "diagnostics"] {
            #expect(parsed[key] != nil, "top-level key \(key)")
        }
        #expect(parsed["schema"] as? String == "gxconvert.report/1")
        #expect((parsed["source"] as? [String: Any])?["format"] as? String == (url.pathExtension == "html" ? "html" : "docx"))
    }

    @Test func seed000ValuesReadAsNumbersWithSources() throws {
        let url = Fixtures.root.appendingPathComponent("docx/seed000-word.docx")
        let report = try Converter.report(try Fixtures.bytes(url), path: "seed000-word.docx")
        let json = try JSONSerialization.jsonObject(with: Data(ReportJSON.write(report).utf8)) as! [String: Any]
        let requests = json["requests"] as! [String: [String: Any]]
        #expect(requests["new_received"]?["natural_person"] as? Int == 2)
        #expect(requests["results_total"]?["total"] as? Int == 2)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "the seed's tables add up")
        let cell = try #require(report.cell(CellPath("requests", "granted", "natural_person")))
        #expect(cell.source.part == "word/document.xml")
        #expect(cell.source.table == 2)
    }
}

/// The rule errors each fixture must raise — exactly those its expected file lists under
/// `violations`, and none on the clean ones.
@Suite struct FixtureViolationTests {
    @Test(arguments: DocxFixtureTests.fixtures)
    func errorsAreExactlyTheExpectedViolations(_ url: URL) throws {
        let expected = try Fixtures.expectation(for: url)
        let report = try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
        let got = report.diagnostics.filter { $0.severity == .error }.map { "\($0.code) \($0.subject ?? "?")" }.sorted()
        let want = ReportExpectation.findings(expected, "violations")
        #expect(got == want)
    }
}

/// Old binary Word files: read through LibreOffice when it is installed, refused with advice when not.
@Suite struct LegacyWordTests {
    static let doc = Fixtures.root.appendingPathComponent("docx/xq2020-v2019-blank.doc")

    @Test func withoutLibreOfficeAnOldWordFileIsRefusedWithAdvice() throws {
        let bytes = try Fixtures.bytes(Self.doc)
        #expect(throws: GXError.self) { try Converter.report(bytes, path: "x.doc", options: ConvertOptions(legacyConverter: nil)) }
        do {
            _ = try Converter.report(bytes, path: "x.doc", options: ConvertOptions(legacyConverter: nil))
        } catch let error as GXError {
            #expect(error.code == .unsupportedFormat)
            #expect(error.description.contains("LibreOffice"), "the advice names the way out")
        }
    }

    /// With `soffice` on the PATH (as on the development machine) the .doc gives the values of the
    /// DOCX it was saved from, and says how it was read; without it, the default refuses.
    @Test func withLibreOfficeAnOldWordFileReadsAsItsDocx() throws {
        let bytes = try Fixtures.bytes(Self.doc)
        guard Converter.installedLegacyConverter != nil else {
            #expect(throws: GXError.self) { try Converter.report(bytes, path: "x.doc") }
            return
        }
        let report = try Converter.report(bytes, path: "xq2020-v2019-blank.doc")
        let expected = try Fixtures.expectation(for: Fixtures.root.appendingPathComponent("docx/xq2020-v2019-blank.docx"))
        ReportExpectation(expected: expected, checkBookmarks: false).check(report)
        #expect(report.source.convertedBy?.contains("LibreOffice") == true)
        #expect(report.diagnostics.first?.code == "GX-I-CONVERTED")
        #expect(ReportJSON.write(report).contains("\"converted_by\""))
    }
}

/// Word's macro-enabled and template flavours are the same package with another main content
/// type (and a vbaProject.bin that is never opened): they read as the DOCX they were made from.
@Suite struct WordFlavourTests {
    @Test(arguments: ["docm", "dotx", "dotm"])
    func flavourReadsAsItsDocx(_ ext: String) throws {
        let url = Fixtures.root.appendingPathComponent("docx/hx2022-split.\(ext)")
        let report = try Converter.report(try Fixtures.bytes(url), path: url.lastPathComponent)
        let expected = try Fixtures.expectation(for: Fixtures.root.appendingPathComponent("docx/hx2022-split.docx"))
        ReportExpectation(expected: expected).check(report)
        #expect(report.source.format == .docx)
    }
}
