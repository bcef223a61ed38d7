import Foundation
import Synchronization

/// A fixed set of worker threads behind a bounded queue. Conversions are CPU-bound synchronous
/// code (libxml2, libzip), so they run here rather than on the server's event loops, at most
/// `workers` at a time; a request that finds `workers + queue` slots taken is refused at once
/// (503) instead of waiting without bound. A slot is taken before the upload is read, so the
/// memory held by uploads is bounded too.
public final class WorkerPool: Sendable {
    public let workers: Int
    public let capacity: Int

    private struct State {
        var admitted = 0
        var jobs: [@Sendable () -> Void] = []
        var head = 0
        var stopped = false
    }

    private let state = Mutex(State())
    private let ready = NSCondition()

    public init(workers: Int, queue: Int) {
        self.workers = max(1, workers)
        self.capacity = self.workers + max(0, queue)
        for i in 0..<self.workers {
            let thread = Thread { [self] in self.work() }
            thread.name = "gxconvert-worker-\(i)"
            thread.start()
        }
    }

    /// Takes a place, or false when `workers + queue` are already taken. Every `true` is
    /// matched by one `release()`.
    public func admit() -> Bool {
        state.withLock { s -> Bool in
            guard !s.stopped, s.admitted < capacity else { return false }
            s.admitted += 1
            return true
        }
    }

    public func release() { state.withLock { $0.admitted -= 1 } }

    /// Requests admitted and not finished (running, waiting for a worker, or still uploading).
    public var admitted: Int { state.withLock { $0.admitted } }
    /// Jobs handed to the pool that no worker has started yet.
    public var waiting: Int { state.withLock { $0.jobs.count - $0.head } }

    /// Runs `body` on a worker thread and returns its result. The caller holds a ticket.
    public func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            let job: @Sendable () -> Void = {
                do throws(E) { continuation.resume(returning: .success(try body())) }
                catch { continuation.resume(returning: .failure(error)) }
            }
            ready.lock()
            state.withLock { $0.jobs.append(job) }
            ready.signal()
            ready.unlock()
        }
        return try result.get()
    }

    private func work() {
        while true {
            ready.lock()
            var job: (@Sendable () -> Void)?
            var stop = false
            while job == nil, !stop {
                (job, stop) = state.withLock { s -> ((@Sendable () -> Void)?, Bool) in
                    guard s.head < s.jobs.count else { return (nil, s.stopped) }
                    let j = s.jobs[s.head]
                    s.head += 1
                    if s.head > 64, s.head * 2 > s.jobs.count { s.jobs.removeFirst(s.head); s.head = 0 }
                    return (j, false)
                }
                if job == nil, !stop { ready.wait() }
            }
            ready.unlock()
            guard let job else { return }
            job()
        }
    }

    /// Lets the workers end once the jobs already handed over are done; no new admissions.
    public func shutdown() {
        ready.lock()
        state.withLock { $0.stopped = true }
        ready.broadcast()
        ready.unlock()
    }
}
