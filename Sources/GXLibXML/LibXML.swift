import CLibXML2

/// libxml2's process-wide state, set up once before the first parser or writer of any kind.
enum LibXML {
    static let initialised: Void = { xmlInitParser() }()
}

/// A problem libxml2 reported, copied out of its `xmlError` while the callback runs.
public struct LibXMLError: Sendable {
    public enum Level: Sendable { case warning, error, fatal }
    public var level: Level
    /// libxml2's `xmlParserErrors` code.
    public var code: Int32
    /// libxml2's message, without its trailing newline.
    public var message: String
    public var line: Int
    public var column: Int

    /// An undeclared-entity reference (`&foo;` with no DTD).
    public var isUndeclaredEntity: Bool {
        code == Int32(XML_ERR_UNDECLARED_ENTITY.rawValue) || code == Int32(XML_WAR_UNDECLARED_ENTITY.rawValue)
    }

    init(_ error: xmlError) {
        switch error.level.rawValue {
        case XML_ERR_FATAL.rawValue: level = .fatal
        case XML_ERR_ERROR.rawValue: level = .error
        default: level = .warning
        }
        code = error.code
        var text = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        message = text
        line = Int(error.line)
        column = Int(error.int2)
    }
}
