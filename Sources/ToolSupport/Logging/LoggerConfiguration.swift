import DICOM

/// What a log4cplus property file (DCMTK's `-lc`, see DCMTK's `logger.cfg`
/// and `filelog.cfg`) asks for, to the extent Quarry's single logger can
/// honour it: the root logger's level and appenders; each appender's kind,
/// threshold and layout. Per-logger settings (`log4cplus.logger.…`),
/// additivity and filters are read and ignored.
package struct LoggerConfiguration: Sendable, Equatable {
    package enum Destination: Sendable, Equatable {
        /// `ConsoleAppender`: standard output unless `logToStdErr = true`, as log4cplus.
        case standardOutput, standardError
        /// `FileAppender` (and `DailyRollingFileAppender`, without the daily roll-over).
        case file(path: String, append: Bool)
        /// `RollingFileAppender`: `path` moves to `path.1` (… up to `maxBackupIndex`) past `maxFileSize` bytes.
        case rollingFile(path: String, append: Bool, maxFileSize: Int, maxBackupIndex: Int)
        /// `NullAppender`.
        case discard
    }

    package struct Appender: Sendable, Equatable {
        package var name: String
        package var destination: Destination
        /// Events below this level are not written by this appender (`Threshold`).
        package var threshold: Log.Level
        package var layout: LogPattern

        package init(name: String, destination: Destination, threshold: Log.Level = .trace, layout: LogPattern = .simple) {
            (self.name, self.destination, self.threshold, self.layout) = (name, destination, threshold, layout)
        }
    }

    package var rootLevel: Log.Level
    package var appenders: [Appender]

    package init(rootLevel: Log.Level, appenders: [Appender]) {
        (self.rootLevel, self.appenders) = (rootLevel, appenders)
    }
}

/// Why a logger configuration was refused. The first two are DCMTK's own
/// refusals; the others are where DCMTK prints a `log4cplus:ERROR` line and
/// runs on logging less than asked, and Quarry stops instead.
package enum LoggerConfigurationError: Error, Equatable, Sendable {
    /// No `key = value` line at all.
    case noSettings
    /// No key starting with `log4cplus.`.
    case noValidSettings
    /// `line` is 1-based; nil when the problem is a missing line.
    case invalid(line: Int?, String)
}

/// A log level as log4cplus spells it in property files (`ALL` is `TRACE`).
func log4cplusLevel(_ text: String) -> Log.Level? {
    let name = text.trimmingWhitespace()
    return name.uppercased() == "ALL" ? .trace : Log.Level(dcmtkName: name)
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
