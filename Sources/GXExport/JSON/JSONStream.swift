/// Writes JSON straight into bytes, member by member: the layout (commas, and for pretty output
/// newlines and two-space indents) lives here and only here. A report's few hundred cells and its
/// prose go through it without any tree in between; `JSONValue` trees are written through it too.
public struct JSONStream {
    let out: ByteBuffer
    private let pretty: Bool
    private var depth = 0
    /// Nothing written yet in the innermost open container. One flag is enough: a container just
    /// closed is a value just written into its parent.
    private var first = true

    init(pretty: Bool) {
        self.pretty = pretty
        out = ByteBuffer()
    }

    /// The bytes written, ending in a newline if `newline`.
    func bytes(newline: Bool) -> [UInt8] {
        if newline { out.append(0x0A) }
        return out.bytes
    }

    public mutating func openObject() { open(0x7B) }
    public mutating func closeObject() { close(0x7D) }
    public mutating func openArray() { open(0x5B) }
    public mutating func closeArray() { close(0x5D) }

    /// Starts the next array element.
    public mutating func element() {
        let comma = !first, indent = pretty ? depth * 2 : -1
        first = false
        out.write(indent + 3) { JSONStream.separate($0, comma: comma, indent: indent) }
    }

    /// Starts the next object member; `name` must need no escaping (the writers' keys are plain
    /// ASCII names).
    public mutating func key(_ name: StaticString) {
        member(name.utf8Start, name.utf8CodeUnitCount)
    }

    /// Starts the next object member named by data (a row or column key).
    public mutating func key(text name: String) {
        JSONEscape.withUTF8(name) { utf8 in
            if let p = utf8.baseAddress, JSONEscape.isPlain(utf8) { member(p, utf8.count); return }
            element()
            JSONEscape.quoted(name, into: out)
            colon()
        }
    }

    /// The separator, the quoted name (needing no escaping) and the colon, with room made once.
    private mutating func member(_ name: UnsafePointer<UInt8>, _ n: Int) {
        let comma = !first, indent = pretty ? depth * 2 : -1
        first = false
        out.write(indent + n + 7) { p in
            let q = JSONStream.separate(p, comma: comma, indent: indent)
            q.pointee = 0x22
            let end = ByteBuffer.copy(name, n, to: q + 1)
            end[0] = 0x22
            end[1] = 0x3A
            if indent < 0 { return end + 2 }
            end[2] = 0x20
            return end + 3
        }
    }

    public mutating func string(_ s: String) { JSONEscape.quoted(s, into: out) }

    /// `a.b.c` as one string (a cell path), without building it.
    public mutating func string(_ a: String, _ b: String, _ c: String, joinedBy separator: UInt8) {
        let out = out
        JSONEscape.withUTF8(a) { a in
            JSONEscape.withUTF8(b) { b in
                JSONEscape.withUTF8(c) { c in
                    guard JSONEscape.isPlain(a), JSONEscape.isPlain(b), JSONEscape.isPlain(c) else {
                        out.append(0x22)
                        JSONEscape.body(a, into: out)
                        out.append(separator)
                        JSONEscape.body(b, into: out)
                        out.append(separator)
                        JSONEscape.body(c, into: out)
                        out.append(0x22)
                        return
                    }
                    out.write(a.count + b.count + c.count + 4) { p in
                        p.pointee = 0x22
                        var end = JSONStream.copy(a, to: p + 1)
                        end.pointee = separator
                        end = JSONStream.copy(b, to: end + 1)
                        end.pointee = separator
                        end = JSONStream.copy(c, to: end + 1)
                        end.pointee = 0x22
                        return end + 1
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func copy(_ bytes: UnsafeBufferPointer<UInt8>, to p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        guard let base = bytes.baseAddress else { return p }
        return ByteBuffer.copy(base, bytes.count, to: p)
    }

    public mutating func int(_ i: Int) { out.appendDecimal(i) }
    /// Digits written exactly as given.
    public mutating func number(_ n: String) { out.append(utf8: n) }
    public mutating func bool(_ b: Bool) { if b { out.append(ascii: "true") } else { out.append(ascii: "false") } }
    public mutating func null() { out.append(ascii: "null") }

    public mutating func string(orNull s: String?) { if let s { string(s) } else { null() } }
    public mutating func int(orNull i: Int?) { if let i { int(i) } else { null() } }

    public mutating func strings(_ items: [String]) {
        openArray()
        for s in items { element(); string(s) }
        closeArray()
    }

    /// A tree, with the same layout as the members written one by one.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let i): int(i)
        case .number(let n): number(n)
        case .string(let s): string(s)
        case .stream(let body): body(&self)
        case .array(let items):
            openArray()
            for item in items { element(); self.value(item) }
            closeArray()
        case .object(let members):
            openObject()
            for (name, item) in members { key(text: name); self.value(item) }
            closeObject()
        }
    }

    private mutating func colon() {
        out.append(0x3A)
        if pretty { out.append(0x20) }
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        first = true
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !first { newline() }
        out.append(bracket)
        first = false
    }

    private mutating func newline() {
        guard pretty else { return }
        let indent = depth * 2
        out.write(indent + 1) { JSONStream.separate($0, comma: false, indent: indent) }
    }

    /// Writes the comma if `comma`, then (pretty output, `indent` ≥ 0) a newline and `indent`
    /// spaces; at most `indent + 2` bytes.
    @inline(__always)
    private static func separate(_ p: UnsafeMutablePointer<UInt8>, comma: Bool, indent: Int) -> UnsafeMutablePointer<UInt8> {
        var p = p
        if comma { p.pointee = 0x2C; p += 1 }
        guard indent >= 0 else { return p }
        p.pointee = 0x0A
        (p + 1).update(repeating: 0x20, count: indent)
        return p + 1 + indent
    }
}
