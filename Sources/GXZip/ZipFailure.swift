/// What libzip could not do, as a typed value: each caller words it for its own users (the DOCX
/// reader says "damaged or truncated zip container", the DOCX writer "cannot write the package").
/// `message` is libzip's own text or ours; the cases say which step failed.
public enum ZipFailure: Error, Sendable, Equatable {
    /// libzip could not take the bytes as a source at all.
    case cannotCreateSource(message: String)
    /// The bytes are not a readable zip (bad or truncated central directory, inconsistent headers).
    case cannotOpen(message: String)
    /// The central directory gives no entry count.
    case unreadableDirectory
    /// An entry's size and method could not be read.
    case cannotStat(entry: Int)
    /// An entry could not be opened for inflating.
    case cannotOpenEntry(message: String)
    /// Inflating an entry failed part-way (bad deflate data, CRC mismatch).
    case damagedEntry(message: String)
    /// Writing a zip in memory failed.
    case cannotWrite(message: String)
}
