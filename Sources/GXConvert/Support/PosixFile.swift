#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GXModel

/// `stat(2)`; a function of its own because inside a closure `stat` names the struct.
private func statFollowing(_ path: UnsafePointer<CChar>, _ buffer: UnsafeMutablePointer<stat>) -> Int32 {
    stat(path, buffer)
}

/// The file-system calls that take a path, by the path's bytes (`RawPath`): the one place where a
/// name becomes a C string, so names that are not UTF-8 are listed, checked and opened as they
/// are instead of through a `String` that would replace their bytes.
public enum PosixFile {
    /// What `stat`/`lstat` say about a file, as far as gxconvert asks.
    public struct Status: Sendable, Equatable {
        public enum Kind: Sendable { case regular, directory, fifo, socket, characterDevice, blockDevice, symbolicLink, other }
        public var kind: Kind
        public var device: UInt64
        public var inode: UInt64
        /// Permission bits (and set-id/sticky): `st_mode & 07777`.
        public var permissions: UInt32
        public var owner: UInt32
        public var group: UInt32

        /// Same file: same device and inode.
        public func isSameFile(as other: Status) -> Bool { device == other.device && inode == other.inode }

        init(_ st: stat) {
            switch st.st_mode & S_IFMT {
            case S_IFREG: kind = .regular
            case S_IFDIR: kind = .directory
            case S_IFIFO: kind = .fifo
            case S_IFSOCK: kind = .socket
            case S_IFCHR: kind = .characterDevice
            case S_IFBLK: kind = .blockDevice
            case S_IFLNK: kind = .symbolicLink
            default: kind = .other
            }
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            permissions = UInt32(st.st_mode & 0o7777)
            owner = UInt32(st.st_uid)
            group = UInt32(st.st_gid)
        }
    }

    /// Calls `body` with the path as a NUL-terminated C string of its bytes.
    public static func withCPath<R>(_ path: RawPath, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        let c = path.bytes.map { CChar(bitPattern: $0) } + [0]
        return try c.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// `stat` (following symbolic links); nil with `errno` set when it fails.
    public static func status(_ path: RawPath) -> Status? {
        var st = stat()
        return withCPath(path) { statFollowing($0, &st) } == 0 ? Status(st) : nil
    }

    /// `lstat` (the link itself); nil with `errno` set when it fails.
    public static func linkStatus(_ path: RawPath) -> Status? {
        var st = stat()
        return withCPath(path) { lstat($0, &st) } == 0 ? Status(st) : nil
    }

    public static func status(fd: Int32) -> Status? {
        var st = stat()
        return fstat(fd, &st) == 0 ? Status(st) : nil
    }

    public static func open(_ path: RawPath, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        withCPath(path) { Glibc.open($0, flags, mode) }
    }

    public static func rename(_ from: RawPath, _ to: RawPath) -> Bool {
        withCPath(from) { f in withCPath(to) { t in Glibc.rename(f, t) } } == 0
    }

    public static func unlink(_ path: RawPath) { _ = withCPath(path) { Glibc.unlink($0) } }

    /// The canonical absolute path (symbolic links and `..` resolved), or nil when it does not exist.
    public static func realPath(_ path: RawPath) -> RawPath? {
        guard let resolved = withCPath(path, { Glibc.realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return RawPath(bytes: Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved))))
    }

    /// The names in a folder (not `.` and `..`), as bytes; nil with `errno` set when it cannot be listed.
    public static func list(_ dir: RawPath) -> [[UInt8]]? {
        guard let handle = withCPath(dir, { opendir($0) }) else { return nil }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names
    }

    /// The current `errno` as text.
    public static var lastError: String { String(cString: strerror(errno)) }

    /// The bytes of the command-line argument a parsed `String` came from. Swift decodes `argv`
    /// with U+FFFD for bytes that are not UTF-8, so a GBK file name given on the command line
    /// reaches the command as a name no file has; this finds the raw argument again. A value with
    /// no replacement character is its own bytes. Nil when two different raw arguments decode to
    /// the value (the caller cannot tell which file was meant).
    public static func commandLineBytes(of value: String) -> RawPath? {
        guard value.unicodeScalars.contains("\u{FFFD}") else { return RawPath(value) }
        var found: [UInt8]?
        for i in 1..<Int(CommandLine.argc) {
            guard let arg = CommandLine.unsafeArgv[i] else { continue }
            let bytes = Array(UnsafeRawBufferPointer(start: arg, count: strlen(arg)))
            var candidates = [bytes[...]]
            // `--option=value` spells the value after the first `=`.
            if bytes.first == UInt8(ascii: "-"), let eq = bytes.firstIndex(of: UInt8(ascii: "=")) { candidates.append(bytes[(eq + 1)...]) }
            for candidate in candidates where String(decoding: candidate, as: UTF8.self) == value {
                if let found, found != Array(candidate) { return nil }
                found = Array(candidate)
            }
        }
        return RawPath(bytes: found ?? Array(value.utf8))
    }
}
