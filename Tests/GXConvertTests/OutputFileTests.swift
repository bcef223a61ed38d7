#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import GXTestSupport

/// Issue 20 §4: what `-o` may and may not do to the files it lands on, and names that are not UTF-8.
@Suite struct OutputFileTests {
    static let seed = CLITests.seed

    static func mode(_ path: String) -> UInt32 {
        var st = stat()
        return lstat(path, &st) == 0 ? UInt32(st.st_mode & 0o7777) : 0xFFFF
    }

    static func kind(_ path: String) -> UInt32 {
        var st = stat()
        return lstat(path, &st) == 0 ? UInt32(st.st_mode & S_IFMT) : 0
    }

    /// gxconvert under a shell with this umask.
    static func run(umask: String, _ arguments: [String]) throws -> CLITests.Run {
        try CLITests.run(["-c", "umask \(umask); exec \"$0\" \"$@\"", CLITests.binary.path] + arguments, shell: true)
    }

    // MARK: -o onto the input

    @Test func convertRefusesToWriteOntoItsInput() throws {
        let dir = try Fixtures.temporaryFolder("same-file")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("upload.docx").path
        try FileManager.default.copyItem(atPath: Self.seed, toPath: input)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let link = dir.appendingPathComponent("hard-link.docx").path
        #expect(Glibc.link(input, link) == 0)
        for output in [input, dir.appendingPathComponent("./upload.docx").path, link] {
            let r = try CLITests.run([input, "--to", "docx", "-o", output])
            #expect(r.status == 4, "\(output)")
            #expect(r.stderr.contains("GX-E-SAME-FILE"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before, "the input is untouched")
        }
        // Another file is fine.
        #expect(try CLITests.run([input, "--to", "docx", "-o", dir.appendingPathComponent("clean.docx").path]).status == 0)
    }

    @Test func batchRefusesAnOutputThatIsOrWouldBecomeAnInput() throws {
        let dir = try Fixtures.temporaryFolder("batch-same-file")
        defer { try? FileManager.default.removeItem(at: dir) }
        let reports = dir.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.seed, toPath: reports.appendingPathComponent("a.docx").path)

        // A name the walk takes, inside the walked folder (also below it, also spelled with ..).
        for output in ["reports/out.txt", "reports/sub/out.html", "reports/sub/../out.txt"] {
            let path = dir.appendingPathComponent(output).path
            let r = try CLITests.run(["batch", reports.path, "-o", path, "--to", "csv-wide"])
            #expect(r.status == 4, "\(output)")
            #expect(r.stderr.contains("GX-E-SAME-FILE"), "\(output)")
            #expect(!FileManager.default.fileExists(atPath: path), "nothing written: \(output)")
        }
        // With --all-files every name is taken.
        let all = try CLITests.run(["batch", reports.path, "-o", reports.appendingPathComponent("out.jsonl").path, "--all-files"])
        #expect(all.status == 4 && all.stderr.contains("GX-E-SAME-FILE"))
        // An input named on the command line.
        let input = reports.appendingPathComponent("a.docx").path
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let named = try CLITests.run(["batch", input, "-o", input])
        #expect(named.status == 4 && named.stderr.contains("GX-E-SAME-FILE"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)

