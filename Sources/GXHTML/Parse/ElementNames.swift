import GXLibXML

/// A fixed set of ASCII names (the attributes the parser keeps), matched against libxml2's names
/// byte by byte: no String is made for the many attributes that are dropped.
struct CNames {
    private let entries: [(bytes: [UInt8], name: String)]

    init(_ names: [String]) {
        entries = names.filter { !$0.isEmpty }.map { (Array($0.utf8), $0) }
    }

    /// The name `candidate` spells, when it is one of the set.
    func name(_ candidate: SAXName) -> String? {
        let first = candidate.firstByte
        for entry in entries where entry.bytes[0] == first && candidate.spells(entry.bytes) { return entry.name }
        return nil
    }
}
