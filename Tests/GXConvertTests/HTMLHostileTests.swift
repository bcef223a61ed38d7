import Foundation
import Testing
import GXConvert
import GXModel

/// Broken and oversized pages, generated here at run time (nothing big is committed): each is read
/// within the fixed limits with a coded error or a diagnostic, never a crash.
@Suite struct HTMLHostileTests {
    static func convert(_ html: String, name: String = "page.html") throws -> Report {
        try Converter.report(Array(html.utf8), path: name)
    }

    static let report = """
    <h1>某某县人民政府2023年政府信息公开工作年度报告</h1><h2>一、总体情况</h2><p>正文。</p>
    <h2>二、主动公开政府信息情况</h2><h2>六、其他需要报告的事项</h2><p>无。</p>
    """

    @Test func tenThousandNestedDivsHitTheDepthLimit() throws {
        let html = "<html><body>" + String(repeating: "<div>", count: 10_000) + "一、总体情况" + String(repeating: "</div>", count: 10_000) + "</body></html>"
        do {
            _ = try Self.convert(html, name: "deep.html")
            Issue.record("10,000 nested divs were accepted")
        } catch let error as GXError {
            #expect(error.code == .limit, "\(error)")
            #expect(error.file == "deep.html")
        }
    }

    @Test func unclosedTagsAreRepairedAndNoted() throws {
        let report = try Self.convert("<html><body><h1>某某县人民政府2023年政府信息公开工作年度报告<h2>一、总体情况<p>正文<table><tr><td>1<td>2<p>二、主动公开政府信息情况<div><span>未闭合")
        #expect(report.agency == "某某县人民政府")
        #expect(report.year == 2023)
    }

    @Test func aTableWithNoRowsIsADiagnosticNotACrash() throws {
        let report = try Self.convert("<html><body>\(Self.report.replacingOccurrences(of: "<h2>六", with: "<table></table><table><tbody></tbody></table><h2>六"))</body></html>")
        #expect(report.diagnostics.contains { $0.code == "GX-W-EMPTY-TABLE" })
        #expect(report.sections.count == 3)
    }

    @Test func aFiftyMegabytePageIsReadWithinTheLimits() throws {
        var html = "<html><head><meta charset=\"utf-8\"></head><body><div class=\"list\">"
        let filler = "<p>" + String(repeating: "政务公开新闻动态", count: 120) + "</p>\n"
        let count = (50 << 20) / filler.utf8.count
        html.reserveCapacity(51 << 20)
        for _ in 0..<count { html += filler }
        html += "</div><div id=\"zoom\">\(Self.report)</div></body></html>"
        #expect(html.utf8.count >= 50 << 20)
        let report = try Self.convert(html, name: "big.html")
        #expect(report.agency == "某某县人民政府")
        #expect(report.sections.map(\.key) == ["overview", "active_disclosure", "other_matters"])
    }

    @Test func binaryDataIsRefused() throws {
        var bytes = Array("<html><body>".utf8)
        bytes += [UInt8](repeating: 0, count: 4096)
        do {
            _ = try Converter.report(bytes, path: "bin.html", options: ConvertOptions(format: .html))
            Issue.record("binary data was accepted")
        } catch let error as GXError {
            #expect(error.code == .xml || error.code == .encoding, "\(error)")
        }
    }

    @Test func anEmptyPageIsEmpty() throws {
        #expect(throws: GXError.self) { try Converter.report([], path: "e.html", options: ConvertOptions(format: .html)) }
        do {
            _ = try Converter.report(Array("   \n".utf8), path: "ws.html", options: ConvertOptions(format: .html))
            Issue.record("a blank page was accepted")
        } catch let error as GXError {
            #expect(error.code == .xml, "\(error)")
        }
    }

    @Test func htmlIsSniffedAndForcible() throws {
        let page = Array("<!DOCTYPE html><html><body>\(Self.report)</body></html>".utf8)
        #expect(try Converter.document(page).format == .html)
        let forced = try Converter.document(Array("<p>一、总体情况</p>".utf8), options: ConvertOptions(format: .html))
        #expect(forced.format == .html)
    }

    @Test func aUTF16PageIsSniffedAsHTML() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<html><body>\(Self.report)</body></html>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let report = try Converter.report(bytes, path: "u16.html")
        #expect(report.source.format == .html)
        #expect(report.agency == "某某县人民政府")
    }
}
