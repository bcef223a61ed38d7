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
        try read(RawPath(path), maxBytes: maxBytes)
    }

    /// Reads the file named by these bytes (a name that is not UTF-8 is opened as it is); messages
    /// name it by `path.display`.
    public static func read(_ raw: RawPath, maxBytes: Int) throws -> [UInt8] {
        let path = raw.display
        if path == "-" { return try readAll(fd: 0, path: "-", maxBytes: maxBytes) }
        // Non-blocking, so opening a FIFO with no writer returns at once; only regular files are
        // read by name (a pipe is read when asked for, as `-`).
        let fd = PosixFile.open(raw, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
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

    /// Writes `bytes` to `path`; `-` writes to stdout.
    ///
    /// A regular file (new or replaced) is written atomically: a temp file in the same folder,
    /// then `rename`. A new file gets the mode the umask leaves of 0666, as any program's output
    /// does; a replaced one keeps its mode (and, where allowed, its owner). A symbolic link to a
    /// file is followed: the file it names is replaced, the link stays.
    ///
    /// A character device or FIFO (`/dev/null`, `/dev/stdout` on a terminal, a named pipe with a
    /// reader) is written in place, as a shell redirection would: it is never replaced by a
    /// regular file. A FIFO with no reader, a block device, a socket or a folder is refused
    /// (`GX-E-OUTPUT`).
    ///
    /// `inputs`: the files this output was made from; writing onto one of them (same device and
    /// inode, whatever the path says) is refused with `GX-E-SAME-FILE`, the input untouched.
    public static func write(_ bytes: [UInt8], to path: String, inputs: [PosixFile.Status] = []) throws {
        if path == "-" {
            try writeAll(fd: 1, bytes, path: "stdout")
            return
        }
        var target = RawPath(path)
        let existing = PosixFile.status(target)
        if let existing {
            if inputs.contains(where: existing.isSameFile) {
                throw GXError(.sameFile, "the output is the input file itself; refused, the input is left untouched", file: path,
                              hint: "give -o another file name")
            }
            switch existing.kind {
            case .regular:
                // Replace the file a symbolic link names, not the link.
                if PosixFile.linkStatus(target)?.kind == .symbolicLink, let resolved = PosixFile.realPath(target) { target = resolved }
            case .characterDevice, .fifo:
                return try writeInPlace(bytes, to: target, path: path)
            case .directory:
                throw GXError(.output, "is a folder; give a file name", file: path)
            case .blockDevice, .socket, .symbolicLink, .other:
                throw GXError(.output, "is not a regular file, a character device or a FIFO; refused unwritten", file: path,
                              hint: "write to a file, or to standard output with -o -")
            }
        }
        let (fd, tmp) = try createTemp(beside: target, path: path)
        do {
            try writeAll(fd: fd, bytes, path: path)
            if let existing, existing.kind == .regular { keepMode(fd: fd, of: existing) }
            guard close(fd) == 0 else { throw GXError(.output, "close failed: \(PosixFile.lastError)", file: path) }
            guard PosixFile.rename(tmp, target) else {
                throw GXError(.output, "cannot rename into place: \(PosixFile.lastError)", file: path)
            }
        } catch {
            PosixFile.unlink(tmp)
            throw error
        }
    }

    /// A new file beside `target` (`.name.gxtmp-…`, hidden from `batch`'s walk), created with mode
    /// 0666 so the kernel applies the umask (and a folder's default ACL) as for any new file.
    public static func createTemp(beside target: RawPath, path: String) throws -> (fd: Int32, path: RawPath) {
        let slash = target.bytes.lastIndex(of: UInt8(ascii: "/"))
        let dir = slash.map { Array(target.bytes[..<$0]) } ?? Array(".".utf8)
        let base = slash.map { Array(target.bytes[($0 + 1)...]) } ?? target.bytes
        let dirBytes = dir.isEmpty ? Array("/".utf8) : dir
        for _ in 0..<100 {
            let suffix = Array(".gxtmp-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))".utf8)
            let tmp = RawPath(bytes: dirBytes + [UInt8(ascii: "/"), UInt8(ascii: ".")] + base + suffix)
            let fd = PosixFile.open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
            if fd >= 0 { return (fd, tmp) }
            if errno != EEXIST { break }
        }
        throw GXError(.output, "cannot create a file in \(RawPath(bytes: dirBytes).display): \(PosixFile.lastError)", file: path)
    }

    /// Gives the file open on `fd` the mode (and, where allowed, the owner) of the file it replaces.
    public static func keepMode(fd: Int32, of old: PosixFile.Status) {
        _ = fchown(fd, uid_t(old.owner), gid_t(old.group))  // only root may; the mode is what matters
        _ = fchmod(fd, mode_t(old.permissions))
    }

    private static func writeInPlace(_ bytes: [UInt8], to target: RawPath, path: String) throws {
        // Non-blocking open: a FIFO with no reader fails at once (ENXIO) instead of hanging.
        let fd = PosixFile.open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else {
            throw GXError(.output, "cannot open for writing: \(PosixFile.lastError)", file: path,
                          hint: errno == ENXIO ? "a FIFO is written only while something reads it" : nil)
        }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        try writeAll(fd: fd, bytes, path: path)
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