        // Names the walk never takes are fine inside the folder: .jsonl and .csv, hidden names.
        for output in ["reports/out.jsonl", "reports/out.csv", "reports/.out.txt"] {
            let path = dir.appendingPathComponent(output).path
            let r = try CLITests.run(["batch", reports.path, "-o", path, "--to", output.hasSuffix("jsonl") ? "jsonl" : "csv-wide"])
            #expect(r.status == 0, "\(output): \(r.stderr)")
            try? FileManager.default.removeItem(atPath: path)
        }
        // And so is any name outside it.
        #expect(try CLITests.run(["batch", reports.path, "-o", dir.appendingPathComponent("out.txt").path, "--to", "csv-wide"]).status == 0)
    }

    // MARK: -o onto a device or FIFO

    @Test func aCharacterDeviceIsWrittenInPlaceNeverReplaced() throws {
        let dir = try Fixtures.temporaryFolder("device")
        defer { try? FileManager.default.removeItem(at: dir) }
        // As root, a null device of our own (major 1, minor 3, as makedev encodes small numbers), so
        // a regression cannot replace the system's /dev/null; otherwise /dev/null itself, which a
        // user cannot replace (a regression then fails with exit 4).
        var node = dir.appendingPathComponent("null").path
        if geteuid() == 0 {
            try #require(mknod(node, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0, "mknod: \(String(cString: strerror(errno)))")
        } else {
            node = "/dev/null"
        }
        for arguments in [[Self.seed, "-o", node], ["batch", Self.seed, "-o", node]] {
            let r = try CLITests.run(arguments)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            #expect(Self.kind(node) == UInt32(S_IFCHR), "still a device after \(arguments)")
        }
        let resume = try CLITests.run(["batch", Self.seed, "-o", node, "--resume"])
        #expect(resume.status == 4 && resume.stderr.contains("GX-E-OUTPUT"))
        if geteuid() == 0 { #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["null"], "no temp file left") }
    }

    @Test func aFIFOIsWrittenInPlaceOrRefusedWithNoReader() throws {
        let dir = try Fixtures.temporaryFolder("fifo-out")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let noReader = try CLITests.run([Self.seed, "-o", fifo])
        #expect(noReader.status == 4 && noReader.stderr.contains("GX-E-OUTPUT"), "refused at once, not blocked")
        #expect(Self.kind(fifo) == UInt32(S_IFIFO))

        // With a reader, the JSON goes through the FIFO.
        let reader = try CLITests.start(["/bin/sh", "-c", "cat \"$0\" > \"$0.out\"", fifo])
        // Until the reader has the FIFO open, a write is refused (as above): try again meanwhile.
        var r = try CLITests.run([Self.seed, "-o", fifo])
        for _ in 0..<100 where r.status == 4 && r.stderr.contains("GX-E-OUTPUT") {
            usleep(100_000)
            r = try CLITests.run([Self.seed, "-o", fifo])
        }
        reader.waitUntilExit()
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.kind(fifo) == UInt32(S_IFIFO))
        let through = try Data(contentsOf: URL(fileURLWithPath: fifo + ".out"))
        #expect((try JSONSerialization.jsonObject(with: through) as? [String: Any])?["agency"] as? String == "昌乐县红河镇人民政府")
    }

    // MARK: output mode

    @Test func aNewOutputTakesTheUmaskAndAReplacedOneKeepsItsMode() throws {
        let dir = try Fixtures.temporaryFolder("mode")
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("r.json").path
        #expect(try Self.run(umask: "027", [Self.seed, "-o", json]).status == 0)
        #expect(Self.mode(json) == 0o640, "0666 less umask 027, not a forced 0644: \(String(Self.mode(json), radix: 8))")
        let open = dir.appendingPathComponent("open.json").path
        #expect(try Self.run(umask: "000", [Self.seed, "-o", open]).status == 0)
        #expect(Self.mode(open) == 0o666)

        #expect(chmod(json, 0o600) == 0)
        #expect(try Self.run(umask: "022", [Self.seed, "-o", json, "--compact"]).status == 0)
        #expect(Self.mode(json) == 0o600, "a replaced file keeps its mode: \(String(Self.mode(json), radix: 8))")
        #expect(chmod(json, 0o664) == 0)
        #expect(try Self.run(umask: "077", [Self.seed, "-o", json]).status == 0)
        #expect(Self.mode(json) == 0o664)

        // The batch output too, new and resumed.
        let batch = dir.appendingPathComponent("b.jsonl").path
        #expect(try Self.run(umask: "027", ["batch", Self.seed, "-o", batch]).status == 0)
        #expect(Self.mode(batch) == 0o640)
        #expect(chmod(batch, 0o604) == 0)
        #expect(try Self.run(umask: "077", ["batch", Self.seed, "-o", batch, "--resume"]).status == 0)
        #expect(Self.mode(batch) == 0o604)

        // A symbolic link to the output: the file it names is replaced, the link stays.
        let link = dir.appendingPathComponent("link.json").path
        #expect(symlink(json, link) == 0)
        #expect(try CLITests.run([Self.seed, "-o", link]).status == 0)
        #expect(Self.kind(link) == UInt32(S_IFLNK))
    }

    // MARK: two runs on one batch output

    @Test func aSecondBatchOnALockedOutputIsRefusedAndTouchesNothing() throws {
        let dir = try Fixtures.temporaryFolder("locked")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("out.jsonl").path
        #expect(try CLITests.run(["batch", Self.seed, "-o", output]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: output))
        // What a running batch holds: an exclusive flock on the output.
        let fd = Glibc.open(output, O_RDONLY)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        defer { close(fd) }
        for extra in [[], ["--resume"], ["--to", "csv-wide"]] {
            let r = try CLITests.run(["batch", Self.seed, "-o", output] + extra)
            #expect(r.status == 4, "\(extra)")
            #expect(r.stderr.contains("GX-E-LOCKED"), "\(extra): \(r.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == before, "untouched with \(extra)")
        }
        _ = flock(fd, LOCK_UN)
        #expect(try CLITests.run(["batch", Self.seed, "-o", output, "--resume"]).status == 0)
    }

    @Test func twoRealBatchRunsOnOneOutputDoNotInterleave() throws {
        let dir = try BatchCLITests.corpus(copies: 80)
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("../\(dir.lastPathComponent).jsonl").standardized.path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let first = try CLITests.start([CLITests.binary.path, "batch", dir.path, "-o", output, "--jobs", "1"])
        // Once the first run has its lock (its first record is out), start the second.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, ((try? Data(contentsOf: URL(fileURLWithPath: output)))?.count ?? 0) == 0 { usleep(2_000) }
        let second = try CLITests.run(["batch", dir.path, "-o", output, "--jobs", "1", "--resume"])
        first.waitUntilExit()
        #expect(second.status == 4 && second.stderr.contains("GX-E-LOCKED"), "\(second.stderr)")
        #expect(first.terminationStatus == 3, "one broken input")
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 81, "one record per input, none torn or doubled")
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }

    // MARK: names that are not UTF-8

    /// GBK for 报 (B1 A8) and 年度 (C4 EA B6 C8), as a Chinese Windows share names files.
    static let gbkFolder: [UInt8] = [0xB1, 0xA8]
    static let gbkFile: [UInt8] = [0xC4, 0xEA, 0xB6, 0xC8] + Array(".docx".utf8)

    @Test func aNonUTF8NameOnTheCommandLineIsOpenedByItsBytes() throws {
        let dir = try Fixtures.temporaryFolder("gbk-argv")
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = Array(dir.path.utf8) + [0x2F] + Self.gbkFolder
        #expect(RawFS.mkdir(folder) == 0)
        let file = folder + [0x2F] + Self.gbkFile
        try RawFS.write(file, Fixtures.bytes(URL(fileURLWithPath: Self.seed)))

        let json = dir.appendingPathComponent("out.json").path
        let r = try RawFS.spawn(CLITests.binary.path, [file, Array("-o".utf8), Array(json.utf8)])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        #expect((report?["source"] as? [String: Any])?["path"] as? String == dir.path + "/\\xB1\\xA8/\\xC4\\xEA\\xB6\\xC8.docx")

        // A missing one is named the same way in the error.
        let missing = try RawFS.spawn(CLITests.binary.path, [folder + [0x2F, 0xFF] + Array(".docx".utf8)])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("\\xB1\\xA8/\\xFF.docx: GX-E-IO"), "\(missing.stderr)")

        // batch given the GBK folder itself.
        let out = dir.appendingPathComponent("b.jsonl").path
        let batch = try RawFS.spawn(CLITests.binary.path, [Array("batch".utf8), folder, Array("-o".utf8), Array(out.utf8)])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stderr.contains("1 file(s); converted 1"), "\(batch.stderr)")
    }
}

/// File calls by raw bytes, for making and running what Swift's `String` paths cannot name.
enum RawFS {
    static func cString(_ bytes: [UInt8]) -> [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

    static func mkdir(_ path: [UInt8]) -> Int32 { cString(path).withUnsafeBufferPointer { Glibc.mkdir($0.baseAddress!, 0o755) } }

    static func write(_ path: [UInt8], _ bytes: [UInt8]) throws {
        let fd = cString(path).withUnsafeBufferPointer { Glibc.open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// Runs `program` with arguments given as bytes (Foundation's Process takes Strings only).
    static func spawn(_ program: String, _ arguments: [[UInt8]]) throws -> (status: Int32, stderr: String) {
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("gx-spawn-\(UUID().uuidString)").path
        defer { unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([Array(program.utf8)] + arguments).map { bytes in
            cString(bytes).withUnsafeBufferPointer { strdup($0.baseAddress!) }
        } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exit, (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}
