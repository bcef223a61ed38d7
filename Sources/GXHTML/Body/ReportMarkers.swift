import GXModel
import GXTemplate

/// What the reader recognises of a report while it is still looking at the page: section
/// headings, the title line, the standard tables, and the metadata blocks portals put around the
/// body. Only used to find the body; the template's words (section keywords, table recognisers)
/// and the fold are GXTemplate's and GXModel's, the same the mapper uses.
enum ReportMarkers {
    /// The section number (1–6) when the paragraph opens a template section.
    static func sectionHeading(_ text: String) -> Int? {
        // Only the start matters (a heading may run into its first sentence); fold just that.
        let folded = PlainText(TextFold.fold(PlainText(text).prefix(80)))
        for (i, section) in Template.sections.enumerated() {
            guard folded.hasPrefix(section.number + "、") || folded.hasPrefix(section.number + ".") else { continue }
            let head = PlainText(folded.prefix(30))
            if section.keywords.contains(where: { head.contains($0) }) { return i + 1 }
        }
        return nil
    }

    /// `…2023年政府信息公开工作年度报告` (the agency may sit on the line above).
    static func isTitle(_ text: String) -> Bool {
        guard text.utf8.count <= 600 else { return false }
        let folded = TextFold.fold(text)
        guard PlainText(folded).count <= 90, folded.contains(utf8: "报告"), folded.contains(utf8: "政府信息公开") || folded.contains(utf8: "政务公开"),
              !folded.contains(utf8: ":") else { return false }  // `名称：…报告`, `上一篇：…报告` are not titles
        return hasYear(folded)
    }

    /// The title line starts with its year: the agency is on the line above.
    static func titleLacksAgency(_ text: String) -> Bool {
        let folded = TextFold.fold(text)
        guard let first = folded.unicodeScalars.first else { return false }
        return ("0"..."9").contains(first) || "〇一二".unicodeScalars.contains(first)
    }

    static func hasYear(_ folded: String) -> Bool {
        let s = Array(folded.unicodeScalars)
        guard s.count >= 5 else { return false }
        for i in 0...(s.count - 5) where s[i + 4] == "年" {
            if (0..<4).allSatisfy({ ("0"..."9").contains(s[i + $0]) }) { return true }
            if (0..<4).allSatisfy({ "〇一二三四五六七八九零○".unicodeScalars.contains(s[i + $0]) }) { return true }
        }
        return false
    }

    /// One of the three standard tables, by what it says.
    static func isStandardTable(_ table: Table) -> Bool {
        let text = TextFold.fold(table.allText)
        return TableRecognizer.kind { text.contains(utf8: $0) } != nil
    }

    static let metadataLabels = ["索引号", "发布机构", "公开日期", "发布日期", "发文日期", "成文日期", "发文机关", "文号",
                                         "主题分类", "信息分类", "公开方式", "公开范围", "公开时限", "生效日期", "有效性", "信息来源",
                                         "组配分类", "体裁分类", "所属机构", "发布时间", "来源："]

    /// A portal's metadata block (索引号 / 发布机构 / 公开日期 …), never part of the report.
    static func isMetadata(_ text: String) -> Bool {
        guard text.utf8.count <= 4000 else { return false }
        let folded = PlainText(TextFold.fold(text))
        guard folded.count <= 600 else { return false }
        var hits = 0
        for label in metadataLabels where folded.contains(label) {
            hits += 1
            if hits >= 2 { return true }
        }
        return false
    }

    private static let trailingChrome = ["打印本页", "关闭窗口", "【打印】", "【关闭】", "[打印]", "[关闭]", "分享到", "扫一扫",
                                         "字号：", "字体：", "【字体", "责任编辑", "浏览次数", "访问量", "上一篇", "下一篇",
                                         "打印本文", "关闭本页", "相关链接", "相关文章", "纠错", "【大】", "【中】", "【小】"]
    static let foldedTrailingChrome = trailingChrome.map(TextFold.fold)

    /// Page furniture that follows an article (print / close / share / font size / counters).
    static func isTrailingChrome(_ text: String) -> Bool {
        guard text.utf8.count <= 800 else { return false }
        let folded = PlainText(TextFold.fold(text))
        guard !folded.text.isEmpty, folded.count <= 120 else { return false }
        return foldedTrailingChrome.contains { folded.contains($0) }
    }

    /// The page's `<title>`, without the site name portals append (`…报告_某某市人民政府`).
    static func titleFromHeadTitle(_ text: String) -> String {
        var s = text
        for separator in ["_", "|", " - ", "－", "—", "-"] {
            let parts = s.components(separatedBy: separator)
            if parts.count > 1, isTitle(parts[0]) { s = parts[0] }
        }
        return s.trimming(" \t\n\r")
    }
}

extension String {
    /// Foundation-free split on a multi-character separator.
    func components(separatedBy separator: String) -> [String] {
        let hay = Array(self), needle = Array(separator)
        var parts: [String] = [], current: [Character] = [], i = 0
        while i < hay.count {
            if i + needle.count <= hay.count, Array(hay[i..<(i + needle.count)]) == needle {
                parts.append(String(current)); current = []; i += needle.count
            } else { current.append(hay[i]); i += 1 }
        }
        parts.append(String(current))
        return parts
    }
}
