#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GXModel

/// Input and output files with the guarantees users rely on: a size cap on reading, and writes
/// that land whole or not at all (temp file in the same folder, then rename).
public enum FileIO {
    public static func read(_ path: String, maxBytes: Int) throws -> [UInt8] {
        if path == "-" { return try readAll(fd: 0, path: "-", maxBytes: maxBytes) }
        // Non-blocking, so opening a FIFO with no writer returns at once; only regular files are
        // read by name (a pipe is read when asked for, as `-`).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            throw GXError(.io, "cannot open: \(String(cString: strerror(errno)))", file: path, hint: "check the path and permissions")
        }
        defer { close(fd) }
        var st = stat()
        var expected = 0
        if fstat(fd, &st) == 0 {
            expected = Int(st.st_size)
            if (st.st_mode & S_IFMT) == S_IFDIR { throw GXError(.io, "is a folder, not a report file", file: path,
                                                                 hint: "use `gxconvert batch` for folders") }
            if (st.st_mode & S_IFMT) != S_IFREG {
                let kind = switch st.st_mode & S_IFMT {
                case S_IFIFO: "a FIFO"
                case S_IFSOCK: "a socket"
                case S_IFCHR, S_IFBLK: "a device"
                default: "not a regular file"
                }
                throw GXError(.io, "is \(kind), not a report file; refused unread", file: path,
                              hint: "to read a pipe, give - and redirect it to standard input")
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            if Int(st.st_size) > maxBytes {
                throw GXError(.limit, "input is \(st.st_size) bytes, over the \(maxBytes)-byte limit", file: path)
            }
        }
        return try readAll(fd: fd, path: path, maxBytes: maxBytes, expected: expected)
    }

    /// Reads straight into an array of the size the file says it has (one more byte to see its
    /// end): no zeroed 64 KiB buffer and no copy out of it for every input of a batch. Pipes, and
    /// files that grow while read, go on in chunks.
    private static func readAll(fd: Int32, path: String, maxBytes: Int, expected: Int = 0) throws -> [UInt8] {
        func failed() -> GXError { GXError(.io, "read failed: \(String(cString: strerror(errno)))", file: path) }
        let first = min(max(expected, 0), maxBytes) + 1
        var readError = false
        var out = [UInt8](unsafeUninitializedCapacity: first) { buffer, count in
            count = 0
            while count < first {
                let n = Glibc.read(fd, buffer.baseAddress! + count, first - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    readError = true
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if readError { throw failed() }
        if out.count < first { return out }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if out.count > maxBytes { throw GXError(.limit, "input is over the \(maxBytes)-byte limit", file: path) }
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failed()
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        if out.count > maxBytes { throw GXError(.limit, "input is over the \(maxBytes)-byte limit", file: path) }
        return out
    }

    /// Writes `bytes` to `path` atomically; `-` writes to stdout.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            try writeAll(fd: 1, bytes, path: "stdout")
            return
        }
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(dir.isEmpty ? "/" : dir)/.\(base).gxtmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw GXError(.output, "cannot create a file in \(dir): \(String(cString: strerror(errno)))", file: path)
        }
        let tmp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            try writeAll(fd: fd, bytes, path: path)
            fchmod(fd, 0o644)
            guard close(fd) == 0 else { throw GXError(.output, "close failed: \(String(cString: strerror(errno)))", file: path) }
            guard rename(tmp, path) == 0 else {
                throw GXError(.output, "cannot rename into place: \(String(cString: strerror(errno)))", file: path)
            }
        } catch {
            unlink(tmp)
            throw error
        }
    }

    /// Writes every byte, retrying interrupted writes; shared with the batch output.
    public static func writeAll(fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw GXError(.output, "write failed: \(String(cString: strerror(errno)))", file: path)
            }
            offset += n
        }
    }
}
