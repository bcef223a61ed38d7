import ArgumentParser
import Foundation
import GXModel
import GXServer
import Logging

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the upload service: the API a portal calls and the page agencies use.",
        discussion: """
        Serves POST /api/v1/convert (exactly this command line's output for each --to), \
        POST /api/v1/validate, the page at / (zh-CN), /healthz, /metrics and /api/v1/openapi.json. \
        Uploads stay in memory. SIGTERM drains: new uploads get 503, those admitted finish, then it exits.

        Examples:
          gxconvert serve
          gxconvert serve --host 0.0.0.0 --port 8080 --auth-token "$(cat /etc/gxconvert/token)"
          curl --data-binary @report.docx -H 'Content-Type: application/octet-stream' \\
               'http://127.0.0.1:8080/api/v1/convert?to=json&name=report.docx'
        """)

    @Option(name: .long, help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0: any free port, printed on stderr).")
    var port: Int = 8080

    @Option(name: .customLong("max-upload-mb"), help: "Largest upload in MiB, refused (413) while it streams in (default: --max-input-mb).")
    var maxUploadMB: Int?

    @Option(name: .long, help: "Conversions at once (default: all cores).")
    var workers: Int = ServerOptions.defaultWorkers

    @Option(name: .long, help: "Uploads waiting for a worker before the service answers 503.")
    var queue: Int = 64

    @Option(name: .customLong("auth-token"), help: ArgumentHelp("Require Authorization: Bearer <token> on the API and /metrics (required when --host is not loopback). Also read from GXCONVERT_AUTH_TOKEN.", valueName: "token"))
    var authToken: String?

    @Flag(name: .customLong("blank-as-zero"), help: "Count blank table cells as 0 when checking the arithmetic.")
    var blankAsZero = false

    @OptionGroup(title: "Limits") var limits: LimitOptions

    var token: String? { authToken ?? ProcessInfo.processInfo.environment["GXCONVERT_AUTH_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535") }
        guard (1...256).contains(workers) else { throw ValidationError("--workers takes 1 to 256") }
        guard (0...100_000).contains(queue) else { throw ValidationError("--queue takes 0 to 100000") }
        if let m = maxUploadMB, !(1...4096).contains(m) { throw ValidationError("--max-upload-mb takes 1 to 4096") }
        if let t = token, t.utf8.count < 16 { throw ValidationError("--auth-token must be at least 16 bytes") }
        if token == nil, !ServerOptions.isLoopback(host) {
            throw ValidationError("--host \(host) is not loopback: set --auth-token (or GXCONVERT_AUTH_TOKEN)")
        }
    }

    func run() throws {
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.workers = workers
        options.queue = queue
        options.authToken = token
        var readLimits = limits.readLimits
        // Every request has a deadline: 30 s unless --time-budget says otherwise.
        if readLimits.timeBudget == nil { readLimits.timeBudget = .seconds(30) }
        options.maxUploadBytes = (maxUploadMB ?? limits.maxInputMB) << 20
        options.convert.limits = readLimits
        options.convert.validation.blankAsZero = blankAsZero
        var logger = Logger(label: "gxconvert")
        logger.logLevel = .warning
        let frozen = options
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: Error?
        Task {
            do {
                try await GXService.run(frozen, logger: logger) { host, port in
                    Stderr.write("gxconvert serve: listening on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ "
                                 + "(\(frozen.workers) workers, queue \(frozen.queue), uploads up to \(frozen.maxUploadBytes >> 20) MiB"
                                 + (frozen.authToken == nil ? ", no auth" : ", bearer auth") + ")\n")
                }
            } catch {
                failure = error
            }
            done.signal()
        }
        done.wait()
        if let failure {
            Stderr.write("gxconvert serve: error: \(failure)\n")
            throw ExitCode(ExitStatus.outputFailed)
        }
        Stderr.write("gxconvert serve: stopped\n")
    }
}
