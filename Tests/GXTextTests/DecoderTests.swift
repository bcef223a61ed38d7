import Testing
import GXModel
@testable import GXText

@Suite struct DecoderTests {
    @Test func utf8WithAndWithoutBOM() throws {
        let body = Array("一、总体情况\n".utf8)
        #expect(try TextDecoder.decode(body).encoding == .utf8)
        #expect(try TextDecoder.decode([0xEF, 0xBB, 0xBF] + body).text == "一、总体情况\n")
    }
}
