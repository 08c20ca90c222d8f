#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a pattern layout may print besides the level and the message.
package struct LogEventContext: Sendable {
    package var time: LogTimestamp
    /// `%c`: DCMTK's loggers are `dcmtk.apps.dcmqrscp`; Quarry's are `quarry.apps.quarryscp`.
    package var loggerName: String
    package var processID: Int32
    package var thread: String
    package var millisecondsSinceStart: Int64
    package var hostName: String

    package init(time: LogTimestamp, loggerName: String, processID: Int32, thread: String,
                 millisecondsSinceStart: Int64, hostName: String) {
        self.time = time
        self.loggerName = loggerName
        self.processID = processID
        self.thread = thread
        self.millisecondsSinceStart = millisecondsSinceStart
        self.hostName = hostName
    }

    /// The context of an event happening now on the calling thread.
    static func now(loggerName: String, start: LogTimestamp) -> LogEventContext {
        let time = LogTimestamp.now()
        return LogEventContext(time: time, loggerName: loggerName, processID: getpid(),
                               thread: String(UInt(bitPattern: Int(bitPattern: pthread_self()))),
                               millisecondsSinceStart: time.milliseconds - start.milliseconds,
                               hostName: currentHostName)
    }

    static let currentHostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()
}

/// A wall-clock instant, formatted with strftime plus log4cplus's `%q`
/// (milliseconds, `303`) and `%Q` (fractional milliseconds, `303.415`).
package struct LogTimestamp: Sendable, Equatable {
    package var seconds: Int
    package var nanoseconds: Int

    package init(seconds: Int, nanoseconds: Int) { (self.seconds, self.nanoseconds) = (seconds, nanoseconds) }

    package static func now() -> LogTimestamp {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return LogTimestamp(seconds: Int(ts.tv_sec), nanoseconds: Int(ts.tv_nsec))
    }

    var milliseconds: Int64 { Int64(seconds) * 1000 + Int64(nanoseconds / 1_000_000) }

    /// `format` applied to this instant in local time, or in UTC when `utc`.
    package func formatted(_ format: String, utc: Bool) -> String {
        var expanded = ""
        var chars = format.makeIterator()
        let micros = nanoseconds / 1000
        while let c = chars.next() {
            guard c == "%" else { expanded.append(c); continue }
            guard let next = chars.next() else { expanded.append("%"); break }
            switch next {
            case "q": expanded += threeDigits(micros / 1000)
            case "Q": expanded += threeDigits(micros / 1000) + "." + threeDigits(micros % 1000)
            default: expanded += "%" + String(next)
            }
        }
        var t = time_t(seconds)
        var parts = tm()
        if utc { gmtime_r(&t, &parts) } else { localtime_r(&t, &parts) }
        var buffer = [CChar](repeating: 0, count: 512)
        let n = strftime(&buffer, buffer.count, expanded, &parts)
        return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func threeDigits(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 3 - s.count)) + s
    }
}
