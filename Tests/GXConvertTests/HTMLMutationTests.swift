import Foundation
import Testing
import GXTestSupport
import GXConvert
import GXModel

/// Damaged copies of the HTML fixtures — truncated, with bytes flipped, tags dropped or spans
/// inflated, from a fixed pseudo-random sequence — are read or refused with a code, never a crash.
@Suite struct HTMLMutationTests {
    struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    static let mutations: [String] = ["truncate", "flip", "drop-close-tags", "inflate-spans", "splice"]

    @Test(arguments: mutations)
    func damagedPagesNeverCrash(_ mutation: String) throws {
        var rng = LCG(state: mutation.utf8.reduce(UInt64(7)) { $0 &* 31 &+ UInt64($1) })
        let pages = try Fixtures.files("html", ext: "html").map { try Fixtures.bytes($0) }
        for round in 0..<16 {
            var bytes = pages[round % pages.count]
            switch mutation {
            case "truncate":
                bytes = Array(bytes.prefix(rng.next(bytes.count)))
            case "flip":
                for _ in 0..<32 { let i = rng.next(bytes.count); bytes[i] = UInt8(truncatingIfNeeded: rng.next(256)) }
            case "drop-close-tags":
                var text = String(decoding: bytes, as: UTF8.self)
                for tag in ["</td>", "</tr>", "</table>", "</p>", "</div>"] where rng.next(2) == 0 {
                    text = text.replacingOccurrences(of: tag, with: "")
                }
                bytes = Array(text.utf8)
            case "inflate-spans":
                var text = String(decoding: bytes, as: UTF8.self)
                text = text.replacingOccurrences(of: "rowspan=\"", with: "rowspan=\"9\(rng.next(99999))")
                text = text.replacingOccurrences(of: "colspan=\"", with: "colspan=\"\(rng.next(9))0")
                bytes = Array(text.utf8)
            default:
                let other = pages[rng.next(pages.count)]
                let a = rng.next(bytes.count), b = rng.next(other.count)
                bytes = Array(bytes[..<a]) + Array(other[b...])
            }
            do {
                let report = try Converter.report(bytes, path: "m.html", options: ConvertOptions(format: .html))
                #expect(report.source.format == .html)
            } catch let error as GXError {
                #expect([.xml, .encoding, .limit, .empty, .noReport].contains(error.code), "\(mutation) round \(round): \(error)")
            }
        }
    }
}
