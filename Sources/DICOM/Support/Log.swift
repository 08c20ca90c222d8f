/// DCMTK's console log format (oflog `"%P: %m%n"`): one letter, a colon, a space,
/// and the prefix repeated on every line of a multi-line message. One sink call
/// per message, so lines of concurrent associations never interleave.
package struct Log: Sendable {
    package enum Level: Int, Sendable, Comparable, CaseIterable {
        case trace, debug, info, warn, error, fatal, off

        package static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

        /// DCMTK's `-ll` spellings.
        package init?(dcmtkName: String) {
            switch dcmtkName.lowercased() {
            case "trace": self = .trace
            case "debug": self = .debug
            case "info": self = .info
            case "warn": self = .warn
            case "error": self = .error
            case "fatal": self = .fatal
            case "off": self = .off
            default: return nil
            }
        }

        package var prefix: String {
            switch self {
            case .trace: "T: "
            case .debug: "D: "
            case .info: "I: "
            case .warn: "W: "
            case .error: "E: "
            case .fatal, .off: "F: "
            }
        }
    }

    package var threshold: Level
    package var sink: @Sendable (Level, String) -> Void

    package init(threshold: Level = .warn, sink: @escaping @Sendable (Level, String) -> Void) {
        (self.threshold, self.sink) = (threshold, sink)
    }

    /// A log that writes to standard error.
    package static func standardError(threshold: Level = .warn) -> Log {
        Log(threshold: threshold) { _, text in StandardStreams.writeError(text) }
    }

    /// A log that discards everything.
    package static let silent = Log(threshold: .off) { _, _ in }

    package func isEnabled(_ level: Level) -> Bool { level >= threshold && level != .off }

    package func callAsFunction(_ level: Level, _ message: @autoclosure () -> String) {
        guard isEnabled(level) else { return }
        let lines = message().split(separator: "\n", omittingEmptySubsequences: false)
        sink(level, lines.map { level.prefix + $0 }.joined(separator: "\n") + "\n")
    }

    package func trace(_ m: @autoclosure () -> String) { self(.trace, m()) }
    package func debug(_ m: @autoclosure () -> String) { self(.debug, m()) }
    package func info(_ m: @autoclosure () -> String) { self(.info, m()) }
    package func warn(_ m: @autoclosure () -> String) { self(.warn, m()) }
    package func error(_ m: @autoclosure () -> String) { self(.error, m()) }
    package func fatal(_ m: @autoclosure () -> String) { self(.fatal, m()) }
}
