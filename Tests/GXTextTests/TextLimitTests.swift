import Foundation
import Testing
import GXModel
import GXTestSupport
@testable import GXText

/// The text path under the `ReadLimits` every adapter shares (issue 15 §4): hostile text ends in a
/// coded error or a bounded result, never in gigabytes of rows × tokens matrices. No timing is
/// asserted, only outcomes; the large inputs are refused by checks on the bytes before anything is
/// split, so they stay cheap under ASan too.
@Suite struct TextLimitTests {
    func code(_ bytes: [UInt8], limits: ReadLimits = .standard) -> GXErrorCode? {
        do {
            _ = try TextReader.read(bytes, limits: limits)
            return nil
        } catch let error as GXError {
            return error.code
        } catch {
            Issue.record("untyped error \(error)")
            return nil
        }
    }

    static let header = Array("三、收到和处理政府信息公开申请情况\n申请人情况  自然人  法人或其他组织  总计\n".utf8)

    @Test func sixtyFourMegabytesOfDigitsOnOneLineIsALimitError() {
        // Exactly the input ceiling: not refused for its size, but for its line.
        let bytes = [UInt8](repeating: 0x37, count: ReadLimits.standard.maxInputBytes)
        #expect(code(bytes) == .limit)
    }

    @Test func sixtyFourMegabytesOfDigitLinesIsALimitError() {
        // 100 digits a line: 660,000 lines, over the line limit; counted on the bytes.
        var bytes = [UInt8](repeating: 0x31, count: ReadLimits.standard.maxInputBytes)
        for i in stride(from: 100, to: bytes.count, by: 101) { bytes[i] = 0x0A }
        #expect(code(bytes) == .limit)
        // One byte over the input ceiling is refused for its size first.
        #expect(code(bytes + [0x31]) == .limit)
    }

