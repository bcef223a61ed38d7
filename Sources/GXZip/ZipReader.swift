import CLibZip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A zip held in memory, read through libzip with consistency checks on (`ZIP_CHECKCONS`).
/// Mechanics only: entry names, declared sizes and inflating. What is too big, too many or
/// unsafe is the caller's policy (GXDocx's `ZipArchive`).
///
/// The reader keeps its own copy of the bytes, handed to libzip to free: a copy costs a memcpy
/// of the compressed file, and in exchange no caller has to keep a buffer alive for libzip.
public final class ZipReader {
    private let archive: OpaquePointer
    /// Entries in the central directory.
    public let count: Int

    public init(_ bytes: [UInt8]) throws(ZipFailure) {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        // libzip frees the copy with the source (freep = 1), also when opening fails below. It
        // takes no data of length 0 (and would never free it), so empty input goes in as NULL.
        let copy = bytes.isEmpty ? nil : malloc(bytes.count)!
        bytes.withUnsafeBytes { if let base = $0.baseAddress, let copy { memcpy(copy, base, $0.count) } }
        guard let source = zip_source_buffer_create(copy, UInt64(bytes.count), copy == nil ? 0 : 1, &error) else {
            free(copy)
            throw .cannotCreateSource(message: String(cString: zip_error_strerror(&error)))
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            zip_source_free(source)
            throw .cannotOpen(message: String(cString: zip_error_strerror(&error)))
        }
        let count = zip_get_num_entries(archive, 0)
        guard count >= 0 else {
            zip_discard(archive)
            throw .unreadableDirectory
        }
        self.archive = archive
        self.count = Int(count)
    }

    deinit { zip_discard(archive) }

    /// The entry's name as stored (UTF-8, or CP437 guessed into UTF-8); nil when libzip has none.
    public func name(at index: Int) -> String? {
        zip_get_name(archive, UInt64(index), ZIP_FL_ENC_GUESS).map { String(cString: $0) }
    }

    /// What the central directory declares about one entry, read before anything is inflated.
    public struct Entry: Sendable {
        public var size: Int
        public var compressedSize: Int
        public var encrypted: Bool
    }

    public func entry(at index: Int) throws(ZipFailure) -> Entry {
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(archive, UInt64(index), 0, &st) == 0 else { throw .cannotStat(entry: index) }
        let encrypted = st.valid & UInt64(ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != UInt16(ZIP_EM_NONE)
        return Entry(size: Int(clamping: st.size), compressedSize: Int(clamping: st.comp_size), encrypted: encrypted)
    }

    /// Inflates at most `limit` bytes of the entry and stops: a caller that asks for one byte more
    /// than declared notices an entry that lies about its size without inflating the rest.
    /// Fewer bytes back means the entry ended.
    public func read(at index: Int, upTo limit: Int) throws(ZipFailure) -> [UInt8] {
        guard let file = zip_fopen_index(archive, UInt64(index), 0) else {
            throw .cannotOpenEntry(message: String(cString: zip_strerror(archive)))
        }
        defer { zip_fclose(file) }
        var out = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < out.count {
            let n = out.withUnsafeMutableBytes { buf in
                zip_fread(file, buf.baseAddress! + filled, UInt64(buf.count - filled))
            }
            if n < 0 { throw .damagedEntry(message: String(cString: zip_file_strerror(file))) }
            if n == 0 { break }
            filled += Int(n)
        }
        out.removeLast(out.count - filled)
        return out
    }
}
