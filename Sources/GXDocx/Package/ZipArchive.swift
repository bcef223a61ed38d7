import GXModel
import GXZip

/// A DOCX package's zip, read with a budget: names, counts, declared sizes and ratios are checked
/// before inflating, and inflation stops the moment it overruns what was declared or allowed
/// (libzip checks CRC and length only at the end of an entry). libzip itself sits behind GXZip.
final class ZipArchive {
    private let zip: ZipReader
    private let limits: ReadLimits
    private var bytesRead = 0
    /// Lower-cased entry name → index, since OPC part names are case-insensitive.
    private var index: [String: Int] = [:]
    private(set) var names: [String] = []

    init(bytes: [UInt8], limits: ReadLimits) throws {
        self.limits = limits
        do {
            zip = try ZipReader(bytes)
        } catch .cannotCreateSource(let message) {
            throw GXError(.zip, "cannot read the zip container: \(message)")
        } catch .cannotOpen(let message) {
            throw GXError(.zip, "damaged or truncated zip container (\(message))",
                          hint: "re-save or re-download the file; a .docx must be a complete zip package")
        } catch {
            throw GXError(.zip, "unreadable zip directory")
        }
        guard zip.count <= limits.maxZipEntries else {
            throw GXError(.limit, "zip has \(zip.count) entries, more than the limit of \(limits.maxZipEntries)")
        }
        for i in 0..<zip.count {
            guard let name = zip.name(at: i) else { continue }
            if name.hasPrefix("/") || name.hasPrefix("\\") || name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
                throw GXError(.zip, "zip entry name '\(name)' points outside the package", hint: "the file is not a safe DOCX")
            }
            names.append(name)
            index[name.lowercased()] = i
        }
    }

    func contains(_ name: String) -> Bool { index[name.lowercased()] != nil }

    /// The whole entry, inflated under the part, total and ratio limits.
    func read(_ name: String) throws -> [UInt8] {
        guard let i = index[name.lowercased()] else { throw GXError(.notDocx, "missing part \(name)") }
        guard let entry = try? zip.entry(at: i) else { throw GXError(.zip, "cannot stat \(name)") }
        if entry.encrypted {
            throw GXError(.encrypted, "part \(name) is encrypted", hint: "remove the password protection in Word and save again")
        }
        let declared = entry.size
        let compressed = entry.compressedSize
        guard declared <= limits.maxPartBytes else {
            throw GXError(.limit, "part \(name) declares \(declared) bytes, over the \(limits.maxPartBytes)-byte limit")
        }
        if declared > limits.ratioFloorBytes, compressed > 0, declared / compressed > limits.maxCompressionRatio {
            throw GXError(.limit, "part \(name) expands \(declared / compressed)× (limit \(limits.maxCompressionRatio)×): zip bomb refused")
        }
        guard bytesRead + declared <= limits.maxTotalBytes else {
            throw GXError(.limit, "the package inflates to more than \(limits.maxTotalBytes) bytes")
        }
        // One byte past what was declared, to notice entries that lie about their size.
        let out: [UInt8]
        do {
            out = try zip.read(at: i, upTo: declared + 1)
        } catch .cannotOpenEntry(let message) {
            throw GXError(.zip, "cannot open part \(name): \(message)")
        } catch {
            let message = if case .damagedEntry(let m) = error { m } else { "\(error)" }
            throw GXError(.zip, "part \(name) is damaged: \(message)", hint: "the file is truncated or corrupt; re-save it")
        }
        guard out.count == declared else {
            throw GXError(.zip, "part \(name) inflates to a different size than its header declares")
        }
        bytesRead += declared
        return out
    }
}
