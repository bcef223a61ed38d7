import HTTPTypes
import Hummingbird

/// `Authorization: Bearer <token>` on the API and /metrics, compared in constant time so the
/// answer's timing says nothing about how much of a guess was right. The page, its script and
/// style, /healthz and the OpenAPI document stay open: they hold nothing of anyone's.
struct BearerAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let guarded = path == "/metrics" || (path.hasPrefix("/api/") && path != "/api/v1/openapi.json")
        if guarded {
            let given = request.headers[.authorization].flatMap { value -> [UInt8]? in
                let prefix = "bearer "
                guard value.utf8.count > prefix.utf8.count, value.lowercased().hasPrefix(prefix) else { return nil }
                return Array(value.utf8.dropFirst(prefix.utf8.count))
            }
            guard let given, Self.equal(given, token) else { throw APIError.unauthorized }
        }
        return try await next(request, context)
    }

    /// Equal in time that depends only on the lengths: every byte is compared, differences OR-ed.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        var i = 0
        let n = max(a.count, b.count)
        while i < n {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
            i += 1
        }
        return difference == 0 && a.count == b.count
    }
}

/// Headers every answer carries: no sniffing, no framing, no referrer, and a default
/// Content-Security-Policy that allows nothing (the page and the HTML download set their own).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = "default-src 'none'; frame-ancestors 'none'"
        }
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Counts every answer by route and status for /metrics. Outermost but one, so JSON errors are
/// counted with their real status.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    let routes: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        let path = request.uri.path
        metrics.request(route: routes.contains(path) ? path : "other", status: response.status.code)
        return response
    }
}

/// While the service drains for a shutdown, new upload requests are answered 503 at once; those
/// already admitted finish.
struct DrainMiddleware<Context: RequestContext>: RouterMiddleware {
    let state: ServerState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if state.draining, request.method == .post {
            throw APIError.busy("the service is shutting down", retryAfter: 5)
        }
        return try await next(request, context)
    }
}
