import Testing
import GXModel
import GXTemplate

/// Cells that look numeric but must not become a number (issue 20 §1, §5).
@Suite struct NumberRefusalTests {
    @Test(arguments: ["1\n2", "1\t2", "1 2", "0 8", "8\u{3000}0", "1\r\n2", "１ ２", "12 3,456"])
    func twoNumbersInOneCellAreText(_ text: String) {
        let reading = CellReader.read(text)
        #expect(reading.kind == .text, "\(text.debugDescription) read as \(reading.kind)")
        #expect(CellReader.refusal(text)?.contains("more than one number") == true)
    }

    @Test(arguments: ["10000000000000000000", "9223372036854775807", "1234567890123456", "1,234,567,890,123,456", "123456789012.3456"])
    func moreThanFifteenDigitsIsText(_ text: String) {
        #expect(CellReader.read(text).kind == .text)
        #expect(CellReader.refusal(text)?.contains("15 digits") == true)
    }

    @Test(arguments: [("13", "13"), (" 13 ", "13"), ("- 1", "-1"), ("1,234", "1234"), ("999999999999999", "999999999999999"),
                      ("0000000000000000001", "1"), ("256.1789", "256.1789"), ("１３", "13")])
    func oneNumberStillReads(_ text: String, _ canonical: String) {
        let reading = CellReader.read(text)
        #expect(reading.kind == .number)
        #expect(reading.number?.canonical == canonical)
        #expect(CellReader.refusal(text) == nil)
    }

    @Test func wordsAreNoRefusal() {
        #expect(CellReader.refusal("规章") == nil)
        #expect(CellReader.refusal("") == nil)
        #expect(CellReader.refusal("3 件") == nil)
    }
}
