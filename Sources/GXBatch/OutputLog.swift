#if canImport(Glibc)
import Glibc
#endif
import GXConvert
import GXModel

/// The batch output file: appended one whole record per `write(2)`, so a killed batch loses at most
/// the record in flight and `--resume` can continue from what is there.
///
/// A regular output is held under an exclusive `flock` for the whole run, taken before anything is
/// read, truncated or written: a second `batch` onto the same output (resumed or not) gets
/// `GX-E-LOCKED` and leaves it untouched, instead of interleaving torn lines or losing one run's
/// records. The lock is on the file itself, so it needs no lock file beside it, dies with the
/// process, and holds across hard links. A character device or FIFO (`-o /dev/null`) is written in
/// place, unlocked; it cannot be resumed.
final class OutputLog {
    private(set) var fd: Int32
    let path: String
    let raw: RawPath
    /// A regular file: locked, and the one kind `--resume` reads back.
    let isRegular: Bool

    init(path: String) throws {
        self.path = path
        raw = RawPath(path)
        if path == "-" {
            fd = 1
            isRegular = false
            return
        }
        if let st = PosixFile.status(raw), st.kind != .regular {
            guard st.kind == .characterDevice || st.kind == .fifo else {
                throw GXError(.output, "is not a regular file, a character device or a FIFO; refused unwritten", file: path)
            }
            // In place, never replaced; non-blocking open so a FIFO with no reader fails at once.
            fd = PosixFile.open(raw, O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
            guard fd >= 0 else { throw GXError(.output, "cannot open for writing: \(PosixFile.lastError)", file: path) }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            isRegular = false
            return
        }
        isRegular = true
        fd = -1
        // Open (creating with the umask's mode, never truncating), lock, then check the name still
        // leads to the locked file: a run that renamed a new file into place meanwhile holds that one.
        for _ in 0..<100 {
            let candidate = PosixFile.open(raw, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOCTTY, 0o666)
            guard candidate >= 0 else { throw GXError(.output, "cannot open for writing: \(PosixFile.lastError)", file: path) }
            if flock(candidate, LOCK_EX | LOCK_NB) != 0 {
                let busy = errno == EWOULDBLOCK
                let reason = PosixFile.lastError
                close(candidate)
                if busy {
                    throw GXError(.locked, "another gxconvert batch is writing this output; refused, the output is left untouched",
                                  file: path, hint: "wait for that run to finish (then --resume if it was stopped), or give another -o")
                }
                throw GXError(.output, "cannot lock: \(reason)", file: path)
            }
            if let held = PosixFile.status(fd: candidate), let named = PosixFile.status(raw), held.isSameFile(as: named),
               held.kind == .regular {
                fd = candidate
                return
            }
            close(candidate)
        }
        throw GXError(.locked, "the output keeps being replaced while this run tries to lock it", file: path)
    }

    deinit { if fd > 2 { close(fd) } }

    /// The whole file as it is now.
    func readAll() throws -> [UInt8] {
        guard isRegular else { throw GXError(.output, "cannot resume an output that is not a regular file", file: path) }
        guard let size = PosixFile.status(fd: fd).map({ _ in lseek(fd, 0, SEEK_END) }), size >= 0 else {
            throw GXError(.output, "cannot read back: \(PosixFile.lastError)", file: path)
        }
        var out = [UInt8](repeating: 0, count: Int(size))
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw GXError(.output, "cannot read back: \(PosixFile.lastError)", file: path) }
            done += n
        }
        return out
    }

    /// The file's size now (0 for standard output and devices).
    func size() throws -> Int {
        guard isRegular else { return 0 }
        let end = lseek(fd, 0, SEEK_END)
        guard end >= 0 else { throw GXError(.output, "cannot seek: \(PosixFile.lastError)", file: path) }
        return Int(end)
    }

    /// Cuts the file to its first `length` bytes (a new run: 0; a resumed one: what it keeps).
    func truncate(to length: Int) throws {
        guard isRegular else { return }
        guard ftruncate(fd, off_t(length)) == 0 else {
            throw GXError(.output, "cannot truncate: \(PosixFile.lastError)", file: path)
        }
    }

    /// Replaces the whole content atomically (temp file, then rename) and goes on holding the lock:
    /// the temp file is locked before it is renamed into place, so no other run can take the new file.
    func replace(with bytes: [UInt8]) throws {
        let old = PosixFile.status(fd: fd)
        let (tmpFD, tmp) = try FileIO.createTemp(beside: raw, path: path)
        do {
            guard flock(tmpFD, LOCK_EX | LOCK_NB) == 0 else { throw GXError(.output, "cannot lock: \(PosixFile.lastError)", file: path) }
            try FileIO.writeAll(fd: tmpFD, bytes, path: path)
            if let old { FileIO.keepMode(fd: tmpFD, of: old) }
            _ = fcntl(tmpFD, F_SETFL, fcntl(tmpFD, F_GETFL) | O_APPEND)
            guard PosixFile.rename(tmp, raw) else { throw GXError(.output, "cannot rename into place: \(PosixFile.lastError)", file: path) }
        } catch {
            close(tmpFD)
            PosixFile.unlink(tmp)
            throw error
        }
        close(fd)
        fd = tmpFD
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    func write(_ bytes: [UInt8]) throws {
        try FileIO.writeAll(fd: fd, bytes, path: path)
    }
}
