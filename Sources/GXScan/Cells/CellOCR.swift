import GXImaging
import GXModel
import GXTemplate

/// Reads one table cell on its own. A cell with no ink is blank (never OCR'd, never a zero).
/// Every other cell is read with the label language first; a cell that reads as a number is read
/// again with a digits-only whitelist, and its value is kept only when both readings agree and
/// the digits pass is confident. Otherwise the value is lost: a wrong number is worse than none.
enum CellOCR {
    static let digitWhitelist = "0123456789.,"
    /// Below this mean word confidence (0–100) a digits reading is not kept.
    static let minimumValueConfidence = 70.0

    /// White added around a cell before it is read (see `OCREngine.recognize`): a tenth of an inch.
    static func margin(dpi: Int) -> Int { max(8, dpi / 10) }

    static func read(_ box: PixelBox, binary: Raster, dpi: Int, engines: Engines) -> ScannedCell {
        let inner = box.inset(by: max(2, dpi / 60))
        let margin = margin(dpi: dpi)
        let minInk = max(6, dpi * dpi / 1500)
        guard binary.count(in: inner) >= minInk else {
            return ScannedCell(box: box, text: "", confidence: 100, quality: nil)
        }
        let label = engines.text.recognize(inner, singleLine: false, margin: margin)
        let text = ScanText.clean(label.text)
        let compact = String(text.filter { !$0.isWhitespace })
        guard ValueText.looksNumeric(compact) || ValueText.isShortConfusable(compact) else {
            // Ink the label pass reads as nothing is most often a lone `1` (chi_sim does not read
            // it): the digits engine may confirm it. One or two characters read with doubt are
            // more likely a number misread (`1` → `上`) than a label, but which number is not
            // known (a blurred `3` the digits engine reads as `8` both ways): the cell is lost.
            if compact.isEmpty {
                return readWithoutLabelPass(box, inner: inner, margin: margin, labelConfidence: label.confidence, engines: engines)
            }
            if compact.count <= 2, label.confidence < 75, !CellReader.isNotApplicable(compact) {
                engines.digits.setWhitelist(digitWhitelist)
                let pass = engines.digits.recognize(inner, singleLine: true, margin: margin)
                let digits = ValueText.digits(pass.text).map { " / \($0)" } ?? ""
                return ScannedCell(box: box, text: "", confidence: Int(min(pass.confidence, label.confidence)),
                                   quality: ReadQuality(.lost, seen: compact + digits,
                                                        note: "read as \(compact) with confidence \(Int(label.confidence)) only"))
            }
            return ScannedCell(box: box, text: text, confidence: Int(label.confidence), quality: nil)
        }
        engines.digits.setWhitelist(digitWhitelist)
        let pass = engines.digits.recognize(inner, singleLine: true, margin: margin)
        let digits = ValueText.digits(pass.text)
        let folded = ValueText.fold(compact)
        if digits != folded {
            // A number too wide for its column wraps (`131` over `6`): read as one line, the
            // digits pass sees only part of it. Read as a block, its lines joined, it must give
            // the label pass's number exactly.
            let block = engines.digits.recognize(inner, singleLine: false, margin: margin)
            if ValueText.digits(block.text) == folded, block.confidence >= minimumValueConfidence {
                let confidence = Int(min(block.confidence, label.confidence).rounded())
                return ScannedCell(box: box, text: folded, confidence: confidence,
                                   quality: ReadQuality(.uncertain, seen: folded, note: "OCR confidence \(confidence), read as a block of lines"))
            }
        }
        let confidence = Int(min(pass.confidence, label.confidence).rounded())
        let seen = compact == digits ? compact : "\(compact) / \(digits ?? ScanText.clean(pass.text))"
        guard let digits else {
            return ScannedCell(box: box, text: "", confidence: confidence,
                               quality: ReadQuality(.lost, seen: seen, note: "the digits pass read no number"))
        }
        guard folded == digits else {
            return ScannedCell(box: box, text: "", confidence: confidence,
                               quality: ReadQuality(.lost, seen: seen, note: "the two OCR passes disagree"))
        }
        guard pass.confidence >= minimumValueConfidence else {
            return ScannedCell(box: box, text: "", confidence: confidence,
                               quality: ReadQuality(.lost, seen: seen, note: "OCR confidence \(Int(pass.confidence)) is below \(Int(minimumValueConfidence))"))
        }
        return ScannedCell(box: box, text: digits, confidence: confidence,
                           quality: ReadQuality(.uncertain, seen: digits, note: "OCR confidence \(confidence)"))
    }

