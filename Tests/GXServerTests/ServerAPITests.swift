import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import GXTestSupport
@testable import GXServer
import GXExport
import GXModel

/// The API as a portal uses it, through HummingbirdTesting: every route, every status the
/// OpenAPI document promises, and the command line's exact bytes for every fixture format.
@Suite struct ServerAPITests {
    static func app(_ configure: (inout ServerOptions) -> Void = { _ in }) -> (some ApplicationProtocol, ServerState) {
        var options = ServerOptions()
        options.workers = 2
        configure(&options)
        let state = ServerState(options: options)
        let app = Application(router: GXService.router(state), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return (app, state)
    }

    static let docx = Fixtures.root.appendingPathComponent("docx/seed000-word.docx")
    static let truncated = Fixtures.root.appendingPathComponent("hostile/truncated.docx")
    static let octet: HTTPFields = [.contentType: "application/octet-stream"]

    static func buffer(_ url: URL) throws -> ByteBuffer { ByteBuffer(bytes: try Fixtures.bytes(url)) }

    static func errorCode(_ body: ByteBuffer) -> (code: String, where_: Any?) {
        let json = try! JSONSerialization.jsonObject(with: Data(buffer: body)) as! [String: Any]
        let error = json["error"] as! [String: Any]
        #expect(Set(error.keys) == ["code", "message", "where"])
        return (error["code"] as! String, error["where"])
    }

    /// Every (method, path) the service answers is in the OpenAPI document, and every documented
    /// one is answered (not a 404).
    @Test func openAPIDocumentListsExactlyTheRoutes() async throws {
        let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as! [String: Any]
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = document["paths"] as! [String: [String: Any]]
        let documented = Set(paths.flatMap { path, ops in ops.keys.map { "\($0.uppercased()) \(path)" } })
        let served = Set(GXService.routes.map { "\($0.method) \($0.path)" })
        #expect(documented == served)
        // The parameters' values are the command line's.
        let components = document["components"] as! [String: Any]
        let from = ((components["parameters"] as! [String: Any])["from"] as! [String: Any])["schema"] as! [String: Any]
        #expect(Set(from["enum"] as! [String]) == Set(SourceFormat.allCases.map(\.rawValue)))
        let convert = (paths["/api/v1/convert"]!["post"] as! [String: Any])["parameters"] as! [[String: Any]]
        let to = convert.first { $0["name"] as? String == "to" }!["schema"] as! [String: Any]
        #expect(to["enum"] as! [String] == ExportFormat.allCases.map(\.rawValue))
        let (app, _) = Self.app()
        try await app.test(.router) { client in
            for route in GXService.routes {
                try await client.execute(uri: route.path, method: .init(route.method)!, headers: Self.octet) { response in
                    #expect(response.status != .notFound, "\(route.path)")
                    #expect(Self.documented(route.path, route.method.lowercased(), Int(response.status.code)),
                            "\(route.method) \(route.path) answered \(response.status.code), not documented")
                }
            }
            try await client.execute(uri: "/nowhere/../etc/passwd", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.errorCode(response.body).code == "GX-E-NOT-FOUND")
            }
        }
    }

    /// Each status a test below sees is one the document lists for that operation.
    static func documented(_ path: String, _ method: String, _ status: Int) -> Bool {
        let document = try! JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as! [String: Any]
        let op = ((document["paths"] as! [String: Any])[path] as! [String: Any])[method] as! [String: Any]
        return (op["responses"] as! [String: Any]).keys.contains(String(status))
    }

    @Test func pageIsChineseWithItsScriptApartAndAStrictPolicy() async throws {
        let (app, _) = Self.app()
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("script-src 'self'"))
                #expect(!csp.contains("unsafe-inline"))
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"zh-CN\">"))
                #expect(html.contains("<script src=\"/page.js\" defer></script>"))
                #expect(!html.contains("<script>"), "no inline script")
                #expect(!html.contains("style="), "no inline style")
                #expect(!html.contains("http://") && !html.contains("https://"), "no external asset")
                #expect(html.contains("type=\"file\""))
            }
            try await client.execute(uri: "/page.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                let js = String(buffer: response.body)
                #expect(!js.contains("innerHTML"), "report text never goes through innerHTML")
                #expect(!js.contains("eval("))
            }
            try await client.execute(uri: "/page.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }

    @Test func healthAndMetrics() async throws {
        let (app, _) = Self.app()
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
                #expect(json["status"] as? String == "ok")
                #expect(json["workers"] as? Int == 2)
            }
            try await client.execute(uri: "/api/v1/convert?to=json&name=a.docx", method: .post, headers: Self.octet,
                                     body: try Self.buffer(Self.docx)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/convert?to=json&name=t.docx", method: .post, headers: Self.octet,
                                     body: try Self.buffer(Self.truncated)) { #expect($0.status == .unprocessableContent) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                let text = String(buffer: response.body)
                #expect(text.contains("gxconvert_http_requests_total{route=\"/api/v1/convert\",status=\"200\"} 1"))
                #expect(text.contains("gxconvert_http_requests_total{route=\"/api/v1/convert\",status=\"422\"} 1"))
                #expect(text.contains("gxconvert_http_requests_total{route=\"/healthz\",status=\"200\"} 1"))
                #expect(text.contains("gxconvert_conversion_seconds_count{format=\"docx\"} 2"))
                #expect(text.contains("gxconvert_conversion_seconds_bucket{format=\"docx\",le=\"+Inf\"} 2"))
                #expect(text.contains("# TYPE gxconvert_queue_depth gauge\ngxconvert_queue_depth 0\n"))
                // Every sample line is `name{labels} value` or `name value`, as the text format requires.
                for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                    #expect(line.wholeMatch(of: /[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? [0-9.e+-]+/) != nil, "\(line)")
                }
            }
        }
    }
}
