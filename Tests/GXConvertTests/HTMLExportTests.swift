import Foundation
import Testing
import GXTestSupport
import GXExport
import GXModel
import GXTemplate

/// `--to html` and `--to md`: the whole report, the template's real merges, escaped text,
/// bookmarks as anchors where they were, and rule errors highlighted with a tooltip.
@Suite struct HTMLExportTests {
    /// Each table's rows fill the grid exactly, counting rowspans from above: no gaps, no overlaps.
    static func gridIsExact(_ table: HTMLNode, columns: Int) -> Bool {
        var carried = [Int](repeating: 0, count: columns)
        for row in table.all("tr") {
            var c = 0
            for cell in row.children where cell.name == "td" || cell.name == "th" {
                while c < columns, carried[c] > 0 { carried[c] -= 1; c += 1 }
                let span = Int(cell.attributes["colspan"] ?? "1")!, down = Int(cell.attributes["rowspan"] ?? "1")!
                guard c + span <= columns else { return false }
                for k in c..<(c + span) { carried[k] = down - 1 }
                c += span
            }
            while c < columns, carried[c] > 0 { carried[c] -= 1; c += 1 }
            guard c == columns else { return false }
        }
        return carried.allSatisfy { $0 == 0 }
    }

    @Test(arguments: ExportFixtures.all)
    func pageParsesWithoutErrorsAndHoldsTheWholeReport(_ url: URL) throws {
        let report = try ExportFixtures.report(url)
        let (root, errors) = HTMLNode.parse(HTMLWriter.write(report))
        #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors)")
        let page = try #require(root)
        #expect(page.first("meta")?.attributes["charset"] == "utf-8")
        #expect(page.first("h1")?.allText == report.title?.replacingOccurrences(of: "\n", with: ""), "a wrapped title is drawn with <br>")
        #expect(page.all("h2").map(\.allText) == report.sections.map(\.heading))
        let paragraphs = page.all("p").map(\.allText)
        for section in report.sections { for p in section.paragraphs { #expect(paragraphs.contains(p), "paragraph \(p.prefix(20))") } }

        let tables = page.all("table")
        #expect(tables.map { $0.attributes["data-table"] ?? "" } == report.tables.map(\.key.rawValue))
        for (node, table) in zip(tables, report.tables) {
            let layout = TemplateLayout.layout(table.key, table.variant ?? .v2021)
            #expect(Self.gridIsExact(node, columns: layout.columnCount), "grid of \(table.key.rawValue)")
            var byPath: [String: HTMLNode] = [:]
            for cell in node.all("td") { if let p = cell.attributes["data-path"] { byPath[p] = cell } }
            for cell in table.cells {
                #expect(byPath[cell.path.description]?.allText == cell.text, "cell \(cell.path)")
            }
        }
        // Every bookmark is an anchor, and a cell's is inside the cell its path names.
        let anchors = page.all("a").compactMap { $0.attributes["id"] }
        #expect(anchors.sorted() == report.bookmarks.map(\.name).sorted())
        for table in tables {
            for cell in table.all("td") + table.all("th") {
                for a in cell.all("a") {
                    guard let name = a.attributes["id"], let mark = report.bookmarks.first(where: { $0.name == name }) else { continue }
                    if let path = cell.attributes["data-path"] { #expect(mark.path == path) }
                }
            }
        }
    }

    @Test func tableThreeHeaderIsTheNationalTemplates() throws {
        let report = try ExportFixtures.report(Fixtures.root.appendingPathComponent("docx/seed000-word.docx"))
        let page = try #require(HTMLNode.parse(HTMLWriter.write(report)).root)
        let table = try #require(page.all("table").first { $0.attributes["data-table"] == "requests" })
        let rows = table.all("tr").map { $0.children.filter { $0.name == "th" || $0.name == "td" } }
        func shape(_ row: [HTMLNode]) -> [String] {
            row.map { "\($0.allText)|\($0.attributes["rowspan"] ?? "1")|\($0.attributes["colspan"] ?? "1")" }
        }
        #expect(shape(rows[0]) == ["\(TemplateLayout.requestsTopLeft)|3|3", "申请人情况|1|7"])
        #expect(shape(rows[1]) == ["自然人|2|1", "法人或其他组织|1|5", "总计|2|1"])
        #expect(shape(rows[2]) == ["商业企业|1|1", "科研机构|1|1", "社会公益组织|1|1", "法律服务机构|1|1", "其他|1|1"])
        #expect(shape(rows[3]).first == "一、本年新收政府信息公开申请数量|1|3")
        #expect(shape(rows[5]).prefix(2) == ["三、本年度办理结果|22|1", "（一）予以公开|1|2"])
        #expect(shape(rows[7]).prefix(2) == ["（三）不予公开|8|1", "1.属于国家秘密|1|1"])
        #expect(shape(rows[27]).first == "四、结转下年度继续办理|1|3")

        let four = try #require(page.all("table").first { $0.attributes["data-table"] == "review_litigation" })
        let fourRows = four.all("tr").map { shape($0.children.filter { $0.name == "th" || $0.name == "td" }) }
        #expect(fourRows[0] == ["行政复议|1|5", "行政诉讼|1|10"])
        #expect(Array(fourRows[1].suffix(2)) == ["未经复议直接起诉|1|5", "复议后起诉|1|5"])
        #expect(fourRows[1].first == "结果维持|2|1")
        #expect(fourRows[3].count == 15)
    }

    @Test func the2019VariantKeepsItsOwnRows() throws {
        let report = try ExportFixtures.report(Fixtures.root.appendingPathComponent("docx/jyj2020-v2019.docx"))
        let page = try #require(HTMLNode.parse(HTMLWriter.write(report)).root)
        let three = try #require(page.all("table").first { $0.attributes["data-table"] == "requests" })
        #expect(three.attributes["data-variant"] == "2019")
        let other = three.all("td").first { $0.allText == "（六）其他处理" }
        #expect(other?.attributes["colspan"] == "2", "（六）其他处理 is a data row in 2019")
        let two = try #require(page.all("table").first { $0.attributes["data-table"] == "active_disclosure" })
        #expect(two.all("th").contains { $0.allText == "第二十条第（九）项" })
        #expect(Self.gridIsExact(two, columns: 4))
    }

    @Test func ruleErrorsAreHighlightedWithTheRuleAsTooltip() throws {
        let report = try ExportFixtures.report(Fixtures.root.appendingPathComponent("validation/t3-bal.docx"))
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        let page = try #require(HTMLNode.parse(HTMLWriter.write(report)).root)
        let flagged = page.all("td").filter { ($0.attributes["class"] ?? "").split(separator: " ").contains("gx-error") }
        let paths = Set(errors.flatMap { $0.cells.map(\.path) })
        #expect(Set(flagged.compactMap { $0.attributes["data-path"] }) == paths)
        for cell in flagged { #expect(cell.attributes["title"]?.contains("T3-BAL") == true) }
    }

    @Test func hostileTextIsEscaped() throws {
        let report = try ExportFixtures.hostile()
        let html = HTMLWriter.write(report)
        let (root, errors) = HTMLNode.parse(html)
        #expect(errors.isEmpty)
        #expect(!String(decoding: html, as: UTF8.self).contains("<b>粗体"))
        let cell = root?.all("td").first { $0.attributes["data-path"] == "requests.granted.commercial" }
        #expect(cell?.allText == "1,2\"3<4>", "text kept, the line break drawn as <br>")
        #expect(cell?.all("br").count == 1)
    }

    @Test(arguments: ExportFixtures.all)
    func markdownCarriesTheReportAndHTMLTables(_ url: URL) throws {
        let report = try ExportFixtures.report(url)
        let md = String(decoding: MarkdownWriter.write(report), as: UTF8.self)
        if report.title != nil { #expect(md.hasPrefix("# ")) }
        #expect(md.components(separatedBy: "\n## ").count - 1 == report.sections.count)
        #expect(md.components(separatedBy: "<table ").count - 1 == report.tables.count)
        // Each embedded table is one HTML block: no blank line inside it.
        for chunk in md.components(separatedBy: "<table ").dropFirst() {
            let table = chunk.components(separatedBy: "</table>")[0]
            #expect(!table.contains("\n\n"))
        }
        // The tables, lifted out and wrapped in a page, parse cleanly.
        let tables = md.components(separatedBy: "\n").filter { $0.hasPrefix("<") && !$0.hasPrefix("<a ") }.joined(separator: "\n")
        let (_, errors) = HTMLNode.parse(Array("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>\(tables)</body></html>".utf8))
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func markdownEscapesWhatWouldBeMarkup() throws {
        let md = String(decoding: MarkdownWriter.write(try ExportFixtures.hostile()), as: UTF8.self)
        #expect(md.contains(#"\<b\>粗体\</b\> \& "引号", 'single'\"# + "\n第二行\t制表符 \\]\\]\\> \\| \\* \\_ \\#"))
    }
}
