import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed set of ASCII names (the attributes the parser keeps), matched against libxml2's
/// NUL-terminated names byte by byte: no String is made for the many attributes that are dropped.
struct CNames {
    private let entries: [(bytes: [UInt8], name: String)]

    init(_ names: [String]) {
        entries = names.filter { !$0.isEmpty }.map { (Array($0.utf8), $0) }
    }

    /// The name `p` spells, when it is one of the set.
    func name(_ p: UnsafePointer<xmlChar>) -> String? {
        for entry in entries where entry.bytes[0] == p[0] && CNames.spells(p, entry.bytes) { return entry.name }
        return nil
    }

    /// Whether the C string at `p` is exactly `bytes`. A shorter string stops the loop at its NUL,
    /// which no name byte equals.
    static func spells(_ p: UnsafePointer<xmlChar>, _ bytes: [UInt8]) -> Bool {
        for (k, b) in bytes.enumerated() where p[k] != b { return false }
        return p[bytes.count] == 0
    }
}

/// Element names as libxml2 reports them: pointers into its dictionary, one pointer per name for
/// the whole parse. The first few dozen pointers are remembered with the String read from them;
/// a remembered pointer is still checked byte for byte, so nothing rests on how libxml2 keeps
/// its names.
struct InternedNames {
    private var pointers: [UnsafePointer<xmlChar>] = []
    private var names: [(string: String, bytes: [UInt8])] = []
    /// Pages use a few dozen element names; past this many the rest are read every time.
    static let capacity = 64

    mutating func name(_ p: UnsafePointer<xmlChar>) -> String {
        var slot: Int? = nil
        for k in pointers.indices where pointers[k] == p {
            if CNames.spells(p, names[k].bytes) { return names[k].string }
            slot = k
            break
        }
        let string = String(cString: p)
        let entry = (string, Array(UnsafeBufferPointer(start: p, count: strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self)))))
        if let slot {
            names[slot] = entry
        } else if pointers.count < InternedNames.capacity {
            pointers.append(p)
            names.append(entry)
        }
        return string
    }
}
