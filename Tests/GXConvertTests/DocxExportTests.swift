import CLibZip
import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXDocx
import GXExport
import GXModel
import GXTemplate

/// `--to docx`: what goes out reads back in unchanged through the same DOCX reader and mapping.
@Suite struct DocxExportTests {
    @Test(arguments: ExportFixtures.all)
    func docxReadsBackToTheSameReport(_ url: URL) throws {
        let report = try ExportFixtures.report(url)
        let docx = try DocxWriter.write(report)
        let document = try DocxReader.read(docx)
        let back = ReportBuilder.build(document, source: report.source)
        let differences = ExportFixtures.differences(report, back)
        #expect(differences.isEmpty, "\(url.lastPathComponent): \(differences.prefix(8).joined(separator: "; "))")
        // Nothing in the clean file needs approximating: no widened grids, orphan merges or missing cells.
        let notes = document.diagnostics.map(\.code) + back.diagnostics.map(\.code).filter { $0.hasPrefix("GX-W") }
        let sourceNotes = report.diagnostics.map(\.code).filter { $0.hasPrefix("GX-W") }
        #expect(Set(notes).isSubset(of: Set(sourceNotes)), "reading notes on the written file: \(notes)")
    }

    @Test(arguments: ExportFixtures.all)
    func rulesFindTheSameErrorsInTheWrittenFile(_ url: URL) throws {
        let report = try ExportFixtures.report(url)
        let back = try Converter.report(try DocxWriter.write(report), path: "back.docx")
        let errors = { (r: Report) in r.diagnostics.filter { $0.severity == .error }.map { "\($0.code) \($0.subject ?? "")" }.sorted() }
        #expect(errors(back) == errors(report))
    }

    @Test func hostileTextSurvivesTheRoundTrip() throws {
        let report = try ExportFixtures.hostile()
        let back = ReportBuilder.build(try DocxReader.read(try DocxWriter.write(report)), source: report.source)
        #expect(ExportFixtures.differences(report, back).isEmpty, "\(ExportFixtures.differences(report, back))")
    }

    /// A bookmark the template has no place for (`blocks.7`, a cell of an unknown table) keeps its
    /// name — on the last paragraph — though not its path; a group label's goes to that label.
    @Test func bookmarksWithoutATemplatePlaceKeepTheirNames() throws {
        var report = try ExportFixtures.report(Fixtures.root.appendingPathComponent("docx/seed003-word.docx"))
        report.bookmarks = [ReportBookmark(name: "_Hlk1", path: "blocks.7", source: .unknown),
                            ReportBookmark(name: "_Hlk2", path: "tables.5.r1c1", source: .unknown),
                            ReportBookmark(name: "_Hlk3", path: "requests.group.withheld", source: .unknown)]
        let back = ReportBuilder.build(try DocxReader.read(try DocxWriter.write(report)), source: report.source)
        #expect(Set(back.bookmarks.map(\.name)) == ["_Hlk1", "_Hlk2", "_Hlk3"])
        let outline = ReportOutline(report)
        let group = outline.blocks.compactMap { block -> OutlineCell? in
            guard case .table(let t) = block else { return nil }
            return t.rows.joined().first { $0.bookmarks.contains("_Hlk3") }
        }.first
        #expect(group?.text == "（三）不予公开")
    }

    @Test func packageHasTheStandardPartsInOrderWithFixedTimes() throws {
        let report = try ExportFixtures.report(Fixtures.root.appendingPathComponent("docx/seed000-word.docx"))
        let docx = try DocxWriter.write(report)
        let entries = ZipListing.entries(docx)
        #expect(entries.map(\.name) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                                         "word/styles.xml", "docProps/core.xml", "docProps/app.xml"])
        #expect(entries.allSatisfy { $0.dosDate == 0x21 && $0.dosTime == 0 }, "every entry dated 1980-01-01 00:00")
    }

    @Test func documentUsesRealMergesHeadingStylesAndBookmarks() throws {
        let report = try ExportFixtures.report(Fixtures.root.appendingPathComponent("docx/seed000-word.docx"))
        let xml = String(decoding: try ZipListing.part(try DocxWriter.write(report), "word/document.xml"), as: UTF8.self)
        #expect(xml.components(separatedBy: "<w:pStyle w:val=\"Heading1\"/>").count - 1 == 6)
        #expect(xml.contains("<w:gridSpan w:val=\"7\"/>"), "申请人情况 over seven columns")
        #expect(xml.contains("<w:gridSpan w:val=\"10\"/>"), "行政诉讼 over ten columns")
        #expect(xml.contains("<w:vMerge w:val=\"restart\"/>") && xml.contains("<w:vMerge/>"))
        for b in report.bookmarks { #expect(xml.contains("w:name=\"\(b.name)\""), "bookmark \(b.name)") }
    }
}

/// Reads a zip's central directory (enough to check names and timestamps).
enum ZipListing {
    struct Entry { var name: String; var dosTime: UInt16; var dosDate: UInt16; var offset: Int; var compressed: Int; var method: UInt16 }

    static func entries(_ zip: [UInt8]) -> [Entry] {
        func u16(_ i: Int) -> UInt16 { UInt16(zip[i]) | UInt16(zip[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { Int(u16(i)) | Int(u16(i + 2)) << 16 }
        guard let eocd = stride(from: zip.count - 22, through: 0, by: -1).first(where: { u32($0) == 0x06054B50 }) else { return [] }
        var p = u32(eocd + 16)
        var out: [Entry] = []
        for _ in 0..<Int(u16(eocd + 10)) {
            let nameLength = Int(u16(p + 28)), extra = Int(u16(p + 30)), comment = Int(u16(p + 32))
            out.append(Entry(name: String(decoding: zip[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
                             dosTime: u16(p + 12), dosDate: u16(p + 14), offset: u32(p + 42), compressed: u32(p + 20),
                             method: u16(p + 10)))
            p += 46 + nameLength + extra + comment
        }
        return out
    }

    /// One part's bytes, inflated through libzip.
    static func part(_ zip: [UInt8], _ name: String) throws -> [UInt8] {
        try zip.withUnsafeBytes { raw -> [UInt8] in
            var error = zip_error_t()
            zip_error_init(&error)
            defer { zip_error_fini(&error) }
            guard let source = zip_source_buffer_create(raw.baseAddress, UInt64(raw.count), 0, &error),
                  let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else { throw GXError(.zip, "not a zip") }
            defer { zip_discard(archive) }
            var st = zip_stat_t()
            zip_stat_init(&st)
            guard zip_stat(archive, name, 0, &st) == 0, let file = zip_fopen(archive, name, 0) else { throw GXError(.zip, "no \(name)") }
            defer { zip_fclose(file) }
            var out = [UInt8](repeating: 0, count: Int(st.size))
            let n = out.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, UInt64($0.count)) }
            guard n == Int64(out.count) else { throw GXError(.zip, "short read of \(name)") }
            return out
        }
    }
}
