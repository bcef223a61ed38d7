/// OCR text tidied for the model: tesseract puts spaces between Chinese characters and breaks a
/// wrapped label into lines; neither was printed.
enum ScanText {
    static func clean(_ raw: String) -> String {
        var out: [Character] = []
        var pendingSpace = false
        for c in raw {
            if c.isWhitespace { pendingSpace = !out.isEmpty; continue }
            if pendingSpace, let last = out.last, last.isASCII, c.isASCII, last.isLetter || last.isNumber, c.isLetter || c.isNumber {
                out.append(" ")
            }
            pendingSpace = false
            out.append(c)
        }
        return String(out)
    }
}
