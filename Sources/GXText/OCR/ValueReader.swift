import GXModel
import GXTemplate

/// Reads one field as a table value. Clean text (exports, pdftotext) reads exactly as spec §5 says;
/// OCR text additionally sheds stray quote or rule marks around a number and reads a lone `o`/`O`/`〇`
/// as 0 — marked as substituted, so the value stays *uncertain*. Mixed confusables (`olo`, `lo1n`,
/// `1o`) are never guessed: they are noise, and the row's count tells the rest.
enum ValueReader {
    static let zeroLike: Set<String> = ["o", "O", "〇", "○", "◯", "О", "о"]
    static let edgeJunk: Set<Character> = ["“", "”", "\"", "'", "‘", "’", "`", ",", "，", "、", ":", "：", ";", "；",
                                           "(", ")", "（", "）", "[", "]", "{", "}", "〈", "〉", "《", "》", "_", "~", "*", "!", "!", "|"]

    static func read(_ text: String, ocr: Bool) -> (text: String, substituted: Bool)? {
        let reading = CellReader.read(text)
        if !ocr { return reading.kind == .number || reading.kind == .na ? (text, false) : nil }
        if reading.kind == .number {
            // OCR: only plain digits count; `0922…` or ten digits in a count cell are debris.
            let folded = TextFold.fold(text)
            guard folded.count <= 7, !(folded.count > 1 && folded.hasPrefix("0") && !folded.hasPrefix("0.")) else { return nil }
            return (folded, folded != text)
        }
        if reading.kind == .na { return (text, false) }
        if zeroLike.contains(text) { return ("0", true) }
        var s = Substring(text)
        while let f = s.first, edgeJunk.contains(f) { s = s.dropFirst() }
        while let l = s.last, edgeJunk.contains(l) || l == "." { s = s.dropLast() }
        guard !s.isEmpty, s.count < text.count else { return nil }
        let core = String(s)
        if zeroLike.contains(core) { return ("0", true) }
        if CellReader.read(core).kind == .number, core.allSatisfy({ $0.isASCII }) { return (core, true) }
        return nil
    }

    /// Debris that cannot hide a digit: punctuation and rule marks only (`>`, `、`, `“`, `-`).
    static func isHarmless(_ text: String) -> Bool {
        text.allSatisfy { !$0.isLetter && !$0.isNumber }
    }

    /// OCR debris: no Chinese character and not a value (`TV`, `WIN`, `olo`, `“`, `，`).
    static func isNoise(_ text: String) -> Bool {
        !text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}
