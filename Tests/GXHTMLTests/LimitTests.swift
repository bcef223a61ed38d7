import Testing
import GXModel
@testable import GXHTML

/// Fixed ceilings, checked with small limits so the tests stay cheap.
@Suite struct HTMLLimitTests {
    @Test func elementCountIsCapped() throws {
        var limits = ReadLimits()
        limits.maxXMLElements = 10_000
        let html = "<html><body>" + String(repeating: "<b>x</b>", count: 20_000) + "</body></html>"
        #expect { try HTMLReader.read(Array(html.utf8), limits: limits) } throws: { ($0 as? GXError)?.code == .limit }
    }

    @Test func depthIsCapped() throws {
        var limits = ReadLimits()
        limits.maxXMLDepth = 40
        let html = "<html><body>" + String(repeating: "<div>", count: 50) + "x" + String(repeating: "</div>", count: 50) + "</body></html>"
        #expect { try HTMLReader.read(Array(html.utf8), limits: limits) } throws: { ($0 as? GXError)?.code == .limit }
        let shallow = "<html><body>" + String(repeating: "<div>", count: 30) + "x" + String(repeating: "</div>", count: 30) + "</body></html>"
        #expect(try HTMLReader.read(Array(shallow.utf8), limits: limits).blocks.count == 1)
    }

    @Test func tableRowsAreCapped() throws {
        var limits = ReadLimits()
        limits.maxTableRows = 100
        let html = "<table>" + String(repeating: "<tr><td>1</td></tr>", count: 101) + "</table>"
        #expect { try HTMLReader.read(Array(html.utf8), limits: limits) } throws: { ($0 as? GXError)?.code == .limit }
    }

    @Test func inputSizeIsCapped() throws {
        var limits = ReadLimits()
        limits.maxInputBytes = 1000
        let html = "<p>" + String(repeating: "a", count: 2000) + "</p>"
        #expect { try HTMLReader.read(Array(html.utf8), limits: limits) } throws: { ($0 as? GXError)?.code == .limit }
    }
}
