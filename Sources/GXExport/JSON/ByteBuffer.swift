/// Growable output bytes for the JSON writer. Writers reserve room once for what they are about to
/// write and then store bytes with no further checks: `Array`'s uniqueness and capacity
/// bookkeeping on each of the tens of thousands of appends per report cost more than the bytes.
final class ByteBuffer {
    // A buffer belongs to one writer, which runs on one thread from start to finish: Swift's dynamic
    // exclusivity checks on every append would guard nothing.
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 64 * 1024) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Gives `body` room for `n` bytes at the end; it writes at most that many and returns where
    /// it stopped.
    @inline(__always) func write(_ n: Int, _ body: (UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>) {
        if capacity - count < n { grow(n) }
        count = body(base + count) - base
    }

    private func grow(_ n: Int) {
        let larger = max(capacity * 2, count + n)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always) func append(_ byte: UInt8) {
        write(1) { p in p.pointee = byte; return p + 1 }
    }

    func append(_ bytes: UnsafePointer<UInt8>, count n: Int) {
        write(n) { ByteBuffer.copy(bytes, n, to: $0) }
    }

    func append(ascii s: StaticString) { append(s.utf8Start, count: s.utf8CodeUnitCount) }

    func append(utf8 s: String) {
        var s = s
        s.withUTF8 { if let p = $0.baseAddress { append(p, count: $0.count) } }
    }

    /// `value` in decimal, as `String(value)` writes it.
    func appendDecimal(_ value: Int) {
        var digits = 1
        var rest = value.magnitude
        while rest >= 10 { rest /= 10; digits += 1 }
        write(digits + 1) { p in
            var p = p
            if value < 0 { p.pointee = 0x2D; p += 1 }
            var magnitude = value.magnitude
            var i = digits
            repeat {
                i -= 1
                p[i] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            return p + digits
        }
    }

    /// Copies `n` bytes and returns the end: short copies (keys, numbers, most cell texts) as two
    /// overlapping words rather than a call to `memcpy`.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, _ n: Int, to target: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        switch n {
        case 8...16:
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (to + n - 8).storeBytes(of: (from + n - 8).loadUnaligned(as: UInt64.self), as: UInt64.self)
        case 4..<8:
            to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
            (to + n - 4).storeBytes(of: (from + n - 4).loadUnaligned(as: UInt32.self), as: UInt32.self)
        case 0..<4:
            for i in 0..<n { target[i] = source[i] }
        default:
            to.copyMemory(from: from, byteCount: n)
        }
        return target + n
    }
}
