#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GXConvert
import GXModel

/// The compact index `batch` keeps beside a jsonl output (`.NAME.gxindex`, hidden, so no walk takes
/// it): one line per record written, `{"start":…,"end":…,"sha256":…,"record":{…}}`, where `record`
/// is what `--resume` reads back of it (the report's identity, status and the cells the cross-year
/// checks need — about 1 KB instead of the record's 50–100 KB).
///
/// It is a cache and never trusted: `--resume` uses an entry only when the output's bytes
/// `start..<end` hash to its `sha256`, so an entry the output no longer matches (a kill between
/// the record and its entry, a truncated or edited output, an index from another run) is passed
/// over and that record read in full, as without an index. Entries are only appended, under the
/// output's lock; a record resume had to read in full gets its entry then.
///
/// Measured (debug build, 2 cores shared with other builds; 2,000 jsonl records of 15 DOCX
/// fixtures cycled, 94 MB of output, index 7 MB), a `--resume` with nothing left to do: before
/// (0f3b6b9, every record parsed, the output rewritten) 6.0–13.5 s and 247 MB peak RSS; with the
/// index 0.71–1.33 s and 161 MB. A resume with no index parses every record once more and indexes
/// it (8.1–16.6 s).
final class ResumeIndexFile {
    struct Entry {
        let end: Int
        let sha256: String
        let record: [String: Any]
    }

    private var fd: Int32
    let raw: RawPath

    /// `dir/.NAME.gxindex` for `dir/NAME`.
    static func path(for output: RawPath) -> RawPath {
        let name = Array(output.lastComponent)
        let dir = Array(output.bytes.dropLast(name.count))
        return RawPath(bytes: dir + Array(".".utf8) + name + Array(".gxindex".utf8))
    }

    /// Opened (created) beside `output`; nil when that is not possible — the run goes on without.
    init?(output: RawPath) {
        raw = Self.path(for: output)
        fd = PosixFile.open(raw, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0o666)
        guard fd >= 0 else { return nil }
        guard PosixFile.status(fd: fd)?.kind == .regular else { close(fd); return nil }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// A new run: no entries.
    func reset() { if fd >= 0, ftruncate(fd, 0) != 0 { disable() } }

    /// The entries' lines by their `start` (read from the fixed `{"start":N,` each line begins
    /// with; parsed only when used, so the index costs little memory). A line cut off by a kill
    /// parses to nothing and is passed over then.
    func entries() -> [Int: ArraySlice<UInt8>] {
        guard fd >= 0 else { return [:] }
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return [:] }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return [:] }
            done += n
        }
        let prefix = Array("{\"start\":".utf8)
        var out: [Int: ArraySlice<UInt8>] = [:]
        for line in bytes.split(separator: 0x0A) where line.starts(with: prefix) {
            var start = 0
            var i = line.startIndex + prefix.count
            while i < line.endIndex, (0x30...0x39).contains(line[i]), start < Int.max / 100 { start = start * 10 + Int(line[i] - 0x30); i += 1 }
            if i < line.endIndex, line[i] == UInt8(ascii: ",") { out[start] = line }
        }
        return out
    }

    /// One entry's line, parsed.
    static func entry(_ line: ArraySlice<UInt8>) -> Entry? {
        guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              let start = o["start"] as? Int, let end = o["end"] as? Int, end > start, start >= 0,
              let sha = o["sha256"] as? String, let record = o["record"] as? [String: Any] else { return nil }
        return Entry(end: end, sha256: sha, record: record)
    }

    /// Appends the entry of the record written at `start..<end` of the output.
    func append(start: Int, end: Int, sha256: String, record: [UInt8]) {
        guard fd >= 0 else { return }
        var line = Array("{\"start\":\(start),\"end\":\(end),\"sha256\":\"\(sha256)\",\"record\":".utf8)
        line += record.last == 0x0A ? record.dropLast() : record[...]
        line += Array("}\n".utf8)
        do { try FileIO.writeAll(fd: fd, line, path: raw.display) } catch { disable() }
    }

    /// An index that cannot be written is dropped, not a failed run: it only saves time.
    private func disable() {
        close(fd)
        fd = -1
        PosixFile.unlink(raw)
    }
}
