#if canImport(Glibc)
import Glibc
#endif
import GXModel

/// Collects the files a batch will convert: folders walked recursively, hidden entries and our own
/// temp files skipped, symbolic links not followed (a link out of the tree is not ours to read),
/// and the result sorted bytewise so every run visits files in the same order.
public enum FileWalker {
    /// What a folder walk takes by default: the formats reports come in (and the ones we refuse
    /// with advice, so they are counted, not silently passed over).
    public static let reportExtensions: Set<String> = ["docx", "docm", "dotx", "dotm", "doc", "wps", "htm", "html", "shtml", "xhtml", "txt", "text", "pdf",
                                                        "png", "jpg", "jpeg", "tif", "tiff"]

    /// Files named on the command line are always taken; inside folders, only `extensions`
    /// (nil: every file).
    public static func collect(_ roots: [String], extensions: Set<String>? = reportExtensions,
                               maxFiles: Int = 1_000_000) throws -> [String] {
        var out: [String] = []
        for root in roots {
            var st = stat()
            guard lstat(root, &st) == 0 else {
                throw GXError(.io, "cannot read: \(String(cString: strerror(errno)))", file: root)
            }
            if (st.st_mode & S_IFMT) == S_IFDIR { try walk(root, extensions: extensions, into: &out, maxFiles: maxFiles, depth: 0) }
            else { out.append(root) }
        }
        return out.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    private static func walk(_ dir: String, extensions: Set<String>?, into out: inout [String], maxFiles: Int, depth: Int) throws {
        guard depth < 64 else { throw GXError(.limit, "folders nested more than 64 deep", file: dir) }
        guard let handle = opendir(dir) else {
            throw GXError(.io, "cannot list folder: \(String(cString: strerror(errno)))", file: dir)
        }
        defer { closedir(handle) }
        var children: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }  // ., .., hidden files, our .gxtmp files
            children.append(dir.hasSuffix("/") ? dir + name : dir + "/" + name)
        }
        for path in children {
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR: try walk(path, extensions: extensions, into: &out, maxFiles: maxFiles, depth: depth + 1)
            case S_IFREG:
                if let extensions {
                    let ext = path.split(separator: "/").last.flatMap { name in
                        name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
                    }
                    guard let ext, extensions.contains(ext) else { continue }
                }
                out.append(path)
                if out.count > maxFiles { throw GXError(.limit, "more than \(maxFiles) files", file: dir) }
            case S_IFIFO, S_IFSOCK, S_IFCHR, S_IFBLK:
                // Taken so its record says why it was not read (FileIO refuses it unopened);
                // skipping it silently would hide a file the user expected converted.
                out.append(path)
                if out.count > maxFiles { throw GXError(.limit, "more than \(maxFiles) files", file: dir) }
            default: continue
            }
        }
    }
}
