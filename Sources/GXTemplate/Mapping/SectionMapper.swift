import GXModel

/// Finds the title, the six template sections and the closing sign-off among the body paragraphs.
/// Headings are recognised by their numbering *and* a keyword, in increasing order, so a prose
/// line that happens to start with `二、` does not open a section.
struct SectionMapper {
    struct Result {
        var title: String?
        var titleBlocks: Set<Int> = []
        var preamble: [String] = []
        var preambleBlocks: [Int] = []
        var sections: [ReportSection] = []
        /// Block index → (section index, paragraph index or -1 for the heading).
        var placeOfBlock: [Int: (section: Int, paragraph: Int)] = [:]
        /// Block index → section key, for tables.
        var sectionOfBlock: [Int: String] = [:]
        var closing: [String] = []
        var closingBlocks: Set<Int> = []
        var diagnostics: [Diagnostic] = []
    }

    static func map(_ blocks: [Block]) -> Result {
        var result = Result()
        var current: Int? = nil
        var nextSection = 0
        var beforeFirstHeading: [(block: Int, paragraph: Paragraph)] = []

        for (b, block) in blocks.enumerated() {
            switch block {
            case .table:
                if let current { result.sectionOfBlock[b] = result.sections[current].key }
            case .paragraph(let p):
                let text = p.text.trimmingWhitespace
                guard !text.isEmpty else { continue }
                if let (index, heading, rest) = heading(text, after: nextSection) {
                    let spec = Template.sections[index]
                    result.sections.append(ReportSection(key: spec.key, heading: heading, headingSource: p.source))
                    current = result.sections.count - 1
                    nextSection = index + 1
                    result.placeOfBlock[b] = (current!, -1)
                    if let rest {
                        result.sections[current!].paragraphs.append(rest)
                        result.sections[current!].paragraphSources.append(p.source)
                    }
                    continue
                }
                if let current {
                    result.placeOfBlock[b] = (current, result.sections[current].paragraphs.count)
                    result.sections[current].paragraphs.append(text)
                    result.sections[current].paragraphSources.append(p.source)
                } else {
                    beforeFirstHeading.append((b, p))
                }
            }
        }

        // Title: the first paragraph(s) that together read `…年…政府信息公开…报告`.
        var consumed = 0
        // A title broken over lines (a `w:br`, `<br>`, two paragraphs) is one title: lines join.
        func oneLine(_ text: String) -> String { text.split(separator: "\n").map { String($0).trimmingWhitespace }.joined() }
        // A portal page saved as a document keeps the site's name, its navigation and breadcrumb
        // above the title: the title is the first paragraph (or pair) among the first few that
        // reads as one (a portal page may print forty lines of navigation first); what stands above
        // it is preamble, never part of the title.
        func title(at start: Int) -> (String, Int)? {
            guard start < beforeFirstHeading.count else { return nil }
            var title = oneLine(beforeFirstHeading[start].paragraph.text)
            var count = 1
            // Navigation (`网站首页 | 信息公开`, `首页 > 年报`) and an OA system's `附件1` are never
            // the first line of a title.
            let navigation = title.count > 30 || ["|", ">", "＞", "»", "首页"].contains { title.contains(utf8: $0) }
                || title.hasPrefix("附件")
            if !navigation, !TextFold.fold(title).contains(utf8: "报告"), start + 1 < beforeFirstHeading.count {
                let joined = title + oneLine(beforeFirstHeading[start + 1].paragraph.text)
                if TextFold.fold(joined).contains(utf8: "报告"), joined.count <= 80 {
                    title = joined
                    count = 2
                }
            }
            let folded = TextFold.fold(title)
            let reads = start == 0 ? folded.contains(utf8: "政府信息公开") || folded.contains(utf8: "报告")
                                   : folded.contains(utf8: "政府信息公开") && folded.contains(utf8: "报告") && title.count <= 80
            return reads ? (title, count) : nil
        }
        var titleStart = 0
        for start in 0..<min(40, beforeFirstHeading.count) {
            guard let (title, count) = title(at: start) else { continue }
            result.title = title
            titleStart = start
            consumed = count
            for entry in beforeFirstHeading[start..<(start + count)] { result.titleBlocks.insert(entry.block) }
            break
        }
        for (i, entry) in beforeFirstHeading.enumerated() where i < titleStart || i >= titleStart + consumed {
            result.preamble.append(entry.paragraph.text.trimmingWhitespace)
            result.preambleBlocks.append(entry.block)
        }

        // Closing: a date line at the very end, and the short sign-off lines just above it.
        if let last = result.sections.indices.last {
            var chrome = 0
            while chrome < result.sections[last].paragraphs.count,
                  isPageChrome(result.sections[last].paragraphs[result.sections[last].paragraphs.count - 1 - chrome]) {
                chrome += 1
            }
            if chrome > 0 {
                let kept = result.sections[last].paragraphs.count - chrome
                result.sections[last].paragraphs.removeLast(chrome)
                result.sections[last].paragraphSources.removeLast(chrome)
                for (b, place) in result.placeOfBlock where place.section == last && place.paragraph >= kept {
                    result.placeOfBlock[b] = nil
                }
                result.diagnostics.append(Diagnostic(code: "GX-I-PAGE-CHROME", severity: .info,
                    message: "\(chrome) line(s) of a web page's footer (版权所有, ICP备…) after the report were left out",
                    messageZh: "已略去报告之后的网页页脚"))
            }
        }
        if let last = result.sections.indices.last, result.sections[last].key == "other_matters" {
            var paragraphs = result.sections[last].paragraphs
            if let final = paragraphs.last, final.count <= 24, DateReader.isoDate(in: final) != nil {
                var take = 1
                while take < min(3, paragraphs.count) {
                    let line = paragraphs[paragraphs.count - 1 - take]
                    guard line.count <= 30, !line.contains(utf8: "。"), !line.contains(utf8: "，") else { break }
                    take += 1
                }
                result.closing = Array(paragraphs.suffix(take))
                paragraphs.removeLast(take)
                result.sections[last].paragraphs = paragraphs
                result.sections[last].paragraphSources.removeLast(take)
                for (b, place) in result.placeOfBlock where place.section == last && place.paragraph >= paragraphs.count {
                    result.closingBlocks.insert(b)
                    result.placeOfBlock[b] = nil
                }
            }
        }

        let foundKeys = Set(result.sections.map(\.key))
        let missing = Template.sections.filter { !foundKeys.contains($0.key) }.map(\.key)
        if !missing.isEmpty {
            result.diagnostics.append(Diagnostic(code: "GX-W-SECTION-MISSING", severity: .warning,
                message: "section heading(s) not found: \(missing.joined(separator: ", "))",
                messageZh: "未找到章节标题：\(missing.joined(separator: "、"))", paths: missing.map { "sections.\($0)" }))
        }
        return result
    }

