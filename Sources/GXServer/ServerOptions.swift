import Foundation
import GXConvert
import GXModel

/// What `gxconvert serve` was started with. Defaults are the ones README.md gives.
public struct ServerOptions: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// Largest upload body, checked while it streams in (413 past it, never after buffering it whole).
    public var maxUploadBytes: Int = ReadLimits.standard.maxInputBytes
    /// Conversions running at once; each holds one worker thread.
    public var workers: Int = ServerOptions.defaultWorkers
    /// Requests waiting for a worker beyond those running; past it, 503 with `Retry-After`.
    public var queue: Int = 64
    /// `Authorization: Bearer <token>` required on the API and /metrics when set.
    public var authToken: String?
    /// The reading limits and the per-request deadline (`timeBudget`, counted from admission).
    public var convert: ConvertOptions = ConvertOptions(limits: ServerOptions.defaultLimits)
    /// Most files in one `validate` request.
    public var maxValidateFiles: Int = 20

    public init() {}

    public static let defaultWorkers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// A request that cannot finish within this is answered with GX-E-LIMIT rather than hold a worker.
    public static let defaultLimits: ReadLimits = {
        var l = ReadLimits.standard
        l.timeBudget = .seconds(30)
        return l
    }()

    /// Loopback hosts may run without a token; anything else must set one.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
