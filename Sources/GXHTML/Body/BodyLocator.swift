import GXModel

/// Finds the report inside a portal page. The report's own landmarks — its section headings and
/// standard tables — are found among the page's blocks; the deepest element holding all of them is
/// the article; what lies outside it (navigation, metadata, related links, footers) is dropped.
/// The title often sits just above the article (an `<h1>` beside the metadata block), so it is
/// looked for there, and finally in `<title>`.
struct BodyLocator {
    let tree: NodeTree

    struct Result {
        var blocks: [BlockBuilder.Placed]
        var notes: [Diagnostic] = []
    }

    func locate(_ all: [BlockBuilder.Placed]) -> Result {
        var notes: [Diagnostic] = []
        var landmarks: [Int] = []
        var numbers = Set<Int>()
        for placed in all {
            switch placed.block {
            case .paragraph(let p):
                if let n = ReportMarkers.sectionHeading(p.text), !numbers.contains(n) {
                    numbers.insert(n)
                    landmarks.append(placed.node)
                }
            case .table(let t):
                if ReportMarkers.isStandardTable(t) { landmarks.append(placed.node) }
            }
        }
        var kept = all
        var before: [BlockBuilder.Placed] = []
        if landmarks.count >= 2, let article = tree.lowestCommonAncestor(landmarks) {
            let inside = all.indices.filter { tree.isAncestor(article, of: all[$0].node) }
            if let first = inside.first, inside.count < all.count {
                kept = inside.map { all[$0] }
                before = Array(all[..<first])
                notes.append(Diagnostic(code: "GX-I-HTML-BODY", severity: .info,
                    message: "the report was read from \(tree.path(article)); \(all.count - inside.count) block(s) of page furniture around it were left out",
                    messageZh: "已从 \(tree.path(article)) 读取报告正文，忽略了页面其他部分"))
            }
        }

        // The title: the first title-like paragraph (or pair of lines) before the first heading;
        // anything above it is page furniture (breadcrumbs, metadata lines).
        let firstHeading = kept.firstIndex { if case .paragraph(let p) = $0.block { ReportMarkers.sectionHeading(p.text) != nil } else { false } } ?? kept.count
        if let t = titleStart(kept, upTo: firstHeading, fromEnd: false) {
            kept.removeFirst(t)
        } else if let t = titleStart(before, upTo: before.count, fromEnd: true) {
            // Above the article: take the title line(s) only.
            var lines: [BlockBuilder.Placed] = []
            for placed in before[t...] {
                guard case .paragraph(let p) = placed.block else { break }
                if p.text.isEmpty { continue }
                lines.append(placed)
                if ReportMarkers.isTitle(lines.compactMap { if case .paragraph(let q) = $0.block { q.text } else { nil } }.joined()) { break }
                if lines.count >= 3 { break }
            }
            kept.insert(contentsOf: lines, at: 0)
        } else if let title = headTitle() {
            kept.insert(BlockBuilder.Placed(block: .paragraph(title.0), node: title.1), at: 0)
            notes.append(Diagnostic(code: "GX-I-TITLE-FROM-HEAD", severity: .info,
                message: "the page body has no title line; the title was taken from <title>", source: title.0.source))
        }

        // Furniture after the article's last words (print / close / share / counters).
        while let last = kept.last, case .paragraph(let p) = last.block,
              p.text.isEmpty && p.bookmarks.isEmpty || ReportMarkers.isTrailingChrome(p.text) {
            kept.removeLast()
        }
        return Result(blocks: kept, notes: notes)
    }

    private func isShortLine(_ text: String) -> Bool {
        PlainText(text).count <= 30 && !text.contains(utf8: "。") && !text.contains(utf8: "，") && !ReportMarkers.isMetadata(text)
    }

    /// Where the title starts among `blocks[..<end]`: a title line, or two short lines that read as
    /// one (`昌乐县红河镇人民政府2023年政府信息` + `公开工作年度报告`), with the agency line above a title
    /// that starts with its year. The first such place, or the last one when `fromEnd`.
    private func titleStart(_ blocks: [BlockBuilder.Placed], upTo end: Int, fromEnd: Bool) -> Int? {
        let lines: [(Int, String)] = blocks[..<end].indices.compactMap { i in
            if case .paragraph(let p) = blocks[i].block, !p.text.isEmpty { return (i, p.text) }
            return nil
        }
        var found: Int? = nil
        for (k, line) in lines.enumerated() {
            var start: Int? = nil
            if ReportMarkers.isTitle(line.1) {
                start = line.0
                if ReportMarkers.titleLacksAgency(line.1), k > 0, isShortLine(lines[k - 1].1) { start = lines[k - 1].0 }
            } else if k + 1 < lines.count, isShortLine(line.1), PlainText(lines[k + 1].1).count <= 40,
                      ReportMarkers.isTitle(line.1 + lines[k + 1].1) {
                start = line.0
            }
            if let start {
                found = start
                if !fromEnd { return start }
            }
        }
        return found
    }

    private func headTitle() -> (Paragraph, Int)? {
        for (i, node) in tree.nodes.enumerated() where node.name == "title" {
            let text = ReportMarkers.titleFromHeadTitle(tree.rawText(i, limit: 2000)
                .split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " "))
            guard ReportMarkers.isTitle(text) else { return nil }
            return (Paragraph(text: text, source: SourceLocation(line: Int(node.line), element: tree.path(i))), i)
        }
        return nil
    }
}
