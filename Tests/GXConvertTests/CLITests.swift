import Foundation
import Testing
import GXTestSupport

/// The command as scripts use it: exit statuses, stdout/stderr discipline, atomic output.
@Suite struct CLITests {
    static let binary: URL = {
        // Tests run from the build products folder, where the gxconvert executable sits too.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("gxconvert")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return Fixtures.root.deletingLastPathComponent().appendingPathComponent(".build/debug/gxconvert")
    }()

    struct Run { var status: Int32; var stdout: Data; var stderr: String }

    /// `shell`: run /bin/sh with these arguments instead of gxconvert.
    static func run(_ arguments: [String], stdin: Data? = nil, shell: Bool = false) throws -> Run {
        let process = Process()
        process.executableURL = shell ? URL(fileURLWithPath: "/bin/sh") : binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: o, stderr: String(decoding: e, as: UTF8.self))
    }

    /// Starts `command[0]` with the rest as arguments, output discarded; the caller waits for it.
    static func start(_ command: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static let seed = Fixtures.root.appendingPathComponent("docx/seed000-word.docx").path

    @Test func convertsToJSONOnStdout() throws {
        let r = try Self.run([Self.seed, "--to", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: r.stdout) as! [String: Any]
        #expect(json["agency"] as? String == "昌乐县红河镇人民政府")
        #expect(r.stderr.isEmpty)
    }

    @Test func readsStandardInput() throws {
        let r = try Self.run(["-", "--from", "docx"], stdin: try Data(contentsOf: URL(fileURLWithPath: Self.seed)))
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: r.stdout) as! [String: Any]
        #expect((json["source"] as! [String: Any])["path"] as? String == "-")
    }

    @Test func badInputExitsThreeWithACodedLineAndNoStdout() throws {
        let bomb = Fixtures.root.appendingPathComponent("hostile/zip-bomb-ratio.docx").path
        let r = try Self.run([bomb, "--to", "json"])
        #expect(r.status == 3)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("GX-E-LIMIT"))
        #expect(r.stderr.contains("zip-bomb-ratio.docx"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func outputFileIsWrittenWholeOrNotAtAll() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gx-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.json").path

        let ok = try Self.run([Self.seed, "-o", out])
        #expect(ok.status == 0)
        #expect(ok.stdout.isEmpty)
        let written = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(try JSONSerialization.jsonObject(with: written) is [String: Any])

        let failed = try Self.run([Fixtures.root.appendingPathComponent("hostile/truncated.docx").path, "-o", out])
        #expect(failed.status == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == written, "a failed run leaves the old output untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(leftovers == ["r.json"], "no temp or partial files")
    }

    @Test func missingFileAndUsageErrors() throws {
        let missing = try Self.run(["/nonexistent/report.docx"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("GX-E-IO"))
        let usage = try Self.run([Self.seed, "--to", "pdf"])
        #expect(usage.status == 64)
    }

    @Test func helpShowsARealExample() throws {
        let r = try Self.run(["--help"])
        #expect(r.status == 0)
        let text = String(decoding: r.stdout, as: UTF8.self)
        #expect(text.contains("gxconvert report.docx --to json"))
        #expect(text.contains("EXIT STATUS"))
    }
}
