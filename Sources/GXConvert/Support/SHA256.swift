/// SHA-256 (FIPS 180-4) for `source.sha256`, so the core depends on no crypto package.
public enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    public static func hex(_ bytes: [UInt8]) -> String {
        var state = State()
        let w = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        defer { w.deallocate() }
        // Whole blocks straight from the input; only the tail is copied, to pad it.
        let whole = bytes.count / 64 * 64
        bytes.withUnsafeBufferPointer { buf in
            for chunk in stride(from: 0, to: whole, by: 64) { state.compress(buf.baseAddress! + chunk, schedule: w) }
        }
        var tail = Array(bytes[whole...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(bytes.count) &* 8
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        tail.withUnsafeBufferPointer { buf in
            for chunk in stride(from: 0, to: tail.count, by: 64) { state.compress(buf.baseAddress! + chunk, schedule: w) }
        }
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for word in [state.h0, state.h1, state.h2, state.h3, state.h4, state.h5, state.h6, state.h7] {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The eight working words as plain stored properties: no array, no exclusivity checks.
    private struct State {
        var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19

        mutating func compress(_ m: UnsafePointer<UInt8>, schedule w: UnsafeMutablePointer<UInt32>) {
            for i in 0..<16 {
                let b = i &* 4
                w[i] = UInt32(m[b]) << 24 | UInt32(m[b &+ 1]) << 16 | UInt32(m[b &+ 2]) << 8 | UInt32(m[b &+ 3])
            }
            for i in 16..<64 {
                let x = w[i &- 15], y = w[i &- 2]
                let s0 = rotr(rotr(x, 11) ^ x, 7) ^ (x &>> 3)
                let s1 = rotr(rotr(y, 2) ^ y, 17) ^ (y &>> 10)
                w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
            }
            let k = SHA256.roundConstants
            var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
            // Eight rounds a pass, each naming the words in their rotated roles, so the words never
            // move between registers (the round-by-round shuffle cost as much as the round itself).
            var i = 0
            while i < 64 {
                step(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                step(h, a, b, &c, d, e, f, &g, k[i &+ 1] &+ w[i &+ 1])
                step(g, h, a, &b, c, d, e, &f, k[i &+ 2] &+ w[i &+ 2])
                step(f, g, h, &a, b, c, d, &e, k[i &+ 3] &+ w[i &+ 3])
                step(e, f, g, &h, a, b, c, &d, k[i &+ 4] &+ w[i &+ 4])
                step(d, e, f, &g, h, a, b, &c, k[i &+ 5] &+ w[i &+ 5])
                step(c, d, e, &f, g, h, a, &b, k[i &+ 6] &+ w[i &+ 6])
                step(b, c, d, &e, f, g, h, &a, k[i &+ 7] &+ w[i &+ 7])
                i &+= 8
            }
            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
        }
    }

    /// The round constants where the inner loop can read them without bounds checks.
    nonisolated(unsafe) fileprivate static let roundConstants: UnsafeMutablePointer<UInt32> = {
        let p = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        p.initialize(from: k, count: 64)
        return p
    }()
}

/// Masking shifts: the checked `>>`/`<<` test for over-long shifts on every use, which kept the
/// compiler from emitting one rotate instruction.
@inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }

/// One round: `d` takes the new `e`, `h` the new `a`.
@inline(__always)
private func step(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
    // Σ1 and Σ0 as nested rotations (rotation distributes over xor): one register, no copies.
    let s1 = rotr(rotr(rotr(e, 14) ^ e, 5) ^ e, 6)
    let ch = g ^ (e & (f ^ g))
    let t1 = h &+ s1 &+ ch &+ kw
    let s0 = rotr(rotr(rotr(a, 9) ^ a, 11) ^ a, 2)
    let maj = (a & b) | (c & (a | b))
    d &+= t1
    h = t1 &+ s0 &+ maj
}
