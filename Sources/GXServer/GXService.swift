import GXConvert
import GXExport
import GXModel
import Hummingbird
import Logging
import ServiceLifecycle

/// `gxconvert serve`: the routes, the middleware around them, and the running service.
public enum GXService {
    /// Every route, as the OpenAPI document lists them (a test holds the two together).
    public static let routes: [(method: String, path: String)] = [
        ("GET", "/"), ("GET", "/page.js"), ("GET", "/page.css"), ("GET", "/healthz"), ("GET", "/metrics"),
        ("GET", "/api/v1/openapi.json"), ("POST", "/api/v1/convert"), ("POST", "/api/v1/validate"),
        ("POST", "/api/v1/inspect"),
    ]

    public static func router(_ state: ServerState) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let options = state.options
        router.add(middleware: MetricsMiddleware(metrics: state.metrics, routes: Set(routes.map(\.path))))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: JSONErrorMiddleware())
        if let token = options.authToken { router.add(middleware: BearerAuthMiddleware(token: Array(token.utf8))) }
        router.add(middleware: DrainMiddleware(state: state))

        router.get("/") { _, _ in Page.response(Page.html(authRequired: options.authToken != nil), type: "text/html; charset=utf-8", page: true) }
        router.get("/page.js") { _, _ in Page.response(Page.script, type: "text/javascript; charset=utf-8") }
        router.get("/page.css") { _, _ in Page.response(Page.style, type: "text/css; charset=utf-8") }
        router.get("/healthz") { _, _ in
            if state.draining { throw APIError.busy("the service is shutting down", retryAfter: 5) }
            return json(.object([("status", .string("ok")), ("workers", .int(state.pool.workers)),
                                 ("capacity", .int(state.pool.capacity)), ("in_flight", .int(state.pool.admitted))]))
        }
        router.get("/metrics") { _, _ in
            let text = state.metrics.text(queueDepth: state.pool.waiting, inFlight: state.pool.admitted,
                                          workers: state.pool.workers, capacity: state.pool.capacity)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/api/v1/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }

        router.post("/api/v1/convert") { request, _ in
            let query = try Query(request)
            let format = try query.format()
            let export = ExportOptions(compact: try query.flag("compact"), excel: try query.flag("excel"))
            if export.excel, format != .csv { throw APIError.request("excel applies to to=csv only", parameter: "excel") }
            if export.compact, format != .json { throw APIError.request("compact applies to to=json only", parameter: "compact") }
            let convert = try query.convertOptions(options)
            let bytes = try await admitted(state, request: request, name: query.name, maxFiles: 1, convert: convert) { uploads, convert throws(APIError) in
                try Conversion.convert(uploads[0], to: format, export: export, options: convert)
            }
            return Response(status: .ok, headers: headers(for: format, name: query.name ?? "upload"),
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes.value)))
        }
        router.post("/api/v1/inspect") { request, _ in
            let query = try Query(request)
            let convert = try query.convertOptions(options)
            let value = try await admitted(state, request: request, name: query.name, maxFiles: 1, convert: convert) { uploads, convert throws(APIError) in
                try Conversion.inspect(uploads[0], options: convert)
            }
            return json(value.value)
        }
        router.post("/api/v1/validate") { request, _ in
            let query = try Query(request)
            let convert = try query.convertOptions(options)
            let value = try await admitted(state, request: request, name: nil, maxFiles: options.maxValidateFiles, convert: convert) { uploads, convert in
                Conversion.validate(uploads, options: convert)
            }
            return json(value.value, pretty: true)
        }
        return router
    }

    /// A value made on a worker, wrapped so non-Sendable trees cross back safely (built and read
    /// once, never shared).
    struct Made<T>: @unchecked Sendable { let value: T }

    /// Takes a place in the pool (or 503), reads the upload within the limit (or 413), then runs
    /// `work` on a worker within the request's deadline, timing it for /metrics.
    static func admitted<T>(_ state: ServerState, request: Request, name: String?, maxFiles: Int, convert: ConvertOptions,
                            _ work: @escaping @Sendable ([Upload], ConvertOptions) throws(APIError) -> T) async throws -> Made<T> {
        guard state.pool.admit() else {
            throw APIError.busy("every worker and queue place is taken (\(state.pool.capacity)); try again shortly")
        }
        defer { state.pool.release() }
        var convert = convert
        if let budget = convert.limits.timeBudget { convert.limits.deadline = ContinuousClock.now + budget }
        let limit = state.options.maxUploadBytes
        let uploads = try await UploadBody.files(request, name: name, fileLimit: limit,
                                                 bodyLimit: limit * maxFiles + 64 * 1024, maxFiles: maxFiles)
        let metrics = state.metrics
        let frozen = convert
        return try await state.pool.run { () throws(APIError) -> Made<T> in
            let start = ContinuousClock.now
            defer {
                let elapsed = ContinuousClock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                metrics.conversion(format: Conversion.format(of: uploads[0].bytes, options: frozen), seconds: seconds)
            }
            return Made(value: try work(uploads, frozen))
        }
    }

    /// JSON answers: one line, or pretty exactly as the command line prints it (validate).
    static func json(_ value: JSONValue, pretty: Bool = false) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: pretty ? JSONWriter.bytes(value) : JSONWriter.line(value))))
    }

    /// Content-Type and Content-Disposition of each `--to`, named after the upload.
    static func headers(for format: ExportFormat, name: String) -> HTTPFields {
        let type: String
        switch format {
        case .json: type = "application/json; charset=utf-8"
        case .csv: type = "text/csv; charset=utf-8"
        case .md: type = "text/markdown; charset=utf-8"
        case .html: type = "text/html; charset=utf-8"
        case .docx: type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .txt: type = "text/plain; charset=utf-8"
        }
        var fields: HTTPFields = [.contentType: type, .contentDisposition: UploadName.disposition(name, ext: format.rawValue)]
        // The HTML download is the writer's page: its own inline style, never a script.
        if format == .html { fields[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox" }
        return fields
    }

    /// Runs the service until SIGTERM/SIGINT. On the signal it drains first — new uploads get
    /// 503, admitted ones finish (up to the request deadline) — and only then stops listening.
    public static func run(_ options: ServerOptions, logger: Logger, onListening: @escaping @Sendable (String, Int) -> Void) async throws {
        let state = ServerState(options: options)
        let app = Application(
            router: router(state),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "gxconvert"),
            onServerRunning: { channel in
                onListening(options.host, channel.localAddress?.port ?? options.port)
            },
            logger: logger)
        let drain = DrainService(state: state, patience: options.convert.limits.timeBudget ?? .seconds(30))
        // Shut down in reverse order: the drain first (it returns once nothing is in flight), then the server.
        let group = ServiceGroup(configuration: .init(services: [app, drain], gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger))
        try await group.run()
        state.pool.shutdown()
    }
}

