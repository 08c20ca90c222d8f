import DICOM
import Foundation
import QuarryTestSupport
import Testing
import ToolSupport

@Suite struct LogFileAppenderTests {
    func config(_ dir: TemporaryDirectory, appender: String, extra: String = "", pattern: String = "%p: %m%n") throws -> String {
        try dir.write("logger.cfg", """
            log4cplus.rootLogger = INFO, F
            log4cplus.appender.F = log4cplus::\(appender)
            log4cplus.appender.F.File = \(dir.path)/server.log
            log4cplus.appender.F.layout = log4cplus::PatternLayout
            log4cplus.appender.F.layout.ConversionPattern = \(pattern)
            \(extra)
            """)
    }

    func contents(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing>"
    }

    @Test func fileAppenderFormatsEveryLineAndHonoursTheRootLevel() throws {
        let dir = try TemporaryDirectory()
        let capture = CapturedStreams()
        let log = try LogSetup.makeLog(LogSettings(configFile: try config(dir, appender: "FileAppender")),
                                       toolName: "quarryscp", streams: capture.streams)
        #expect(log.threshold == .info)
        log.debug("hidden")
        log.info("Association Received (localhost:VIEWER1 -> STORE)")
        log.warn("two\nlines")
        #expect(contents(dir.path + "/server.log") == "INFO: Association Received (localhost:VIEWER1 -> STORE)\nWARN: two\nWARN: lines\n")
        #expect(capture.error.text.isEmpty && capture.output.text.isEmpty)
    }

    @Test(arguments: [(false, "INFO: second\n"), (true, "old line\nINFO: second\n")])
    func appendOrTruncate(_ append: Bool, _ expected: String) throws {
        let dir = try TemporaryDirectory()
        try dir.write("server.log", "old line\n")
        let cfg = try config(dir, appender: "FileAppender", extra: "log4cplus.appender.F.Append = \(append)")
        let log = try LogSetup.makeLog(LogSettings(configFile: cfg), toolName: "quarryscp")
        log.info("second")
        #expect(contents(dir.path + "/server.log") == expected)
    }

    @Test func rollingFileAppenderRollsOver() throws {
        let dir = try TemporaryDirectory()
        let cfg = try config(dir, appender: "RollingFileAppender",
                             extra: "log4cplus.appender.F.MaxFileSize = 200KB\nlog4cplus.appender.F.MaxBackupIndex = 2",
                             pattern: "%m%n")
        let log = try LogSetup.makeLog(LogSettings(configFile: cfg), toolName: "quarryscp")
        let line = String(repeating: "x", count: 1023)
        for _ in 0..<(200 * 3 + 10) { log.warn(line) }
        let base = dir.path + "/server.log"
        #expect(FileManager.default.fileExists(atPath: base + ".1"))
        #expect(FileManager.default.fileExists(atPath: base + ".2"))
        #expect(!FileManager.default.fileExists(atPath: base + ".3"))
        #expect(contents(base).count < 200 * 1024)
    }

    @Test func consoleAppenderThresholdAndDestination() throws {
        let dir = try TemporaryDirectory()
        let cfg = try dir.write("logger.cfg", """
            log4cplus.rootLogger = INFO, out, err
            log4cplus.appender.out = log4cplus::ConsoleAppender
            log4cplus.appender.err = log4cplus::ConsoleAppender
            log4cplus.appender.err.logToStdErr = true
            log4cplus.appender.err.Threshold = ERROR
            log4cplus.appender.err.layout = log4cplus::PatternLayout
            log4cplus.appender.err.layout.ConversionPattern = %P: %m%n
            """)
        let capture = CapturedStreams()
        let log = try LogSetup.makeLog(LogSettings(configFile: cfg), toolName: "quarryscp", streams: capture.streams)
        log.info("one")
        log.error("two")
        #expect(capture.output.text == "INFO - one\nERROR - two\n")
        #expect(capture.error.text == "E: two\n")
    }

    @Test func unopenableLogFileIsAClearError() throws {
        let dir = try TemporaryDirectory()
        let cfg = try dir.write("logger.cfg", """
            log4cplus.rootLogger = INFO, F
            log4cplus.appender.F = log4cplus::FileAppender
            log4cplus.appender.F.File = /nonexistent/dir/x.log
            """)
        #expect(throws: CommandLineError("Invalid --log-config file \(cfg): cannot open log file /nonexistent/dir/x.log: No such file or directory")) {
            _ = try LogSetup.makeLog(LogSettings(configFile: cfg), toolName: "quarryscp")
        }
    }

    @Test(arguments: [("", "Specified --log-config file does not contain any settings"),
                      ("foo=bar", "Specified --log-config file does not contain any valid settings")])
    func emptyConfigsInDCMTKsWords(_ text: String, _ message: String) throws {
        let dir = try TemporaryDirectory()
        let cfg = try dir.write("logger.cfg", text)
        #expect(throws: CommandLineError(message)) { _ = try LogSetup.makeLog(LogSettings(configFile: cfg), toolName: "x") }
    }
}
