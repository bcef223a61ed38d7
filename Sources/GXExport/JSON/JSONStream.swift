/// Writes JSON straight into bytes, member by member, with exactly the layout `JSONWriter` gives a
/// tree: for the few hundred cells of every report, building tree nodes only to serialise them
/// was most of the JSON cost.
public struct JSONStream {
    var buffer: [UInt8] = []
    private let pretty: Bool
    private var depth: Int
    /// Per open container: nothing written in it yet.
    private var empty: [Bool] = []

    init(indent: Int) {
        pretty = indent >= 0
        depth = max(indent, 0)
    }

    public mutating func openObject() { open(0x7B) }
    public mutating func closeObject() { close(0x7D) }
    public mutating func openArray() { open(0x5B) }
    public mutating func closeArray() { close(0x5D) }

    /// Starts the next array element.
    public mutating func element() {
        if empty[empty.count - 1] { empty[empty.count - 1] = false } else { buffer.append(0x2C) }
        newline()
    }

    /// Starts the next object member.
    public mutating func key(_ name: String) {
        element()
        JSONWriter.escape(name, into: &buffer)
        buffer.append(0x3A)
        if pretty { buffer.append(0x20) }
    }

    public mutating func string(_ s: String) { JSONWriter.escape(s, into: &buffer) }
    public mutating func int(_ i: Int) { buffer.append(contentsOf: String(i).utf8) }
    public mutating func number(_ n: String) { buffer.append(contentsOf: n.utf8) }
    public mutating func bool(_ b: Bool) { buffer.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8)) }
    public mutating func null() { buffer.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    private mutating func open(_ bracket: UInt8) {
        buffer.append(bracket)
        empty.append(true)
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !empty.removeLast() { newline() }
        buffer.append(bracket)
    }

    private mutating func newline() {
        guard pretty else { return }
        buffer.append(0x0A)
        for _ in 0..<(depth * 2) { buffer.append(0x20) }
    }
}
