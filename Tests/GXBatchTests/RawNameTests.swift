#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import GXBatch
import GXConvert
import GXModel
import GXTestSupport

/// Issue 20 §4: folders and files whose names are GBK bytes (a Chinese Windows share copied to
/// Linux) are walked, opened and converted, and shown with their bytes escaped.
@Suite struct RawNameTests {
    static func cString(_ bytes: [UInt8]) -> [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

    @Test func displayEscapesOnlyTheBytesThatAreNotUTF8() {
        #expect(RawPath("报告/2023.docx").display == "报告/2023.docx")
        #expect(RawPath(bytes: [0xB1, 0xA8, 0x2F] + Array("年度.docx".utf8)).display == "\\xB1\\xA8/年度.docx")
        // Overlong, surrogate, truncated and stray continuation bytes are each escaped, deterministically.
        #expect(RawPath(bytes: [0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xE5, 0xB9, 0x41, 0x80]).display == "\\xC0\\xAF\\xED\\xA0\\x80\\xE5\\xB9A\\x80")
        #expect(RawPath(bytes: [0xE5, 0xB9, 0xB4, 0xE5, 0xB9]).display == "年\\xE5\\xB9")
        #expect(RawPath(bytes: [0x0F]).display == "\u{0F}", "control characters are left to DisplayText")
    }

    @Test(arguments: [BatchFormat.jsonl, .csvWide])
    func aGBKNamedFolderIsWalkedAndEveryFileInItConverted(_ format: BatchFormat) throws {
        let dir = try Fixtures.temporaryFolder("gbk-walk")
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = try Fixtures.bytes(Fixtures.root.appendingPathComponent("docx/seed000-word.docx"))
        let folder = Array(dir.path.utf8) + [0x2F, 0xB1, 0xA8]            // 报 in GBK
        #expect(Self.cString(folder).withUnsafeBufferPointer { mkdir($0.baseAddress!, 0o755) } == 0)
        for name: [UInt8] in [[0xC4, 0xEA, 0xB6, 0xC8] + Array(".docx".utf8), Array("plain.docx".utf8)] {  // 年度.docx
            let fd = Self.cString(folder + [0x2F] + name).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
            #expect(fd >= 0)
            _ = seed.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        let out = dir.appendingPathComponent("out.\(format.rawValue)")
        let summary = try BatchRunner.run(BatchOptions(inputs: [dir.path], output: out.path, format: format, jobs: 2))
        #expect(summary.found == 2, "not skipped")
        #expect(summary.converted == 2, "opened by their bytes")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains(dir.path + "/\\\\xB1\\\\xA8/\\\\xC4\\\\xEA\\\\xB6\\\\xC8.docx") || text.contains(dir.path + "/\\xB1\\xA8/\\xC4\\xEA\\xB6\\xC8.docx"),
                "the record names it with its bytes escaped")
        // The same names again: the output is deterministic, and --resume finds both done.
        let again = try BatchRunner.run(BatchOptions(inputs: [dir.path], output: out.path, format: format, jobs: 1, resume: true))
        #expect(again.skipped == 2)
        #expect(try String(contentsOf: out, encoding: .utf8) == text)
    }
}