    /// A cell with ink that the label pass read as nothing. The digits engine reads it twice:
    /// held to digits, and free to read any character. Only when the free reading is the same
    /// plain number, both confident, is it kept: a `/`, a dash or a speck that the whitelist would
    /// force into a digit reads as itself when free.
    private static func readWithoutLabelPass(_ box: PixelBox, inner: PixelBox, margin: Int,
                                             labelConfidence: Double, engines: Engines) -> ScannedCell {
        engines.digits.setWhitelist(digitWhitelist)
        let held = engines.digits.recognize(inner, singleLine: true, margin: margin)
        guard let digits = ValueText.digits(held.text) else {
            return ScannedCell(box: box, text: "", confidence: Int(min(held.confidence, labelConfidence)),
                               quality: ReadQuality(.lost, seen: "", note: "ink that no OCR pass reads"))
        }
        engines.digits.setWhitelist("")
        let free = engines.digits.recognize(inner, singleLine: false, margin: margin)
        let freeText = ScanText.clean(free.text)
        let confidence = Int(min(held.confidence, free.confidence).rounded())
        guard ValueText.digits(freeText) == digits, held.confidence >= minimumValueConfidence,
              free.confidence >= minimumValueConfidence else {
            return ScannedCell(box: box, text: "", confidence: confidence,
                               quality: ReadQuality(.lost, seen: "\(digits) / \(freeText)",
                                                    note: "the label pass read nothing; the digits engine's two readings do not confirm \(digits)"))
        }
        return ScannedCell(box: box, text: digits, confidence: confidence,
                           quality: ReadQuality(.uncertain, seen: digits,
                                                note: "OCR confidence \(confidence); the label pass read nothing, the digits engine read \(digits) both held to digits and free"))
    }
}

/// What a value cell's OCR text is allowed to be.
enum ValueText {
    /// Characters the label pass prints for digits it is unsure of.
    static let confusables: [Character: Character] = ["O": "0", "o": "0", "D": "0", "〇": "0", "l": "1", "I": "1", "|": "1",
                                                      "i": "1", "Z": "2", "S": "5", "s": "5", "B": "8", "g": "9"]

    /// Digits (or their look-alikes) and number punctuation only, with at least one digit.
    static func looksNumeric(_ text: String) -> Bool {
        guard !text.isEmpty, text.contains(where: \.isASCIIDigit) else { return false }
        return text.allSatisfy { $0.isASCIIDigit || $0 == "." || $0 == "," || confusables[$0] != nil }
    }

    /// One or two look-alikes with no digit at all (`O`, `口`): possibly a number misread.
    static func isShortConfusable(_ text: String) -> Bool {
        text.count <= 2 && text.allSatisfy { confusables[$0] != nil || $0 == "口" }
    }

    /// The label pass's reading with look-alikes folded to digits and thousands commas removed.
    static func fold(_ text: String) -> String {
        String(text.compactMap { c -> Character? in c == "," ? nil : (confusables[c] ?? c) })
    }

    /// The digits pass's reading as a plain number (`12`, `3.5`), or nil.
    static func digits(_ raw: String) -> String? {
        let s = String(raw.filter { !$0.isWhitespace && $0 != "," })
        guard !s.isEmpty, s.allSatisfy({ $0.isASCIIDigit || $0 == "." }),
              s.first != ".", s.last != ".", s.filter({ $0 == "." }).count <= 1 else { return nil }
        return s
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
