import Synchronization

/// What the routes share: the workers, the counters, and whether the service is draining for a
/// shutdown.
public final class ServerState: Sendable {
    public let options: ServerOptions
    public let pool: WorkerPool
    public let metrics = ServerMetrics()
    private let drainingFlag = Atomic<Bool>(false)

    public init(options: ServerOptions) {
        self.options = options
        self.pool = WorkerPool(workers: options.workers, queue: options.queue)
    }

    public var draining: Bool { drainingFlag.load(ordering: .acquiring) }

    /// From now on new uploads are refused (503); those admitted finish.
    public func startDraining() { drainingFlag.store(true, ordering: .releasing) }
}