/// Waits for the shutdown signal, then refuses new uploads and waits for the admitted ones.
struct DrainService: Service {
    let state: ServerState
    let patience: Duration

    func run() async throws {
        try? await gracefulShutdown()
        state.startDraining()
        let end = ContinuousClock.now + patience + .seconds(1)
        while state.pool.admitted > 0, ContinuousClock.now < end {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// The query parameters of the upload routes, checked (400 on anything unknown or malformed).
struct Query {
    let items: [String: String]

    static let known: Set<String> = ["to", "name", "excel", "compact", "blank_as_zero", "from"]

    init(_ request: Request) throws {
        var items: [String: String] = [:]
        for (key, value) in request.uri.queryParameters {
            let k = String(key)
            guard Self.known.contains(k) else { throw APIError.request("unknown parameter \(k)", parameter: k) }
            guard items[k] == nil else { throw APIError.request("parameter \(k) given twice", parameter: k) }
            items[k] = String(value)
        }
        self.items = items
    }

    var name: String? { items["name"] }

    func format() throws -> ExportFormat {
        guard let raw = items["to"] else { return .json }
        guard let f = ExportFormat(rawValue: raw) else {
            throw APIError.request("to must be one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))", parameter: "to")
        }
        return f
    }

    func flag(_ key: String) throws -> Bool {
        switch items[key] {
        case nil, "false", "0": return false
        case "true", "1", "": return true
        default: throw APIError.request("\(key) must be true or false", parameter: key)
        }
    }

    func convertOptions(_ options: ServerOptions) throws -> ConvertOptions {
        var convert = options.convert
        convert.limits.maxInputBytes = options.maxUploadBytes
        if try flag("blank_as_zero") { convert.validation.blankAsZero = true }
        if let raw = items["from"] {
            guard let f = SourceFormat(rawValue: raw) else {
                throw APIError.request("from must be one of \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))", parameter: "from")
            }
            convert.format = f
        }
        return convert
    }
}
