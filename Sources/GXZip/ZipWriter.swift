import CLibZip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Packs named parts into a zip in memory through libzip: entries in the order given, deflated,
/// each stamped 1980-01-01 00:00 (the DOS epoch) so the same parts always give the same bytes.
/// Every libzip pointer is created, used and freed inside `archive`.
public enum ZipWriter {
    public static func archive(_ entries: [(name: String, bytes: [UInt8])]) throws(ZipFailure) -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else { throw failure("cannot create a zip buffer") }
        defer { zip_source_free(source) }
        zip_source_keep(source)  // survive zip_close, which would otherwise free it
        guard let zip = zip_open_from_source(source, ZIP_TRUNCATE, &error) else {
            throw failure("cannot open a zip in memory: \(String(cString: zip_error_strerror(&error)))")
        }
        for entry in entries {
            // libzip reads the data at zip_close; it owns (and frees) this copy.
            guard let copy = malloc(max(entry.bytes.count, 1)) else { zip_discard(zip); throw failure("out of memory") }
            entry.bytes.withUnsafeBytes { if let base = $0.baseAddress { memcpy(copy, base, $0.count) } }
            guard let data = zip_source_buffer(zip, copy, UInt64(entry.bytes.count), 1) else {
                free(copy); zip_discard(zip); throw failure("cannot add \(entry.name)")
            }
            let index = zip_file_add(zip, entry.name, data, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else { zip_source_free(data); zip_discard(zip); throw failure("cannot add \(entry.name)") }
            let i = UInt64(index)
            guard zip_set_file_compression(zip, i, ZIP_CM_DEFLATE, 6) == 0,
                  zip_file_set_dostime(zip, i, 0, (0 << 9) | (1 << 5) | 1, 0) == 0 else {
                zip_discard(zip); throw failure("cannot set the compression or time of \(entry.name)")
            }
        }
        guard zip_close(zip) == 0 else {
            let message = String(cString: zip_strerror(zip))
            zip_discard(zip)
            throw failure("cannot finish the zip: \(message)")
        }
        guard zip_source_open(source) == 0 else { throw failure("cannot reopen the zip buffer") }
        defer { zip_source_close(source) }
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_source_stat(source, &st) == 0 else { throw failure("cannot size the zip buffer") }
        var out = [UInt8](repeating: 0, count: Int(st.size))
        let read = out.withUnsafeMutableBytes { zip_source_read(source, $0.baseAddress, UInt64($0.count)) }
        guard read == Int64(out.count) else { throw failure("short read of the zip buffer") }
        return out
    }

    private static func failure(_ message: String) -> ZipFailure { .cannotWrite(message: message) }
}
