#if canImport(Glibc)
import Glibc
#endif
import GXConvert
import GXModel

/// The batch output file: appended one whole record per `write(2)`, so a killed batch loses at most
/// the record in flight and `--resume` can continue from what is there.
final class OutputLog {
    private let fd: Int32
    let path: String

    init(path: String, append: Bool) throws {
        self.path = path
        if path == "-" {
            fd = 1
            return
        }
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        fd = open(path, flags, 0o644)
        guard fd >= 0 else {
            throw GXError(.output, "cannot open for writing: \(String(cString: strerror(errno)))", file: path)
        }
    }

    deinit { if fd > 2 { close(fd) } }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    func write(_ bytes: [UInt8]) throws {
        try FileIO.writeAll(fd: fd, bytes, path: path)
    }
}
