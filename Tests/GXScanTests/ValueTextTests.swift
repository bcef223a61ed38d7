import Testing
@testable import GXScan

@Suite struct ValueTextTests {
    @Test func numericReadingsAndLookAlikes() {
        #expect(ValueText.looksNumeric("12"))
        #expect(ValueText.looksNumeric("1O"))
        #expect(!ValueText.looksNumeric("O"))
        #expect(!ValueText.looksNumeric("规章"))
        #expect(ValueText.fold("1O") == "10")
        #expect(ValueText.fold("1,234") == "1234")
        #expect(ValueText.digits("12\n") == "12")
        #expect(ValueText.digits("1.5") == "1.5")
        #expect(ValueText.digits("1..5") == nil)
        #expect(ValueText.digits("") == nil)
    }

    @Test func cleaningDropsSpacesOCRPutsBetweenChineseCharacters() {
        #expect(ScanText.clean("行 政 机 关\n收 到") == "行政机关收到")
        #expect(ScanText.clean("2 0") == "2 0")
        #expect(ScanText.clean(" 第二十条第 （一） 项 ") == "第二十条第（一）项")
    }
}
