import GXModel

/// Numbers the final body the way the DOCX adapter does: body paragraphs 1…n, top-level tables
/// 1…n, and every cell, cell paragraph, bookmark and nested table carrying its top table's number.
enum Numbering {
    static func apply(_ blocks: [Block]) -> [Block] {
        var paragraphs = 0
        var tables = 0
        return blocks.map { block in
            switch block {
            case .paragraph(var p):
                paragraphs += 1
                p.source.paragraph = paragraphs
                p.source.table = nil
                p.source.row = nil
                p.source.cell = nil
                p.bookmarks = p.bookmarks.map { var m = $0; m.source = p.source; m.source.line = $0.source.line; return m }
                return .paragraph(p)
            case .table(let t):
                tables += 1
                return .table(number(t, tables))
            }
        }
    }

    private static func number(_ table: Table, _ n: Int) -> Table {
        var t = table
        t.source.table = n
        t.rowBookmarks = t.rowBookmarks.map { var r = $0; r.marker.source.table = n; return r }
        for i in t.cells.indices {
            t.updateCell(i) { cell in
                cell.source.table = n
                cell.blocks = cell.blocks.map { block in
                    switch block {
                    case .paragraph(var p):
                        p.source.table = n
                        p.source.paragraph = nil
                        p.bookmarks = p.bookmarks.map { var m = $0; m.source.table = n; return m }
                        return .paragraph(p)
                    case .table(let nested):
                        return .table(number(nested, n))
                    }
                }
            }
        }
        return t
    }
}
