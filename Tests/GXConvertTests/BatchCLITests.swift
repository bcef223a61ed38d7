import Foundation
import Testing
import GXTestSupport

/// `gxconvert batch` as a data team runs it, including being killed and resumed.
@Suite struct BatchCLITests {
    static func corpus(copies: Int) throws -> URL {
        let dir = try Fixtures.temporaryFolder("batch-cli")
        let sources = Fixtures.files("docx", ext: "docx")
        for i in 0..<copies {
            let source = sources[i % sources.count]
            try FileManager.default.copyItem(at: source, to: dir.appendingPathComponent(String(format: "%03d-", i) + source.lastPathComponent))
        }
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("hostile/truncated.docx"),
                                         to: dir.appendingPathComponent("999-broken.docx"))
        return dir
    }

    @Test func aKilledBatchResumesToTheSameOutput() throws {
        let dir = try Self.corpus(copies: 80)
        defer { try? FileManager.default.removeItem(at: dir) }
        let clean = dir.appendingPathComponent("../\(dir.lastPathComponent)-clean.jsonl").standardized
        let killed = dir.appendingPathComponent("../\(dir.lastPathComponent)-killed.jsonl").standardized
        defer { try? FileManager.default.removeItem(at: clean); try? FileManager.default.removeItem(at: killed) }

        let full = try CLITests.run(["batch", dir.path, "-o", clean.path, "--jobs", "2"])
        #expect(full.status == 3, "one broken input")
        #expect(full.stderr.contains("converted 80"))

        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["batch", dir.path, "-o", killed.path, "--jobs", "1"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once some records are out, mid-run.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let lines = (try? Data(contentsOf: killed))?.filter { $0 == 0x0A }.count ?? 0
            if lines >= 5 { break }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = try Data(contentsOf: killed)
        let partialLines = partial.filter { $0 == 0x0A }.count
        #expect(partialLines >= 5 && partialLines < 81, "killed mid-run (\(partialLines) records)")

        let resumed = try CLITests.run(["batch", dir.path, "-o", killed.path, "--jobs", "2", "--resume"])
        #expect(resumed.status == 3)
        #expect(resumed.stderr.contains("already in the output"))
        #expect(try Data(contentsOf: killed) == Data(contentsOf: clean))
    }

    @Test func usageErrors() throws {
        #expect(try CLITests.run(["batch", "Fixtures", "-o", "-", "--resume"]).status == 64)
        #expect(try CLITests.run(["batch", "Fixtures", "-o", "/tmp/x.jsonl", "--jobs", "0"]).status == 64)
        let missing = try CLITests.run(["batch", "/nonexistent-folder", "-o", "/tmp/gx-missing.jsonl"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("GX-E-IO"))
    }
}
