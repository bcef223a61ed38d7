import GXConvert
import GXModel

/// Collects the files a batch will convert: folders walked recursively, hidden entries and our own
/// temp files skipped, symbolic links not followed (a link out of the tree is not ours to read),
/// and the result sorted bytewise so every run visits files in the same order. Names are walked
/// and kept as bytes (`RawPath`): a GBK-named folder from a Windows share is converted like any
/// other, and shown with its undecodable bytes as `\xHH`.
public enum FileWalker {
    /// What a folder walk takes by default: the formats reports come in (and the ones we refuse
    /// with advice, so they are counted, not silently passed over).
    public static let reportExtensions: Set<String> = ["docx", "docm", "dotx", "dotm", "doc", "wps", "htm", "html", "shtml", "xhtml", "txt", "text", "pdf",
                                                        "png", "jpg", "jpeg", "tif", "tiff"]

    /// Files named on the command line are always taken; inside folders, only `extensions`
    /// (nil: every file).
    public static func collect(_ roots: [String], extensions: Set<String>? = reportExtensions,
                               maxFiles: Int = 1_000_000) throws -> [RawPath] {
        try collect(roots.map(RawPath.init), extensions: extensions, maxFiles: maxFiles)
    }

    public static func collect(_ roots: [RawPath], extensions: Set<String>? = reportExtensions,
                               maxFiles: Int = 1_000_000) throws -> [RawPath] {
        var out: [RawPath] = []
        for root in roots {
            guard let st = PosixFile.linkStatus(root) else {
                throw GXError(.io, "cannot read: \(PosixFile.lastError)", file: root.display)
            }
            if st.kind == .directory { try walk(root, extensions: extensions, into: &out, maxFiles: maxFiles, depth: 0) }
            else { out.append(root) }
        }
        return out.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }

    /// Whether a walk takes a regular file of this name found in a folder (hidden names are
    /// skipped; with `extensions`, only those).
    public static func takes(name: some Collection<UInt8>, extensions: Set<String>?) -> Bool {
        guard name.first != UInt8(ascii: "."), !name.isEmpty else { return false }  // ., .., hidden files, our .gxtmp files
        guard let extensions else { return true }
        guard let dot = Array(name).lastIndex(of: UInt8(ascii: ".")) else { return false }
        let ext = String(decoding: Array(name)[(dot + 1)...], as: UTF8.self).lowercased()
        return extensions.contains(ext)
    }

    private static func walk(_ dir: RawPath, extensions: Set<String>?, into out: inout [RawPath], maxFiles: Int, depth: Int) throws {
        guard depth < 64 else { throw GXError(.limit, "folders nested more than 64 deep", file: dir.display) }
        guard let names = PosixFile.list(dir) else {
            throw GXError(.io, "cannot list folder: \(PosixFile.lastError)", file: dir.display)
        }
        for name in names where name.first != UInt8(ascii: ".") {
            let path = dir.appending(name)
            guard let st = PosixFile.linkStatus(path) else { continue }
            switch st.kind {
            case .directory: try walk(path, extensions: extensions, into: &out, maxFiles: maxFiles, depth: depth + 1)
            case .regular:
                guard takes(name: name, extensions: extensions) else { continue }
                out.append(path)
                if out.count > maxFiles { throw GXError(.limit, "more than \(maxFiles) files", file: dir.display) }
            case .fifo, .socket, .characterDevice, .blockDevice:
                // Taken so its record says why it was not read (FileIO refuses it unopened);
                // skipping it silently would hide a file the user expected converted.
                out.append(path)
                if out.count > maxFiles { throw GXError(.limit, "more than \(maxFiles) files", file: dir.display) }
            case .symbolicLink, .other: continue
            }
        }
    }
}