    /// The footer a portal page saved as a document keeps below the report.
    static func isPageChrome(_ text: String) -> Bool {
        text.count <= 120 && ["版权所有", "ICP备", "打印本页", "关闭窗口", "技术支持", "网站标识码", "网站地图"].contains { text.contains(utf8: $0) }
    }

    /// Recognises `二、主动公开政府信息情况` (any variant) as section ≥ `after`. A heading run into
    /// its first sentence (`一、总体情况。2023年…`) is split there.
    static func heading(_ text: String, after: Int) -> (Int, String, String?)? {
        // Only a line that starts with a section number can be a heading: the rest is never folded.
        guard let first = text.first, "一二三四五六".contains(first) else { return nil }
        let folded = TextFold.fold(text)
        for index in after..<Template.sections.count {
            let spec = Template.sections[index]
            guard folded.hasPrefix(spec.number + "、") || folded.hasPrefix(spec.number + ".") else { continue }
            var heading = text
            var rest: String? = nil
            if folded.count > 40 {
                guard let stop = text.firstIndex(where: { $0 == "。" || $0 == "：" || $0 == ":" }),
                      text.distance(from: text.startIndex, to: stop) <= 40 else { return nil }
                heading = String(text[..<stop])
                let after = text[text.index(after: stop)...].trimmingWhitespace
                rest = after.isEmpty ? nil : after
            }
            let key = TextFold.fold(heading)
            guard spec.keywords.contains(where: { key.contains(utf8: $0) }) else { return nil }
            return (index, heading.trimmingWhitespace, rest)
        }
        return nil
    }
}

/// Section heading recognition for readers that must find the sections before they build blocks
/// (the text adapter uses it to bound its table regions). Same rules as the mapping itself.
public enum SectionHeadings {
    /// The 0-based index into `Template.sections` of the section `text` opens, if it is a heading
    /// of section `after` or later.
    public static func match(_ text: String, after: Int = 0) -> Int? {
        SectionMapper.heading(text.trimmingWhitespace, after: after)?.0
    }
}
