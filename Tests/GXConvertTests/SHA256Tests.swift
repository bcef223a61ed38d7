import Foundation
import Testing
import GXTestSupport
import GXConvert

/// `source.sha256` must be the real SHA-256: users match it against their own files.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        // 56 bytes: the padding needs a second block.
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func standardVectors(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func aMillionAsAndAFixtureMatchHashlib() throws {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        let bytes = try Fixtures.bytes(Fixtures.root.appendingPathComponent("docx/seed000-word.docx"))
        #expect(SHA256.hex(bytes) == "71e61a4c9eac1674a7f6a49747102567282f17dcc0d5b8c1578df05260c7a816")
    }
}
