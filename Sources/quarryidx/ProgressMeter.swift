#if canImport(Glibc)
import Glibc
#endif
import DICOM

/// Progress of a long run, on standard error and only when it is a terminal
/// (issue 5): files done of all, files per second, time left — one line
/// rewritten in place at most five times a second, erased at the end.
final class ProgressMeter {
    private let label: String
    private let enabled: Bool
    private let start = ProgressMeter.now()
    private var lastDraw = 0.0
    private var drawn = false

    init(_ label: String, enabled: Bool = isatty(2) == 1) { (self.label, self.enabled) = (label, enabled) }

    func update(_ done: Int, _ total: Int) {
        guard enabled else { return }
        let now = Self.now()
        guard now - lastDraw >= 0.2 || done == total else { return }
        lastDraw = now
        let elapsed = max(now - start, 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        StandardStreams.writeError("\r\(label): \(done)/\(total) files, \(Int(rate)) files/s, \(Self.duration(left)) left\u{1B}[K")
        drawn = true
    }

    /// Erases the line.
    func finish() {
        if drawn { StandardStreams.writeError("\r\u{1B}[K") }
        drawn = false
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
