#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One status line on stderr, redrawn at most ten times a second — only when stderr is a terminal,
/// so logs and pipes stay clean.
final class ProgressDisplay: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let start = Date()
    private var last = Date.distantPast

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && total > 0
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// Called under the runner's lock.
    func update(done: Int, failed: Int, ruleErrors: Int, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(last) >= 0.1 else { return }
        last = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let line = String(format: "\r\u{1B}[2K[%d/%d] %.0f files/s, %d unreadable, %d with rule errors, %@ left", done, total,
                          rate, failed, ruleErrors, Self.clock(left) as NSString)
        FileHandle.standardError.write(line.data(using: .utf8)!)
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write("\r\u{1B}[2K".data(using: .utf8)!)
    }

    private static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}

/// Whether a progress display makes sense by default.
public enum ProgressDisplayPolicy {
    public static var stderrIsTerminal: Bool { ProgressDisplay.stderrIsTerminal }
}
