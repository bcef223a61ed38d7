/// A line's Characters indexed once, for the text reader's tokenizer: what each one is, where it
/// starts in the UTF-8, and the display width before it. Fields, tokens and their centres are then
/// ranges of offsets, with no Character arrays built and no prefix measured again for every token.
/// A line whose scalars all stand alone (`Scalars.standsAlone`) is indexed scalar by scalar; any
/// other goes through Characters. `GlyphsTests` checks both against Character arrays.
public struct Glyphs {
    /// Marks a Character of more than one scalar in `heads`: it then equals no single scalar.
    public static let joined: UInt32 = 1 << 31

    public let text: String
    /// Per Character: the value of its first scalar, with `joined` set when others follow.
    public private(set) var heads: [UInt32] = []
    /// UTF-8 offset where each Character starts; the last entry is the text's length.
    public private(set) var starts: [Int] = []
    /// Display width of the Characters before each offset; the last entry is the text's width.
    public private(set) var widthBefore: [Int] = [0]

    /// `simple`: every scalar of `text` stands alone (the caller usually knows; else
    /// `Scalars.eachStandsAlone`).
    public init(_ text: String, simple: Bool) {
        self.text = text
        if simple { readScalars() } else { readCharacters() }
    }

    @inlinable public var count: Int { heads.count }

    /// The Character at `k` is exactly the scalar `value`.
    @inlinable public func isScalar(_ k: Int, _ value: UInt32) -> Bool { heads[k] == value }

    /// `Character.isWhitespace`: its first scalar is whitespace.
    @inlinable public func isWhitespace(_ k: Int) -> Bool {
        Unicode.Scalar(heads[k] & ~Self.joined).map(\.properties.isWhitespace) ?? false
    }

    public func string(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: starts[range.lowerBound])
        let upper = utf8.index(utf8.startIndex, offsetBy: starts[range.upperBound])
        return String(text[lower..<upper])
    }

    @inlinable public func width(_ range: Range<Int>) -> Int { widthBefore[range.upperBound] - widthBefore[range.lowerBound] }

    /// Every scalar is a Character (`TextLine.isSimple`): decoded straight from the UTF-8.
    private mutating func readScalars() {
        let utf8 = text.utf8
        heads.reserveCapacity(utf8.count)
        starts.reserveCapacity(utf8.count + 1)
        widthBefore.reserveCapacity(utf8.count + 1)
        var width = 0
        var offset = 0
        for u in text.unicodeScalars {
            heads.append(u.value)
            starts.append(offset)
            width += DisplayWidth.columns(u.value)
            widthBefore.append(width)
            offset += UTF8.width(u)
        }
        starts.append(offset)
    }

    private mutating func readCharacters() {
        var width = 0
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let scalars = text.unicodeScalars[index..<next]
            heads.append(scalars.first!.value | (scalars.count > 1 ? Self.joined : 0))
            starts.append(text.utf8.distance(from: text.startIndex, to: index))
            width += scalars.reduce(0) { $0 + DisplayWidth.columns($1.value) }
            widthBefore.append(width)
            index = next
        }
        starts.append(text.utf8.count)
    }
}
