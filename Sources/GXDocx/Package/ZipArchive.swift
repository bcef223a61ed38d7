import CLibZip
import GXModel

/// A zip container read through libzip with a budget: names, counts, declared sizes and ratios are
/// checked before inflating, and inflation stops the moment it overruns what was declared or
/// allowed (libzip checks CRC and length only at the end of an entry).
final class ZipArchive {
    private let archive: OpaquePointer
    private let limits: ReadLimits
    private var bytesRead = 0
    /// Lower-cased entry name → index, since OPC part names are case-insensitive.
    private var index: [String: UInt64] = [:]
    private(set) var names: [String] = []

    /// Opens `bytes` as a zip; the buffer must outlive the archive.
    init(bytes: UnsafeRawBufferPointer, limits: ReadLimits) throws {
        self.limits = limits
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(bytes.baseAddress, UInt64(bytes.count), 0, &error) else {
            throw GXError(.zip, "cannot read the zip container: \(String(cString: zip_error_strerror(&error)))")
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            zip_source_free(source)
            throw GXError(.zip, "damaged or truncated zip container (\(String(cString: zip_error_strerror(&error))))",
                          hint: "re-save or re-download the file; a .docx must be a complete zip package")
        }
        self.archive = archive
        let count = zip_get_num_entries(archive, 0)
        guard count >= 0 else { throw GXError(.zip, "unreadable zip directory") }
        guard count <= limits.maxZipEntries else {
            throw GXError(.limit, "zip has \(count) entries, more than the limit of \(limits.maxZipEntries)")
        }
        for i in 0..<UInt64(count) {
            guard let raw = zip_get_name(archive, i, ZIP_FL_ENC_GUESS) else { continue }
            let name = String(cString: raw)
            if name.hasPrefix("/") || name.hasPrefix("\\") || name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
                throw GXError(.zip, "zip entry name '\(name)' points outside the package", hint: "the file is not a safe DOCX")
            }
            names.append(name)
            index[name.lowercased()] = i
        }
    }

    deinit { zip_discard(archive) }

    func contains(_ name: String) -> Bool { index[name.lowercased()] != nil }

    /// The whole entry, inflated under the part, total and ratio limits.
    func read(_ name: String) throws -> [UInt8] {
        guard let i = index[name.lowercased()] else { throw GXError(.notDocx, "missing part \(name)") }
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(archive, i, 0, &st) == 0 else { throw GXError(.zip, "cannot stat \(name)") }
        if st.valid & UInt64(ZIP_STAT_ENCRYPTION_METHOD) != 0, st.encryption_method != UInt16(ZIP_EM_NONE) {
            throw GXError(.encrypted, "part \(name) is encrypted", hint: "remove the password protection in Word and save again")
        }
        let declared = Int(clamping: st.size)
        let compressed = Int(clamping: st.comp_size)
        guard declared <= limits.maxPartBytes else {
            throw GXError(.limit, "part \(name) declares \(declared) bytes, over the \(limits.maxPartBytes)-byte limit")
        }
        if declared > limits.ratioFloorBytes, compressed > 0, declared / compressed > limits.maxCompressionRatio {
            throw GXError(.limit, "part \(name) expands \(declared / compressed)× (limit \(limits.maxCompressionRatio)×): zip bomb refused")
        }
        guard bytesRead + declared <= limits.maxTotalBytes else {
            throw GXError(.limit, "the package inflates to more than \(limits.maxTotalBytes) bytes")
        }
        guard let file = zip_fopen_index(archive, i, 0) else {
            throw GXError(.zip, "cannot open part \(name): \(String(cString: zip_strerror(archive)))")
        }
        defer { zip_fclose(file) }
        // Read one byte past what was declared, to notice entries that lie about their size.
        var out = [UInt8](repeating: 0, count: declared + 1)
        var filled = 0
        while filled < out.count {
            let n = out.withUnsafeMutableBytes { buf in
                zip_fread(file, buf.baseAddress! + filled, UInt64(buf.count - filled))
            }
            if n < 0 {
                throw GXError(.zip, "part \(name) is damaged: \(String(cString: zip_file_strerror(file)))",
                              hint: "the file is truncated or corrupt; re-save it")
            }
            if n == 0 { break }
            filled += Int(n)
        }
        guard filled == declared else {
            throw GXError(.zip, "part \(name) inflates to a different size than its header declares")
        }
        out.removeLast()
        bytesRead += declared
        return out
    }
}
