#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import GXTestSupport
@testable import GXServer

/// The service's refusals: 413 while the body streams, 503 on a full queue and while draining,
/// 401 without the token; and the token compare.
@Suite struct LimitsAndAuthTests {
    @Test func declaredOversizeIs413BeforeReading() async throws {
        let (app, _) = ServerAPITests.app { $0.maxUploadBytes = 1000 }
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/convert", method: .post, headers: ServerAPITests.octet,
                                     body: ByteBuffer(bytes: [UInt8](repeating: 0x41, count: 1001))) { response in
                #expect(response.status == .contentTooLarge)
                #expect(ServerAPITests.errorCode(response.body).code == "GX-E-LIMIT")
                #expect(ServerAPITests.documented("/api/v1/convert", "post", 413))
            }
            // Exactly at the limit is read (and, being text of one letter, converted).
            try await client.execute(uri: "/api/v1/convert", method: .post, headers: ServerAPITests.octet,
                                     body: ByteBuffer(bytes: [UInt8](repeating: 0x41, count: 1000))) { response in
                #expect(response.status != .contentTooLarge)
            }
        }
    }

    /// A chunked body with no length, sent over a real socket chunk by chunk: the answer is 413
    /// once the running total passes the limit, while the client is still sending (it never
    /// sends the final chunk, so a server that buffered the whole body first would never answer).
    @Test func chunkedOversizeIs413WhileStreaming() async throws {
        let (app, _) = ServerAPITests.app { $0.maxUploadBytes = 64 * 1024 }
        try await app.test(.live) { client in
            let port = client.port!
            let answer = try await Task.detached { try RawHTTP.chunkedUpload(port: port, chunk: 16 * 1024, maxChunks: 4096) }.value
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
            #expect(answer.contains("\"code\":\"GX-E-LIMIT\""))
            #expect(answer.lowercased().contains("content-type: application/json"))
        }
    }

    @Test func fullQueueIs503WithRetryAfter() async throws {
        let (app, state) = ServerAPITests.app { $0.workers = 1; $0.queue = 1 }
        try await app.test(.router) { client in
            // Two places (one worker, one queued), both taken as by two uploads in progress.
            #expect(state.pool.admit() && state.pool.admit())
            #expect(!state.pool.admit())
            try await client.execute(uri: "/api/v1/convert", method: .post, headers: ServerAPITests.octet,
                                     body: try ServerAPITests.buffer(ServerAPITests.docx)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
                #expect(ServerAPITests.errorCode(response.body).code == "GX-E-BUSY")
                #expect(ServerAPITests.documented("/api/v1/convert", "post", 503))
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(String(buffer: response.body).contains("gxconvert_requests_in_flight 2\n"))
            }
            state.pool.release()
            try await client.execute(uri: "/api/v1/convert", method: .post, headers: ServerAPITests.octet,
                                     body: try ServerAPITests.buffer(ServerAPITests.docx)) { #expect($0.status == .ok) }
            state.pool.release()
            #expect(state.pool.admitted == 0)
        }
    }

    /// The pool really runs at most `workers` jobs at once, and every job's result comes back.
    @Test func poolRunsAtMostWorkersAtOnce() async throws {
        let pool = WorkerPool(workers: 2, queue: 100)
        defer { pool.shutdown() }
        let running = Counter()
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<40 {
                group.addTask {
                    try await pool.run { () throws(CancellationError) -> Int in
                        running.enter()
                        usleep(2000)
                        running.leave()
                        return i
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results.sorted() == Array(0..<40))
        #expect(running.peak <= 2 && running.peak >= 1)
    }

    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var now = 0, peak = 0
        func enter() { lock.lock(); now += 1; peak = max(peak, now); lock.unlock() }
        func leave() { lock.lock(); now -= 1; lock.unlock() }
    }

    @Test func drainingRefusesNewUploads() async throws {
        let (app, state) = ServerAPITests.app()
        try await app.test(.router) { client in
            state.startDraining()
            try await client.execute(uri: "/api/v1/convert", method: .post, headers: ServerAPITests.octet,
                                     body: try ServerAPITests.buffer(ServerAPITests.docx)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .serviceUnavailable) }
            #expect(ServerAPITests.documented("/healthz", "get", 503))
        }
    }

    static let token = "s3cret-token-0123456789"

    @Test func bearerTokenWhenSet() async throws {
        let (app, _) = ServerAPITests.app { $0.authToken = Self.token }
        let body = try ServerAPITests.buffer(ServerAPITests.docx)
        try await app.test(.router) { client in
            for auth in [nil, "Bearer wrong", "Bearer \(Self.token)x", "Basic \(Self.token)", "Bearer "] as [String?] {
                var headers = ServerAPITests.octet
                if let auth { headers[.authorization] = auth }
                for uri in ["/api/v1/convert", "/api/v1/validate", "/api/v1/inspect"] {
                    try await client.execute(uri: uri, method: .post, headers: headers, body: body) { response in
                        #expect(response.status == .unauthorized, "\(uri) \(auth ?? "none")")
                        #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"gxconvert\"")
                        #expect(ServerAPITests.errorCode(response.body).code == "GX-E-AUTH")
                        #expect(ServerAPITests.documented(uri, "post", 401))
                    }
                }
                try await client.execute(uri: "/metrics", method: .get, headers: headers) { #expect($0.status == .unauthorized) }
            }
            var good = ServerAPITests.octet
            good[.authorization] = "Bearer \(Self.token)"
            try await client.execute(uri: "/api/v1/convert", method: .post, headers: good, body: body) { #expect($0.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get, headers: good) { #expect($0.status == .ok) }
            for open in ["/", "/page.js", "/page.css", "/healthz", "/api/v1/openapi.json"] {
                try await client.execute(uri: open, method: .get) { #expect($0.status == .ok, "\(open)") }
            }
            try await client.execute(uri: "/", method: .get) { #expect(String(buffer: $0.body).contains("data-auth=\"required\"")) }
        }
    }

    @Test func noTokenByDefaultOnLoopback() async throws {
        let (app, state) = ServerAPITests.app()
        #expect(state.options.authToken == nil)
        #expect(ServerOptions.isLoopback(state.options.host))
        #expect(!ServerOptions.isLoopback("0.0.0.0") && !ServerOptions.isLoopback("192.168.1.2"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/convert", method: .post, headers: ServerAPITests.octet,
                                     body: try ServerAPITests.buffer(ServerAPITests.docx)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/", method: .get) { #expect(String(buffer: $0.body).contains("data-auth=\"off\"")) }
        }
    }

    @Test func constantTimeCompareIsEquality() {
        let eq = BearerAuthMiddleware<BasicRequestContext>.equal
        #expect(eq(Array("abc".utf8), Array("abc".utf8)))
        #expect(!eq(Array("abc".utf8), Array("abd".utf8)))
        #expect(!eq(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!eq(Array("".utf8), Array("a".utf8)))
        // Lengths 256 apart must not wrap to equal.
        #expect(!eq([UInt8](repeating: 1, count: 256), []))
    }
}

/// A bare HTTP/1.1 client over a socket, for what the test clients cannot send: a chunked body
/// that keeps coming.
enum RawHTTP {
    static func chunkedUpload(port: Int, chunk: Int, maxChunks: Int) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        func send(_ bytes: [UInt8]) -> Bool {
            var off = 0
            while off < bytes.count {
                let n = bytes[off...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return false }
                off += n
            }
            return true
        }
        _ = send(Array("POST /api/v1/convert?to=json HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
        let payload = Array(String(chunk, radix: 16).utf8) + [13, 10] + [UInt8](repeating: 0x41, count: chunk) + [13, 10]
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<maxChunks {
            // Stop sending as soon as an answer is there to read.
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, 0) > 0 { break }
            if !send(payload) { break }
        }
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            answer += buffer[0..<n]
            if let s = String(bytes: answer, encoding: .utf8), s.contains("\r\n\r\n"), s.contains("}") { break }
        }
        return String(decoding: answer, as: UTF8.self)
    }
}
