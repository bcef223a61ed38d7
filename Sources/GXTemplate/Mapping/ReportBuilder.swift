import GXModel

/// Derives the report layer from a document: the pandoc-style "one AST, many readers" seam. It
/// looks only at the document model, so every adapter gets the same mapping.
public enum ReportBuilder {
    public static func build(_ document: Document, source: SourceInfo) -> Report {
        var report = Report(source: source)
        report.diagnostics = document.diagnostics
        // Layout tables dissolved and tables printed in pieces joined, before anything is mapped.
        let (blocks, labeledTables) = TableAssembly.assemble(document.blocks, diagnostics: &report.diagnostics)

        let sections = SectionMapper.map(blocks)
        report.title = sections.title
        if let title = sections.title {
            let (agency, year) = TitleReader.agencyAndYear(title)
            report.agency = agency
            report.year = year
        }
        report.preamble = sections.preamble
        report.sections = sections.sections
        report.closing = sections.closing
        if let last = sections.closing.last { report.date = DateReader.isoDate(in: last) }
        report.diagnostics += sections.diagnostics

        // Standard tables: recognised by content, first of each kind wins.
        var mapped: [Int: MappedTable] = [:]
        for (b, block) in blocks.enumerated() {
            guard case .table(let table) = block else { continue }
            let labeled = labeledTables[b] ?? LabeledTable(table)
            guard let key = classify(labeled, section: sections.sectionOfBlock[b]),
                  !mapped.values.contains(where: { $0.table.key == key }) else { continue }
            var result: MappedTable
            switch key {
            case .activeDisclosure: result = ActiveDisclosureMapper.map(labeled)
            case .requests: result = RequestsMapper.map(labeled)
            case .reviewLitigation: result = ReviewLitigationMapper.map(labeled)
            }
            // Text and OCR readers flag values they lost or doubt; only the equations may settle them.
            let flags = RepairInput.collect(table, roles: result.roles)
            if !flags.isEmpty { result.diagnostics += Repairer.apply(flags, to: &result.table) }
            result.diagnostics += refusedNumbers(result.table)
            mapped[b] = result
            report.diagnostics += result.diagnostics
        }
        for key in StandardTableKey.allCases {
            if var found = mapped.values.first(where: { $0.table.key == key })?.table {
                if key == .reviewLitigation {
                    // Table 四 reads the same in both formats: it follows the report's other tables.
                    let others = report.tables.compactMap(\.variant)
                    found.variant = others.first ?? ((report.year ?? 2021) < 2021 ? .v2019 : .v2021)
                }
                report.tables.append(found)
            } else {
                report.diagnostics.append(Diagnostic(code: "GX-W-TABLE-MISSING", severity: .warning,
                    message: "standard table \(key.rawValue) was not found", messageZh: "未找到标准表格 \(key.rawValue)",
                    paths: [key.rawValue]))
            }
        }

        report.bookmarks = resolveBookmarks(blocks, sections: sections, mapped: mapped)
        return report
    }

    /// `GX-W-NOT-A-NUMBER` for each cell that looks numeric but is kept as text (`CellReader.refusal`):
    /// a value we will not guess at is said, not dropped silently.
    static func refusedNumbers(_ table: StandardTable) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for cell in table.cells where cell.kind == .text {
            guard let why = CellReader.refusal(cell.text) else { continue }
            let path = cell.path.description
            out.append(Diagnostic(code: "GX-W-NOT-A-NUMBER", severity: .warning, subject: path,
                message: "\(path) is kept as text: \(why)", messageZh: "\(path) 按文字保留：不是一个可信的数字",
                paths: [path], cells: [DiagnosticCell(path: path, text: cell.text, source: cell.source)], source: cell.source))
        }
        return out
    }

    /// Which standard table a document table is, by what it says; the section it sits in breaks ties.
    static func classify(_ table: LabeledTable, section: String?) -> StandardTableKey? {
        TableRecognizer.kind(mentions: table.mentions) ?? section.flatMap(StandardTableKey.init(rawValue:))
    }

    static func resolveBookmarks(_ blocks: [Block], sections: SectionMapper.Result, mapped: [Int: MappedTable]) -> [ReportBookmark] {
        var result: [ReportBookmark] = []
        var tableNumber = 0
        for (b, block) in blocks.enumerated() {
            switch block {
            case .paragraph(let p):
                guard !p.bookmarks.isEmpty else { continue }
                let path: String
                if sections.titleBlocks.contains(b) { path = "title" }
                else if let place = sections.placeOfBlock[b] {
                    let key = sections.sections[place.section].key
                    path = place.paragraph < 0 ? "sections.\(key).heading" : "sections.\(key).paragraphs.\(place.paragraph)"
                } else if let i = sections.preambleBlocks.firstIndex(of: b) { path = "preamble.\(i)" }
                else if sections.closingBlocks.contains(b) { path = "closing" }
                else { path = "blocks.\(b)" }
                for marker in p.bookmarks { result.append(ReportBookmark(name: marker.name, path: path, source: marker.source)) }
            case .table(let table):
                tableNumber += 1
                let roles = mapped[b]?.roles ?? [:]
                collectTableBookmarks(table, prefix: "tables.\(tableNumber)", roles: roles, into: &result)
            }
        }
        return result
    }

    private static func collectTableBookmarks(_ table: Table, prefix: String, roles: [Int: CellRole],
                                              into result: inout [ReportBookmark]) {
        for rowMark in table.rowBookmarks {
            // A row is named by its label cell's role (`requests.granted`); group labels and
            // headers carry longer or no roles.
            let label = table.anchored(row: rowMark.row).compactMap { roles[$0.index] }.first(where: \.isLabel)?.path
            result.append(ReportBookmark(name: rowMark.marker.name, path: label ?? "\(prefix).r\(rowMark.row + 1)",
                                         source: rowMark.marker.source))
        }
        for (i, cell) in table.cells.enumerated() {
            for block in cell.blocks {
                // Paths are built only for cells that hold bookmarks: most hold none.
                switch block {
                case .paragraph(let p):
                    guard !p.bookmarks.isEmpty else { continue }
                    let path = roles[i]?.path ?? "\(prefix).r\(cell.row + 1)c\(cell.column + 1)"
                    for marker in p.bookmarks { result.append(ReportBookmark(name: marker.name, path: path, source: marker.source)) }
                case .table(let nested):
                    collectTableBookmarks(nested, prefix: "\(prefix).r\(cell.row + 1)c\(cell.column + 1).table", roles: [:], into: &result)
                }
            }
        }
    }
}
