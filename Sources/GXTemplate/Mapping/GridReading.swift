import GXModel

/// Small read helpers over a table grid shared by the three table mappers.
extension Table {
    /// Distinct cells covering the slots `columns` of `row`, left to right, with their indexes.
    func covering(row: Int, columns: Range<Int>) -> [(index: Int, cell: TableCell)] {
        var result: [(Int, TableCell)] = []
        var last = -1
        for c in columns {
            guard let i = cellIndex(row: row, column: c), i != last else { continue }
            last = i
            result.append((i, cells[i]))
        }
        return result
    }

    /// Distinct cells anchored in `row`, with their indexes.
    func anchored(row: Int) -> [(index: Int, cell: TableCell)] {
        covering(row: row, columns: 0..<columnCount).filter { $0.cell.row == row }
    }
}

extension TableCell {
    /// Nothing printed: no text, and no reading that lost one (a lost value is not empty).
    var isEmpty: Bool { text.trimmingWhitespace.isEmpty && quality == nil }
}

/// A template cell located in the document: the index of the document cell that holds it. A
/// slot that a cell from the row above merely covers is found but blank: that value belongs to
/// the row the cell starts in.
struct FoundCell {
    let index: Int
    var isCovered = false
    /// The document cell does not line up with its column's header (it reaches into another
    /// column or the label columns): which template cell its value belongs to is not certain.
    var misaligned = false
}

/// What a mapper found in one document table.
struct MappedTable {
    var table: StandardTable
    /// Document cell index → what the cell holds (a data cell, a row label, a header).
    var roles: [Int: CellRole] = [:]
    var diagnostics: [Diagnostic] = []
}

/// Turns found cells into the template-ordered cell list, reading each text by its column's type,
/// and reports the template cells the document did not have.
/// The cells are read from the labeled table's one reading of each document cell.
/// `headerUnits` gives, per column key, the unit a printed header stated for a money column.
func assemble(_ key: StandardTableKey, variant: TemplateVariant, found: [CellPath: FoundCell],
              in labeled: LabeledTable, headerUnits: [String: String] = [:],
              diagnostics: inout [Diagnostic]) -> StandardTable {
    let spec = Template.spec(key, variant)
    let tableSource = labeled.table.source
    var cells: [ReportCell] = []
    cells.reserveCapacity(spec.cellPaths.count)
    var missing: [String] = []
    var misaligned: [String] = []
    for (path, type) in spec.cellPaths {
        if let hit = found[path] {
            let source = labeled.table.cells[hit.index].source
            if hit.isCovered {
                cells.append(ReportCell(path: path, text: "", kind: .blank, number: nil, source: source))
            } else if hit.misaligned {
                var cell = ReportCell(path: path, text: "", kind: .blank, number: nil, source: source)
                cell.lost = true
                cells.append(cell)
                misaligned.append(path.description)
            } else {
                let reading = labeled.readings[hit.index]
                var cell = ReportCell(path: path, text: labeled.texts[hit.index].trimmingWhitespace, kind: reading.kind,
                                      number: reading.number, source: source)
                if type == .decimal, reading.kind == .number || reading.kind == .text {
                    let unit = headerUnits[path.column] ?? spec.row(path.row)?.columns.first { $0.key == path.column }?.unit
                    if let amount = AmountReader.read(cell.text, headerUnit: unit) {
                        cell.kind = .number
                        cell.number = amount.number
                        cell.unit = amount.unit
                    }
                }
                cells.append(cell)
            }
        } else {
            missing.append(path.description)
            cells.append(ReportCell(path: path, text: "", kind: .blank, number: nil, source: .unknown))
        }
    }
    if !misaligned.isEmpty {
        diagnostics.append(Diagnostic(
            code: "GX-W-MISALIGNED", severity: .warning,
            message: "\(misaligned.count) cell(s) do not line up with their column's header (the grid is shifted or merged across columns): "
                + "which column their values belong to is not certain, so they are left empty and marked lost",
            messageZh: "\(misaligned.count) 个单元格与列标题未对齐，无法确定所属列，按丢失处理",
            paths: misaligned, source: tableSource))
    }
    if !missing.isEmpty {
        diagnostics.append(Diagnostic(
            code: "GX-W-CELL-MISSING", severity: .warning,
            message: "\(missing.count) cell(s) of the \(variant.rawValue) template were not found in the table and are left empty",
            messageZh: "表中未找到模板的 \(missing.count) 个单元格，按空白处理",
            paths: missing, source: tableSource))
    }
    return StandardTable(key: key, variant: variant, cells: cells, source: tableSource, index: spec.index)
}
