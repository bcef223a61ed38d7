import Foundation
import Synchronization

/// The service's own Prometheus text exposition (format 0.0.4), written by hand: three series do
/// not justify a metrics stack. Requests by route and status, conversion time by input format (a
/// histogram), and the queue depth, read when scraped.
public final class ServerMetrics: Sendable {
    /// Upper bounds of the conversion-time buckets, in seconds.
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

    private struct Histogram {
        var counts = [Int](repeating: 0, count: ServerMetrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    private struct State {
        var requests: [String: [Int: Int]] = [:]
        var conversions: [String: Histogram] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    func request(route: String, status: Int) {
        state.withLock { $0.requests[route, default: [:]][status, default: 0] += 1 }
    }

    func conversion(format: String, seconds: Double) {
        state.withLock { s in
            var h = s.conversions[format] ?? Histogram()
            for (i, bound) in Self.buckets.enumerated() where seconds <= bound { h.counts[i] += 1 }
            h.sum += seconds
            h.count += 1
            s.conversions[format] = h
        }
    }

    /// The exposition text. `queueDepth` is requests admitted and not yet started on a worker;
    /// `inFlight` every request holding a place.
    func text(queueDepth: Int, inFlight: Int, workers: Int, capacity: Int) -> String {
        let s = state.withLock { $0 }
        var out = """
        # HELP gxconvert_http_requests_total HTTP requests answered, by route and status.
        # TYPE gxconvert_http_requests_total counter

        """
        for route in s.requests.keys.sorted() {
            for (status, n) in s.requests[route]!.sorted(by: { $0.key < $1.key }) {
                out += "gxconvert_http_requests_total{route=\"\(Self.label(route))\",status=\"\(status)\"} \(n)\n"
            }
        }
        out += """
        # HELP gxconvert_conversion_seconds Time to read, check and write one upload, by input format.
        # TYPE gxconvert_conversion_seconds histogram

        """
        for format in s.conversions.keys.sorted() {
            let h = s.conversions[format]!
            for (i, bound) in Self.buckets.enumerated() {
                out += "gxconvert_conversion_seconds_bucket{format=\"\(format)\",le=\"\(bound)\"} \(h.counts[i])\n"
            }
            out += "gxconvert_conversion_seconds_bucket{format=\"\(format)\",le=\"+Inf\"} \(h.count)\n"
            out += "gxconvert_conversion_seconds_sum{format=\"\(format)\"} \(h.sum)\n"
            out += "gxconvert_conversion_seconds_count{format=\"\(format)\"} \(h.count)\n"
        }
        out += """
        # HELP gxconvert_queue_depth Conversions waiting for a worker.
        # TYPE gxconvert_queue_depth gauge
        gxconvert_queue_depth \(queueDepth)
        # HELP gxconvert_requests_in_flight Upload requests admitted and not yet answered.
        # TYPE gxconvert_requests_in_flight gauge
        gxconvert_requests_in_flight \(inFlight)
        # HELP gxconvert_workers Worker threads; gxconvert_capacity is workers plus queue.
        # TYPE gxconvert_workers gauge
        gxconvert_workers \(workers)
        # TYPE gxconvert_capacity gauge
        gxconvert_capacity \(capacity)

        """
        return out
    }

    /// A label value with `\`, `"` and line breaks escaped, as the format requires.
    static func label(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
