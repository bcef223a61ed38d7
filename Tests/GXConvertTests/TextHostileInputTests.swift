import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXModel

/// Bad text gets a coded error, never a crash or a made-up report.
@Suite struct TextHostileInputTests {
    func code(_ bytes: [UInt8], format: SourceFormat? = .text) -> GXErrorCode? {
        do {
            _ = try Converter.report(bytes, path: "bad.txt", options: ConvertOptions(format: format))
            return nil
        } catch let error as GXError {
            #expect(error.file == "bad.txt")
            return error.code
        } catch {
            Issue.record("untyped error \(error)")
            return nil
        }
    }

    @Test func invalidUTF8IsAnEncodingError() {
        // Lone continuation bytes and an overlong form: neither UTF-8 nor GB18030 Chinese text.
        #expect(code([0x41, 0x80, 0x80, 0xC0, 0xAF, 0xFF, 0xFE, 0x42] + Array("一、总体情况".utf8)) == .encoding)
    }

    @Test func nulHeavyBinaryIsAnEncodingError() {
        var bytes = [UInt8](repeating: 0, count: 4096)
        for i in stride(from: 0, to: bytes.count, by: 7) { bytes[i] = UInt8(i % 251) }
        #expect(code(bytes) == .encoding)
        #expect(code(bytes, format: nil) == .encoding, "sniffed as text, still refused")
    }

    @Test func controlCharacterSoupIsAnEncodingError() {
        let bytes = (0..<4000).map { UInt8(1 + $0 % 8) }
        #expect(code(bytes) == .encoding)
    }

    @Test func anEnormousLineIsALimitError() {
        let bytes = Array("一、总体情况\n".utf8) + [UInt8](repeating: 0x41, count: (1 << 20) + 10) + [0x0A]
        #expect(code(bytes) == .limit)
    }

    @Test func emptyAndBadUTF16() {
        #expect(code([]) == .empty)
        #expect(code([0xFF, 0xFE, 0x41]) == .encoding, "odd length")
        #expect(code([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]) == .encoding, "unpaired surrogate")
        #expect(code([0xEF, 0xBB, 0xBF, 0xC3, 0x28]) == .encoding, "BOM then invalid UTF-8")
    }

    @Test func randomBytesNeverCrash() {
        var state: UInt64 = 0x9E3779B97F4A7C15
        for round in 0..<200 {
            var bytes: [UInt8] = []
            let n = 1 + round * 37 % 3000
            for _ in 0..<n {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 33))
            }
            _ = code(bytes)
        }
    }

    @Test func mangledSeedsNeverCrashOrInventNumbers() throws {
        // Truncations and shuffled lines of a real report: whatever is read, no number appears that
        // the text did not print or the equations did not force.
        let seed = try String(contentsOf: Fixtures.root.appendingPathComponent("text/seed001.txt"), encoding: .utf8)
        var lines = seed.components(separatedBy: "\n")
        for k in stride(from: 0, to: lines.count, by: 5) {
            let cut = lines.prefix(k).joined(separator: "\n")
            if let report = try? Converter.report(Array(cut.utf8), path: "cut.txt", options: ConvertOptions(format: .text)) {
                for cell in report.tables.flatMap(\.cells) where cell.kind == .number && cell.repair == nil {
                    #expect(seed.contains(cell.text), "\(cell.path) = \(cell.text)")
                }
            }
        }
        lines.swapAt(45, 55)
        _ = try? Converter.report(Array(lines.joined(separator: "\n").utf8), path: "swap.txt")
    }
}
