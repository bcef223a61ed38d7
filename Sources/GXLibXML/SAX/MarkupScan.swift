/// One linear pass over XML or HTML bytes before libxml2 sees them, for what libxml2 itself costs
/// too much to meet: libxml2 2.9 checks each new attribute of a start tag against every earlier
/// one (O(n²) per element), so one tag with 200,000 attributes takes minutes before any callback
/// of ours runs. The scan counts attribute-like tokens per tag and stops at the first tag over the cap.
enum MarkupScan {
    /// The first start tag holding more than `cap` attributes: its 1-based line, or nil when none does.
    /// Comments, CDATA sections, processing instructions and declarations are skipped; quotes inside
    /// a tag are honoured (a `>` in a value does not end it). Tokens are counted where white space
    /// gives way to anything else inside a tag, which also counts HTML's value-less attributes and
    /// can only over-count (`a = "x"`), never under-count.
    static func tagOverAttributeCap(_ bytes: UnsafeBufferPointer<UInt8>, cap: Int) -> Int? {
        let n = bytes.count
        var i = 0
        var line = 1
        @inline(__always) func skip(past terminator: [UInt8]) {
            while i < n {
                if bytes[i] == 0x0A { line += 1 }
                if bytes[i] == terminator[0], i + terminator.count <= n {
                    var k = 1
                    while k < terminator.count, bytes[i + k] == terminator[k] { k += 1 }
                    if k == terminator.count { i += terminator.count; return }
                }
                i += 1
            }
        }
        while i < n {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            guard b == 0x3C, i + 1 < n else { i += 1; continue }  // <
            let next = bytes[i + 1]
            if next == 0x21 {  // <!-- … -->, <![CDATA[ … ]]>, <!DOCTYPE …>
                if i + 3 < n, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D { i += 4; skip(past: [0x2D, 0x2D, 0x3E]); continue }
                if i + 8 < n, bytes[i + 2] == 0x5B { i += 3; skip(past: [0x5D, 0x5D, 0x3E]); continue }
                i += 2; skip(past: [0x3E]); continue
            }
            if next == 0x3F { i += 2; skip(past: [0x3F, 0x3E]); continue }  // <? … ?>
            // A start tag: a name, then attributes until `>` outside quotes.
            guard (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A || next >= 0x80 || next == 0x5F || next == 0x3A else { i += 1; continue }
            let startLine = line
            i += 1
            var tokens = 0
            var inSpace = false
            var quote: UInt8 = 0
            while i < n {
                let c = bytes[i]
                if c == 0x0A { line += 1 }
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == 0x22 || c == 0x27 {
                    quote = c
                } else if c == 0x3E {
                    break
                } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                    inSpace = true
                } else if inSpace, c != 0x2F {
                    inSpace = false
                    tokens += 1
                    if tokens > cap { return startLine }
                }
                i += 1
            }
            i += 1
        }
        return nil
    }
}
