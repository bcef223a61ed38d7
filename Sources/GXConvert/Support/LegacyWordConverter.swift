#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GXModel

/// Old binary Word files (`.doc`) and WPS files (`.wps`, the same OLE container) are common
/// uploads; nothing here parses that format. When LibreOffice (`soffice`) is installed, the file is
/// converted to DOCX and read like any other, with the report saying so:
/// - in a private temporary folder (mode 0700) holding the input, a throw-away LibreOffice profile
///   and the output, removed afterwards;
/// - with no network: `unshare -rn` runs it in an empty network namespace (where that is refused,
///   the conversion is refused too);
/// - under a timeout: the whole process group is killed when it runs out;
/// - headless, no restore, no macros (LibreOffice's conversion never runs document macros, and the
///   throw-away profile keeps its default macro security).
public struct LegacyWordConverter: Sendable {
    public var soffice: String
    public var timeout: Duration

    public init(soffice: String, timeout: Duration = .seconds(120)) {
        self.soffice = soffice
        self.timeout = timeout
    }

    /// The `soffice` on the PATH, if there is one and it can be run cut off from the network.
    /// `GX_SOFFICE` names another binary; set empty it turns conversion off.
    public static func onPath() -> LegacyWordConverter? {
        let environment = ProcessInfo.processInfo.environment
        if environment["GX_SOFFICE"] == "" { return nil }
        guard unshare != nil else { return nil }
        if let named = environment["GX_SOFFICE"] {
            return named.isEmpty || access(named, X_OK) != 0 ? nil : LegacyWordConverter(soffice: named)
        }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/soffice"
            if access(candidate, X_OK) == 0 { return LegacyWordConverter(soffice: candidate) }
        }
        return nil
    }

    /// What the report says about where its DOCX came from.
    public var provenance: String { "converted to DOCX by LibreOffice (\(soffice)), offline, in a private temporary folder" }

    /// The DOCX LibreOffice makes of `bytes`. Errors are `GX-E-FORMAT` with what went wrong.
    public func convert(_ bytes: [UInt8], limits: ReadLimits) throws -> [UInt8] {
        guard let unshare = Self.unshare else {
            throw GXError(.unsupportedFormat, "this is an old binary Word/WPS file, and LibreOffice cannot be run without network access here",
                          hint: "save it as .docx in Word, WPS or LibreOffice and convert that")
        }
        var template = Array("\(NSTemporaryDirectory())/gxconvert-legacy-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw GXError(.io, "cannot make a temporary folder for LibreOffice: \(String(cString: strerror(errno)))")
        }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = folder + "/upload.doc"
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw GXError(.io, "cannot write the upload for LibreOffice into \(folder)")
        }
        let arguments = [unshare, "-rn", soffice, "-env:UserInstallation=file://\(folder)/profile", "--headless",
                         "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
                         "--outdir", folder + "/out", input]
        let status = try run(arguments, home: folder)
        let output = folder + "/out/upload.docx"
        guard status == 0, let data = FileManager.default.contents(atPath: output), !data.isEmpty else {
            throw GXError(.unsupportedFormat, "LibreOffice could not convert this old binary Office file to DOCX (exit \(status))",
                          hint: "it may be a spreadsheet, a presentation or damaged; open it and save it as .docx")
        }
        guard data.count <= limits.maxInputBytes else {
            throw GXError(.limit, "LibreOffice's DOCX is \(data.count) bytes, over the \(limits.maxInputBytes)-byte limit")
        }
        return [UInt8](data)
    }

    /// `unshare` when it can make a network namespace here (checked once per process).
    static let unshare: String? = {
        for candidate in ["/usr/bin/unshare", "/bin/unshare"] where access(candidate, X_OK) == 0 {
            let probe = LegacyWordConverter(soffice: "/bin/true", timeout: .seconds(10))
            if (try? probe.run([candidate, "-rn", "/bin/true"], home: "/tmp")) == 0 { return candidate }
        }
        return nil
    }()

    /// Runs a command in its own process group, output discarded, and kills the group at the timeout.
    func run(_ arguments: [String], home: String) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // A clean environment: no proxies, the temporary folder as home.
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let environment = ["HOME=\(home)", "PATH=\(path)", "LANG=C.UTF-8", "SAL_USE_VCLPLUGIN=svp", "TMPDIR=\(home)"]
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = environment.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) }; for p in envp { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, &envp)
        guard spawned == 0 else {
            throw GXError(.unsupportedFormat, "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { return -1 }
            if ContinuousClock.now >= deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw GXError(.limit, "LibreOffice did not finish converting within \(timeout)",
                              hint: "save the file as .docx and convert that")
            }
            usleep(20_000)
        }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
}