    @Test func aMillionShortLinesIsALimitError() throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2_000_000)
        for i in 0..<1_000_000 { bytes.append(0x30 + UInt8(i % 10)); bytes.append(0x0A) }
        #expect(code(bytes) == .limit)
        var cr = Self.header
        for _ in 0..<1_000_000 { cr += [0x31, 0x0D] }
        #expect(code(cr) == .limit, "CR-only line ends count too, after LF ones")
        // CR LF is one line end, in UTF-8 and in UTF-16: 15,000 such lines are within the limit.
        let crlf = String(repeating: "一、总体情况\r\n", count: 15_000)
        #expect(try TextDecoder.decode(Array(crlf.utf8)).encoding == .utf8)
        let utf16: [UInt8] = [0xFF, 0xFE] + crlf.utf16.flatMap { u -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(try TextDecoder.decode(utf16).encoding == .utf16LE)
    }

    @Test func aTableRegionOfDigitsIsCutAtTheTokenLimit() throws {
        // Table 三's header, then 300 lines of 400 single-spaced digits: 120,000 numbers in one
        // region. The region is cut at the last whole line within the limit (lowered here so the
        // case stays cheap under ASan; the default is checked below); nothing is refused, no cell
        // gets a value (no line of 400 numbers is a row of the template).
        #expect(ReadLimits.standard.maxTextTableTokens == 20_000)
        var limits = ReadLimits.standard
        limits.maxTextTableTokens = 2_000
        var text = Self.header
        let row = Array(String(repeating: "1 ", count: 400).utf8) + [0x0A]
        for _ in 0..<300 { text += row }
        let document = try TextReader.read(text, limits: limits)
        let cut = document.diagnostics.filter { $0.code == "GX-W-REGION-CUT" }
        #expect(cut.count == 1)
        // The region opens at the header line (line 2, four tokens): 4 digit lines fit, line 7 does not.
        #expect(cut.first?.source?.line == 7, "cut before the first line that does not fit")
        let values = document.tables.flatMap(\.cells).filter { $0.row >= 3 && !$0.text.isEmpty && $0.text.allSatisfy(\.isNumber) }
        #expect(values.isEmpty, "\(values.count) cells hold a number")
    }

    @Test func oneFieldOfMoreNumbersThanTheLimitIsText() throws {
        // One line of 100,000 numbers: one field, never 100,000 tokens.
        var limits = ReadLimits.standard
        limits.maxTextTableTokens = 1_000
        let text = Self.header + Array(String(repeating: "2 ", count: 100_000).utf8) + [0x0A]
        let document = try TextReader.read(text, limits: limits)
        #expect(!document.diagnostics.contains { $0.code == "GX-W-REGION-CUT" })
        #expect(document.tables.count == 1)
        #expect(!document.tables.flatMap(\.cells).contains { $0.row >= 3 && $0.text == "2" })
    }

    @Test func aLineOfBarsInsideATableIsReadAsNothing() throws {
        // A pdftotext reading with one line of 10⁵ `|` inside table 三 (OCR reads `|` as a rule).
        let url = Fixtures.root.appendingPathComponent("text/pdftotext/seed003-word.layout.txt")
        let original = try String(contentsOf: url, encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.contains("本年新收") })
        lines.insert(String(repeating: "|", count: 100_000), at: at + 1)
        let hostile = try TextReader.read(Array(lines.joined(separator: "\n").utf8))
        let clean = try TextReader.read(Array(original.utf8))
        #expect(hostile.tables.count == clean.tables.count)
        // Whatever the bars cost the reading, no cell holds a number the clean reading does not.
        let cleanCells = Dictionary(clean.tables.enumerated().flatMap { t, table in table.cells.map { ("\(t).\($0.row).\($0.column)", $0.text) } },
                                    uniquingKeysWith: { a, _ in a })
        for (t, table) in hostile.tables.enumerated() {
            for cell in table.cells where !cell.text.isEmpty && cell.text.allSatisfy(\.isNumber) {
                #expect(cleanCells["\(t).\(cell.row).\(cell.column)"] == cell.text, "table \(t) r\(cell.row) c\(cell.column) = \(cell.text)")
            }
        }
        // As a line of its own text, outside any table, 10⁵ bars are one paragraph.
        let prose = try TextReader.read(Array(("一、总体情况\n" + String(repeating: "|", count: 100_000) + "\n").utf8))
        #expect(prose.tables.isEmpty)
    }

    @Test func thePassedDeadlineIsALimitError() throws {
        let url = Fixtures.root.appendingPathComponent("text/pdftotext/seed003-word.layout.txt")
        let bytes = try Fixtures.bytes(url)
        var limits = ReadLimits.standard
        limits.deadline = ContinuousClock.now - .seconds(1)
        #expect(code(bytes, limits: limits) == .limit)
        limits.deadline = ContinuousClock.now + .seconds(3600)
        #expect(code(bytes, limits: limits) == nil)
    }

    @Test func bookmarksByTheThousandCostOnePass() throws {
        // 3,000 markers on one table line: each token finds its column by binary search, each
        // marker its token in one forward pass. Every marker is kept, on a cell.
        var line = "本年新收"
        for _ in 0..<3_000 { line += "[bookmark: _Hlk1]0  " }
        let document = try TextReader.read(Array((String(decoding: Self.header, as: UTF8.self) + line + "\n").utf8))
        #expect(!document.diagnostics.contains { $0.code == "GX-W-REGION-CUT" })
        let marks = document.tables.flatMap(\.cells).reduce(0) { $0 + $1.bookmarks.count }
        #expect(marks == 3_000)
    }
}

extension Document {
    /// The document's top-level tables, in order.
    var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }
}

/// `pdftotext -raw` prints a row's label and numbers one space apart.
@Suite struct RawRowTokenTests {
    func kinds(_ line: String) throws -> [String] {
        let lines = LineSplitter.split(line)
        let (tokens, _) = try Tokenizer.tokens(lines, range: 0..<lines.count, format: .spaced, ocr: false, budget: TextBudget(.standard))
        return tokens.map { "\($0.kind == .value ? "v" : "t"):\($0.text)" }
    }

