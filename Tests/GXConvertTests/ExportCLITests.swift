import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// glibc's pseudo-terminal calls, which the Glibc module leaves out (they sit behind _XOPEN_SOURCE).
@_silgen_name("posix_openpt") private func c_posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func c_grantpt(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func c_unlockpt(_ fd: Int32) -> Int32
@_silgen_name("ptsname") private func c_ptsname(_ fd: Int32) -> UnsafeMutablePointer<CChar>?

/// `gxconvert <input> --to json|csv|md|html|docx|txt [-o FILE]` as scripts use it.
@Suite struct ExportCLITests {
    static let seed = CLITests.seed

    @Test(arguments: ["json", "csv", "md", "html", "docx", "txt"])
    func everyFormatGoesToStdoutAndToAFileAlike(_ format: String) throws {
        let piped = try CLITests.run([Self.seed, "--to", format])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stderr.isEmpty)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gx-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("out.\(format)")
        let written = try CLITests.run([Self.seed, "--to", format, "-o", file.path])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(try Data(contentsOf: file) == piped.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.\(format)"])
    }

    @Test func docxOnAPipeIsAZip() throws {
        let r = try CLITests.run([Self.seed, "--to", "docx"])
        #expect(r.status == 0)
        #expect(r.stdout.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
    }

    @Test func excelCSVHasABOM() throws {
        let excel = try CLITests.run([Self.seed, "--to", "csv", "--excel"])
        let plain = try CLITests.run([Self.seed, "--to", "csv"])
        #expect(excel.stdout.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(excel.stdout.dropFirst(3) == plain.stdout)
        #expect(plain.stdout.prefix(5) == Data("agenc".utf8))
    }

    @Test func optionsForOtherFormatsAreUsageErrors() throws {
        #expect(try CLITests.run([Self.seed, "--to", "json", "--excel"]).status == 64)
        #expect(try CLITests.run([Self.seed, "--to", "csv", "--compact"]).status == 64)
    }

    /// A DOCX is never sprayed over a terminal: stdout on a pseudo-terminal is refused with a
    /// coded line, before the input is even read.
    @Test func docxToATerminalIsRefused() throws {
        let master = c_posix_openpt(O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        defer { close(master) }
        #expect(c_grantpt(master) == 0 && c_unlockpt(master) == 0)
        let name = String(cString: try #require(c_ptsname(master)))
        let slave = open(name, O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = [Self.seed, "--to", "docx"]
        process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 4)
        #expect(message.contains("GX-E-OUTPUT") && message.contains("terminal") && message.contains("-o"))
    }
}
