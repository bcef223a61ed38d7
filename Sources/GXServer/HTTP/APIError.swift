import GXExport
import GXModel
import Hummingbird

/// Every refusal the service makes, answered as `{"error": {"code", "message", "where"}}`. Input
/// errors keep the reader's `GX-E-…` code and place; the service adds its own codes for what is
/// about the request rather than the report (README.md lists them).
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var where_: JSONValue = .null
    var headers: HTTPFields = [:]

    /// 400: a parameter or the body's shape is wrong.
    static func request(_ message: String, parameter: String? = nil) -> APIError {
        APIError(status: .badRequest, code: "GX-E-REQUEST", message: message,
                 where_: parameter.map { .object([("parameter", .string($0))]) } ?? .null)
    }

    /// 413: the body (or one file in it) passed the upload limit.
    static func tooLarge(_ limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: GXErrorCode.limit.rawValue,
                 message: "the upload is over the \(limit)-byte limit (--max-upload-mb)", where_: .object([("body", .int(limit))]))
    }

    /// 503: every worker and queue place is taken, or the service is shutting down.
    static func busy(_ message: String, retryAfter: Int = 1) -> APIError {
        APIError(status: .serviceUnavailable, code: "GX-E-BUSY", message: message,
                 headers: [.retryAfter: String(retryAfter)])
    }

    static let unauthorized = APIError(status: .unauthorized, code: "GX-E-AUTH",
                                       message: "this service needs Authorization: Bearer <token>",
                                       headers: [.wwwAuthenticate: "Bearer realm=\"gxconvert\""])

    /// 422: the upload could not be read (the CLI's exit status 3), with the reader's code and place.
    static func unreadable(_ error: GXError) -> APIError {
        APIError(status: .unprocessableContent, code: error.code.rawValue, message: error.description,
                 where_: place(error))
    }

    /// Where in the upload a read failed: the name it was given and the reader's location.
    static func place(_ error: GXError) -> JSONValue {
        var members: [(String, JSONValue)] = [("file", .optional(error.file))]
        if let l = error.location {
            if let part = l.part { members.append(("part", .string(part))) }
            if l.line > 0 { members.append(("line", .int(l.line))); members.append(("column", .int(l.column))) }
            if let t = l.table { members.append(("table", .int(t))) }
            if let r = l.row { members.append(("row", .int(r))) }
            if let c = l.cell { members.append(("cell", .int(c))) }
            if let p = l.paragraph { members.append(("paragraph", .int(p))) }
            if let e = l.element { members.append(("element", .string(e))) }
        }
        return .object(members)
    }

    var json: JSONValue {
        .object([("error", .object([("code", .string(code)), ("message", .string(message)), ("where", where_)]))])
    }

    var response: Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields,
                        body: .init(byteBuffer: ByteBuffer(bytes: JSONWriter.line(json))))
    }
}

/// Turns whatever a route throws into the JSON error shape, so no route answers with Hummingbird's
/// own plain-text errors (a 404 for an unknown path included).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response
        } catch let error as HTTPError {
            let code: String
            switch error.status {
            case .notFound: code = "GX-E-NOT-FOUND"
            case .methodNotAllowed: code = "GX-E-METHOD"
            case .contentTooLarge: code = GXErrorCode.limit.rawValue
            case .unauthorized: code = "GX-E-AUTH"
            default: code = error.status.code >= 500 ? "GX-E-INTERNAL" : "GX-E-REQUEST"
            }
            let message = error.body ?? (error.status == .notFound ? "no such route: \(request.uri.path)" : error.status.reasonPhrase)
            return APIError(status: error.status, code: code, message: message).response
        } catch {
            context.logger.error("unexpected error: \(String(describing: error))")
            return APIError(status: .internalServerError, code: "GX-E-INTERNAL", message: "internal error").response
        }
    }
}
