import Testing
import GXModel
@testable import GXHTML

/// We decide the encoding — BOM, meta charset, http-equiv, UTF-8 validity — and GBK labels read as
/// GB18030, so characters only GBK has (堃, 镕) survive; a page whose bytes contradict its label is
/// read by its bytes, with a diagnostic.
@Suite struct EncodingTests {
    static let text = "堃溪镇人民政府 朱镕基 2023年"

    static func gbk(_ s: String) throws -> [UInt8] {
        let out = try Transcoder.fromUTF8(Array(s.utf8), to: .gb18030)
        return out
    }

    static func page(charset: String, httpEquiv: Bool) -> String {
        let meta = httpEquiv ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\(charset)\">" : "<meta charset=\"\(charset)\">"
        return "<html><head>\(meta)<title>x</title></head><body><p>\(text)</p></body></html>"
    }

    @Test(arguments: ["gb2312", "GBK", "gb18030"], [true, false])
    func gbkLabelsReadAsGB18030(_ label: String, _ httpEquiv: Bool) throws {
        let bytes = try Self.gbk(Self.page(charset: label, httpEquiv: httpEquiv))
        let decoded = try PageDecoder.decode(bytes)
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.evidence == (httpEquiv ? .httpEquiv : .metaCharset))
        #expect(decoded.diagnostics.isEmpty)
        let doc = try HTMLReader.read(bytes)
        #expect(Page.paragraphs(doc).first?.text == Self.text)
    }

    @Test func aUTF8PageLabelledGB2312IsReadAsUTF8WithAWarning() throws {
        let bytes = Array(Self.page(charset: "gb2312", httpEquiv: true).utf8)
        let doc = try HTMLReader.read(bytes)
        #expect(Page.paragraphs(doc).first?.text == Self.text)
        #expect(doc.diagnostics.contains { $0.code == "GX-W-ENCODING-MISMATCH" })
    }

    @Test func aGBKPageLabelledUTF8IsReadAsGBKWithAWarning() throws {
        let bytes = try Self.gbk(Self.page(charset: "utf-8", httpEquiv: false))
        let doc = try HTMLReader.read(bytes)
        #expect(Page.paragraphs(doc).first?.text == Self.text)
        #expect(doc.diagnostics.contains { $0.code == "GX-W-ENCODING-MISMATCH" })
    }

    @Test func anUnlabelledGBKPageIsGuessed() throws {
        let bytes = try Self.gbk("<html><body><p>\(Self.text)</p></body></html>")
        let doc = try HTMLReader.read(bytes)
        #expect(Page.paragraphs(doc).first?.text == Self.text)
        #expect(doc.diagnostics.contains { $0.code == "GX-I-ENCODING-GUESSED" })
    }

    @Test func byteOrderMarksWin() throws {
        let utf8 = [0xEF, 0xBB, 0xBF] + Array(Self.page(charset: "gb2312", httpEquiv: true).utf8)
        #expect(try PageDecoder.decode(utf8).encoding == .utf8)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in Self.page(charset: "utf-8", httpEquiv: false).utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let doc = try HTMLReader.read(utf16)
        #expect(Page.paragraphs(doc).first?.text == Self.text)
    }

    @Test func aFewDamagedBytesInAUTF8PageAreReplacedAndReported() throws {
        var bytes = Array(Page.body("<p>\(String(repeating: "政府信息公开", count: 40))</p>").utf8)
        bytes.insert(0xFF, at: bytes.count / 2)
        let doc = try HTMLReader.read(bytes)
        #expect(doc.diagnostics.contains { $0.code == "GX-W-ENCODING-INVALID" })
        #expect(Page.paragraphs(doc).first?.text.contains("\u{FFFD}") == true)
    }

    @Test func garbageIsAnEncodingOrMarkupError() throws {
        var state: UInt32 = 12345
        let junk: [UInt8] = (0..<4096).map { _ in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16)
        } + [UInt8](repeating: 0, count: 256)
        do {
            _ = try HTMLReader.read(junk)
            Issue.record("binary junk was accepted")
        } catch let error as GXError {
            #expect(error.code == .encoding || error.code == .xml, "\(error)")
        }
    }

    @Test func bytesValidInNoEncodingAreAnEncodingError() throws {
        let bytes = Array("<html><body><p>".utf8) + [UInt8](repeating: 0xFF, count: 2000) + Array("</p></body></html>".utf8)
        #expect { try HTMLReader.read(bytes) } throws: { ($0 as? GXError)?.code == .encoding }
    }

    @Test func aUTF16LabelOnAnASCIICompatiblePageMeansUTF8() throws {
        let doc = try HTMLReader.read(Array(Self.page(charset: "utf-16", httpEquiv: false).utf8))
        #expect(Page.paragraphs(doc).first?.text == Self.text)
    }

    @Test func aGBKPageLabelledLatin1IsReadAsGBK() throws {
        let bytes = try Self.gbk(Self.page(charset: "iso-8859-1", httpEquiv: true))
        let doc = try HTMLReader.read(bytes)
        #expect(Page.paragraphs(doc).first?.text == Self.text)
        #expect(doc.diagnostics.contains { $0.code == "GX-W-ENCODING-MISMATCH" })
    }
}
