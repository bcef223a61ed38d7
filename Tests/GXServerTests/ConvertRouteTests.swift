import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import GXTestSupport
@testable import GXServer

/// POST /api/v1/convert and /api/v1/validate answer exactly what the command line writes.
@Suite struct ConvertRouteTests {
    static let binary: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("gxconvert")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return Fixtures.root.deletingLastPathComponent().appendingPathComponent(".build/debug/gxconvert")
    }()

    /// The CLI's standard output for these arguments, run from the repository root.
    static func cli(_ arguments: [String]) throws -> (status: Int32, stdout: [UInt8], stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root.deletingLastPathComponent()
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, [UInt8](data), String(decoding: errors, as: UTF8.self))
    }

    /// One fixture of each input format (DOCX by Word and by LibreOffice, HTML, text, OCR text).
    static let inputs = ["Fixtures/docx/seed000-word.docx", "Fixtures/validation/t4-sum-zero-totals.docx",
                         "Fixtures/html/kun2022-gbk.html", "Fixtures/text/seed001.txt", "Fixtures/validation/t3-bal.txt"]

    static func bytes(_ relative: String) throws -> [UInt8] {
        try Fixtures.bytes(Fixtures.root.deletingLastPathComponent().appendingPathComponent(relative))
    }

    @Test(arguments: inputs)
    func everyFormatIsTheCommandLinesBytes(_ input: String) async throws {
        let (app, _) = ServerAPITests.app()
        let body = ByteBuffer(bytes: try Self.bytes(input))
        try await app.test(.router) { client in
            for (to, extra) in [("json", ""), ("json", "&compact=true"), ("csv", ""), ("csv", "&excel=true"), ("md", ""),
                                ("html", ""), ("docx", ""), ("txt", "")] {
                var args = [input, "--to", to]
                if extra.contains("compact") { args.append("--compact") }
                if extra.contains("excel") { args.append("--excel") }
                let expected = try Self.cli(args)
                #expect(expected.status == 0)
                let name = input.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                try await client.execute(uri: "/api/v1/convert?to=\(to)\(extra)&name=\(name)", method: .post,
                                         headers: ServerAPITests.octet, body: body) { response in
                    #expect(response.status == .ok, "\(input) \(to)")
                    #expect([UInt8](buffer: response.body) == expected.stdout, "\(input) --to \(to) \(extra) differs from the CLI")
                    let file = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent + "." + to
                    #expect(response.headers[.contentDisposition]?.contains("filename=\"\(file)\"") == true)
                    #expect(response.headers[.contentType] == GXService.headers(for: .init(rawValue: to)!, name: input)[.contentType])
                }
            }
        }
    }

    @Test func contentTypes() {
        #expect(GXService.headers(for: .docx, name: "a.docx")[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(GXService.headers(for: .csv, name: "a.docx")[.contentType] == "text/csv; charset=utf-8")
        #expect(GXService.headers(for: .html, name: "a.docx")[.contentSecurityPolicy]?.contains("sandbox") == true)
        // A Chinese name: ASCII fallback and the UTF-8 form.
        let d = UploadName.disposition("报告/2023年 \"年报\".docx", ext: "json")
        #expect(d == "attachment; filename=\"2023_ ____.json\"; filename*=UTF-8''2023%E5%B9%B4%20%22%E5%B9%B4%E6%8A%A5%22.json")
    }

    @Test func multipartIsTheSameAsTheBareBody() async throws {
        let (app, _) = ServerAPITests.app()
        let file = try Self.bytes(Self.inputs[0])
        let boundary = "----gx\(UInt32.random(in: 0...UInt32.max))"
        var parts = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n".utf8)
        parts += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"seed000-word.docx\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        parts += file + Array("\r\n--\(boundary)--\r\n".utf8)
        let body = parts
        let expected = try Self.cli(["Fixtures/docx/seed000-word.docx", "--to", "csv"]).stdout
        try await app.test(.router) { client in
            // The part's filename names the upload when no name parameter is given.
            let cliSameName = try Self.cliNamed("seed000-word.docx", Self.inputs[0], to: "json")
            try await client.execute(uri: "/api/v1/convert", method: .post,
                                     headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                     body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .ok)
                #expect([UInt8](buffer: response.body) == cliSameName)
            }
            try await client.execute(uri: "/api/v1/convert?to=csv&name=Fixtures/docx/seed000-word.docx", method: .post,
                                     headers: [.contentType: "multipart/form-data; boundary=\"\(boundary)\""],
                                     body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .ok)
                #expect([UInt8](buffer: response.body) == expected)
            }
            // A body with no file part, and one cut short.
            try await client.execute(uri: "/api/v1/convert", method: .post,
                                     headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                     body: ByteBuffer(bytes: Array(body[0..<60]))) { response in
                #expect(response.status == .badRequest)
                #expect(ServerAPITests.errorCode(response.body).code == "GX-E-REQUEST")
            }
        }
    }

    /// The CLI run on a copy named `name` in a temporary folder (so `source.path` is that name).
    static func cliNamed(_ name: String, _ input: String, to: String) throws -> [UInt8] {
        let dir = try Fixtures.temporaryFolder("serve-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(try bytes(input)).write(to: dir.appendingPathComponent(name))
        let process = Process()
        process.executableURL = binary
        process.arguments = [name, "--to", to]
        process.currentDirectoryURL = dir
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    @Test func validateIsTheCommandLinesJSONWithCrossYearFindings() async throws {
        let files = ["Fixtures/validation/x-carry-2022.docx", "Fixtures/validation/x-carry-2023.docx", "Fixtures/hostile/truncated.docx"]
        let expected = try Self.cli(["validate", "--format", "json"] + files)
        #expect(expected.status == 3)
        let boundary = "gxboundary42"
        var parts: [UInt8] = []
        for f in files {
            parts += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(f)\"\r\n\r\n".utf8)
            parts += try Self.bytes(f) + Array("\r\n".utf8)
        }
        parts += Array("--\(boundary)--\r\n".utf8)
        let body = parts
        let (app, _) = ServerAPITests.app()
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/validate", method: .post,
                                     headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                     body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .ok)
                #expect([UInt8](buffer: response.body) == expected.stdout)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
                #expect((json["cross_year"] as! [Any]).count >= 1)
                #expect(ServerAPITests.documented("/api/v1/validate", "post", 200))
            }
        }
    }

    @Test func inspectGivesTheReportAndTheWritersPage() async throws {
        let (app, _) = ServerAPITests.app()
        let input = "Fixtures/validation/t4-sum-zero-totals.docx"
        let html = try Self.cli([input, "--to", "html"]).stdout
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/inspect?name=\(input)", method: .post, headers: ServerAPITests.octet,
                                     body: ByteBuffer(bytes: try Self.bytes(input))) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
                #expect(json["status"] as? String == "errors")
                #expect(Array((json["html"] as! String).utf8) == html)
                let report = json["report"] as! [String: Any]
                #expect((report["diagnostics"] as! [[String: Any]]).contains { $0["code"] as? String == "T4-SUM" })
            }
        }
    }

    @Test func unreadableIs422WithTheReadersCodeAndPlace() async throws {
        let (app, _) = ServerAPITests.app()
        try await app.test(.router) { client in
            for (file, code) in [("truncated.docx", "GX-E-ZIP"), ("xxe-file.docx", "GX-E-DTD"), ("zip-bomb-ratio.docx", "GX-E-LIMIT"),
                                 ("old-word.doc.docx", "GX-E-FORMAT"), ("empty.docx", "GX-E-EMPTY")] {
                let url = Fixtures.root.appendingPathComponent("hostile/\(file)")
                let cli = try Self.cli([url.path, "--to", "json"])
                #expect(cli.status == 3 && cli.stdout.isEmpty)
                // The code is the command line's (its stderr line), whatever the readers call it.
                #expect(cli.stderr.contains(": \(code): "), "\(file): \(cli.stderr)")
                try await client.execute(uri: "/api/v1/convert?name=\(file)", method: .post, headers: ServerAPITests.octet,
                                         body: try ServerAPITests.buffer(url)) { response in
                    #expect(response.status == .unprocessableContent, "\(file)")
                    let (got, where_) = ServerAPITests.errorCode(response.body)
                    #expect(got == code, "\(file)")
                    #expect((where_ as? [String: Any])?["file"] as? String == file)
                    #expect(ServerAPITests.documented("/api/v1/convert", "post", 422))
                }
            }
        }
    }

    @Test func badParametersAre400() async throws {
        let (app, _) = ServerAPITests.app()
        let body = try ServerAPITests.buffer(ServerAPITests.docx)
        try await app.test(.router) { client in
            for (query, parameter) in [("to=pdf", "to"), ("colour=red", "colour"), ("to=json&excel=true", "excel"),
                                       ("to=csv&compact=1", "compact"), ("to=csv&to=json", "to"), ("from=odt", "from"),
                                       ("excel=maybe&to=csv", "excel"), ("name=%0Aevil", "name")] {
                try await client.execute(uri: "/api/v1/convert?\(query)", method: .post, headers: ServerAPITests.octet, body: body) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    let (code, where_) = ServerAPITests.errorCode(response.body)
                    #expect(code == "GX-E-REQUEST")
                    #expect((where_ as? [String: Any])?["parameter"] as? String == parameter, "\(query)")
                }
            }
            try await client.execute(uri: "/api/v1/convert", method: .post, headers: [.contentType: "application/json"], body: body) { response in
                #expect(response.status == .badRequest)
            }
            #expect(ServerAPITests.documented("/api/v1/convert", "post", 400))
        }
    }
}
