/// What a handler made of each name libxml2 handed it (a String, an element enum, a namespace),
/// keyed by the name's address. libxml2's XML and HTML parsers hand element names and namespace
/// URIs out of the parse's dictionary (or as static literals for implied `html`/`body`/`p`), and a
/// dictionary frees nothing until its parse ends; so, for a cache that lives no longer than one
/// parse, one address is one name. Each name is then read and classified once per parse, and
/// every later sighting costs a hash of its address.
///
/// Open addressing over 256 slots; past 192 names the rest are classified every time.
public struct InternedNames<Value> {
    @usableFromInline var keys = [UnsafeRawPointer?](repeating: nil, count: 256)
    @usableFromInline var values: [Value?] = Array(repeating: nil, count: 256)
    @usableFromInline var filled = 0

    public init() {}

    @inlinable
    public mutating func value(of name: SAXName, _ classify: (SAXName) -> Value) -> Value {
        let key = UnsafeRawPointer(name.pointer)
        // Interned names sit a few bytes apart, so the address is mixed rather than shifted.
        var slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        while let k = keys[slot] {
            if k == key { return values[slot]! }
            slot = (slot + 1) & 255
        }
        let value = classify(name)
        if filled < 192 {
            keys[slot] = key
            values[slot] = value
            filled += 1
        }
        return value
    }
}