    @Test func aLabelThenItsNumbersSplits() throws {
        #expect(try kinds("规章 0 6 0") == ["t:规章", "v:0", "v:6", "v:0"])
        #expect(try kinds("（七）总计 877 107 26 243 32 1346") == ["t:（七）总计", "v:877", "v:107", "v:26", "v:243", "v:32", "v:1346"])
        #expect(try kinds("8.属于行政查询  713 0 7") == ["t:8.属于行政查询", "v:713", "v:0", "v:7"])
    }

    @Test func textWithANumberInsideStaysText() throws {
        #expect(try kinds("共 2 项") == ["t:共 2 项"], "digits split off only at the end of the field")
        #expect(try kinds("2023 年") == ["t:2023 年"])
        #expect(try kinds("page 12") == ["t:page 12"], "no Chinese character in the label")
        #expect(try kinds("规章 0 6 o") == ["t:规章 0 6 o"], "an OCR-fixed digit never splits a label")
    }
}

/// `pdftotext -layout` of a number too wide for its column: its pieces on lines of their own.
@Suite struct WrappedNumberTests {
    func marked(_ text: String) throws -> [String] {
        let lines = LineSplitter.split(text)
        var (tokens, _) = try Tokenizer.tokens(lines, range: 0..<lines.count, format: .spaced, ocr: false, budget: TextBudget(.standard))
        let marked = StandardTableBuilder.markWrappedNumbers(&tokens, excluded: [], rowWidth: 7)
        #expect(marked.allSatisfy { tokens[$0].kind == .noise })
        return marked.map { "\(tokens[$0].text)@\(tokens[$0].line)" }
    }

    /// `pdftotext -raw` prints a row's numbers one space apart: an unlabelled full row above a
    /// labelled one overlaps it on the line, yet nothing wrapped. The same rows in typeset columns
    /// do stand in each other's columns.
    @Test func rawRowsOneSpaceApartAreNotDebris() throws {
        let raw = "4 3 7 0 8 0 22\n3.其他 8 0 0 1 0 0 9\n（七）总计 341 104 39 20 231 82 817"
        let lines = LineSplitter.split(raw)
        let (tokens, _) = try Tokenizer.tokens(lines, range: 0..<lines.count, format: .spaced, ocr: false, budget: TextBudget(.standard))
        #expect(!LayoutReorder.typesetColumns(tokens))
        #expect(try marked(raw) == [])
        let typeset = """
                  4    3    7    0    8    0   22
        3.其他    8    0    0    1    0    0    9
        """
        #expect(try !marked(typeset).isEmpty)
    }

    @Test func piecesAboveAndBelowARowAreDebris() throws {
        // 904 printed as `90` over `4` around the row's line, which holds the other five values.
        let text = [String(repeating: " ", count: 33) + "90" + String(repeating: " ", count: 15) + "90",
                    "四、结转下年度继续办理    0    0    0    0    0",
                    String(repeating: " ", count: 34) + "4" + String(repeating: " ", count: 16) + "4"].joined(separator: "\n")
        let got = try marked(text)
        #expect(got == ["90@0", "90@0", "4@2", "4@2"], "\(got)")
    }

    @Test func aNumberSplitOverTheRowLineAndTheNextIsDebris() throws {
        // 1674 printed as `167` on the row's line and `4` under it: both pieces go.
        let text = """
        （七）总计    53    89    11    39    70    16   167
                                                         4
        """
        #expect(try marked(text) == ["167@0", "4@1"])
    }

    @Test func adjacentRowsWithTheirLabelsAreLeftAlone() throws {
        let text = """
        （一）予以公开    1    0    0    2    0    0    3
        （二）部分公开    0    0    0    0    0    4    4
        """
        #expect(try marked(text).isEmpty)
    }
}
