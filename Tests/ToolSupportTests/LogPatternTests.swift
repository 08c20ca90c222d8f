import DICOM
import Testing
import ToolSupport

struct PatternCase: Sendable, CustomStringConvertible {
    var pattern: String
    var level: Log.Level
    var expected: String
    var description: String { pattern }
}

/// Conversions as DCMTK 3.6.7's oflog printed them (measured with `dcmqrscp -lc`).
@Suite struct LogPatternTests {
    /// 2026-11-23 05:57:10.303415 UTC.
    static let context = LogEventContext(
        time: LogTimestamp(seconds: 1_795_413_430, nanoseconds: 303_415_000),
        loggerName: "quarry.apps.quarryscp", processID: 9087, thread: "140132829210496",
        millisecondsSinceStart: 12, hostName: "vm")

    static let cases: [PatternCase] = [
        .init(pattern: "%P: %m%n", level: .fatal, expected: "F: cannot access /nx\n"),
        .init(pattern: "%5p: %m%n", level: .info, expected: " INFO: cannot access /nx\n"),
        .init(pattern: "[%-6p] [%6p]", level: .fatal, expected: "[FATAL ] [ FATAL]"),
        .init(pattern: "%p - %m%n", level: .warn, expected: "WARN - cannot access /nx\n"),
        .init(pattern: "[%.3m][%10.3p]", level: .fatal, expected: "[/nx][TAL]"),
        .init(pattern: "%c|%c{1}|%-8c{1}|", level: .error, expected: "quarry.apps.quarryscp|quarryscp|quarryscp|"),
        .init(pattern: "%i %t %r %h %H", level: .debug, expected: "9087 140132829210496 12 vm vm"),
        .init(pattern: "%d{%Y-%m-%d %H:%M:%S.%q} %d{%Q} %d", level: .trace, expected: "2026-11-23 05:57:10.303 303.415 2026-11-23 05:57:10"),
        .init(pattern: "100%% [%x] %M%F%b%L%l<", level: .info, expected: "100% [] <"),
        .init(pattern: "trailing %", level: .info, expected: "trailing %"),
    ]

    @Test(arguments: cases) func conversions(_ c: PatternCase) throws {
        #expect(try LogPattern(c.pattern).format(level: c.level, message: "cannot access /nx", context: Self.context) == c.expected)
    }

    @Test func layoutsOfLog4cplus() {
        #expect(LogPattern.simple.format(level: .fatal, message: "m", context: Self.context) == "FATAL - m\n")
        #expect(LogPattern.ttcc.format(level: .fatal, message: "m", context: Self.context)
            == "12 [140132829210496] FATAL quarry.apps.quarryscp <> - m\n")
        #expect(LogPattern.dcmtkDefault.format(level: .warn, message: "m", context: Self.context) == "W: m\n")
    }

    @Test(arguments: ["%q", "%Z %m", "[%y]"]) func unknownConversionsAreRefused(_ pattern: String) {
        #expect(throws: LogPattern.UnknownConversion.self) { _ = try LogPattern(pattern) }
    }
}
