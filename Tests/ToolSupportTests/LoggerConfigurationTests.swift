import DICOM
import Testing
import ToolSupport

/// DCMTK's sample `filelog.cfg` (oflog), abridged.
let dcmtkFileLogConfig = """
    # log to both the console and a file
    log4cplus.rootLogger = DEBUG, console, logfile

    log4cplus.appender.console = log4cplus::ConsoleAppender
    log4cplus.appender.console.Threshold = ERROR
    log4cplus.appender.console.logToStderr = true
    log4cplus.appender.console.ImmediateFlush = true

    log4cplus.appender.logfile = log4cplus::RollingFileAppender
    log4cplus.appender.logfile.File = ${appname}.log
    log4cplus.appender.logfile.Append = true
    log4cplus.appender.logfile.ImmediateFlush = true
    log4cplus.appender.logfile.MaxFileSize = 5MB
    log4cplus.appender.logfile.MaxBackupIndex = 10

    log4cplus.appender.console.layout = log4cplus::PatternLayout
    log4cplus.appender.console.layout.ConversionPattern = %D{%H:%M:%S} %5p: %m%n

    log4cplus.appender.logfile.layout = log4cplus::PatternLayout
    log4cplus.appender.logfile.layout.ConversionPattern = %D{%Y-%m-%d %H:%M:%S.%q} %5p - %-8c{1} - %m%n
    log4cplus.logger.dcmtk.dcmqrdb.progress = INFO
    """

struct ConfigErrorCase: Sendable, CustomStringConvertible {
    var text: String
    var error: LoggerConfigurationError
    var description: String { text }
}

@Suite struct LoggerConfigurationTests {
    @Test func readsDCMTKsSampleFileLogConfig() throws {
        let config = try LoggerConfiguration.parse(dcmtkFileLogConfig) { $0 == "appname" ? "quarryscp" : nil }
        #expect(config.rootLevel == .debug)
        #expect(config.appenders.map(\.name) == ["console", "logfile"])
        #expect(config.appenders[0].destination == .standardError)
        #expect(config.appenders[0].threshold == .error)
        #expect(config.appenders[1].destination
            == .rollingFile(path: "quarryscp.log", append: true, maxFileSize: 5 * 1024 * 1024, maxBackupIndex: 10))
        #expect(config.appenders[1].threshold == .trace)
        #expect(config.appenders[1].layout == (try LogPattern("%D{%Y-%m-%d %H:%M:%S.%q} %5p - %-8c{1} - %m%n")))
    }

    /// Measured: a ConsoleAppender without logToStdErr writes to standard output.
    @Test func consoleAppenderDefaultsToStandardOutputWithSimpleLayout() throws {
        let config = try LoggerConfiguration.parse("""
            log4cplus.rootLogger = INFO, A
            log4cplus.appender.A=log4cplus::ConsoleAppender
            """)
        #expect(config == LoggerConfiguration(rootLevel: .info, appenders: [
            .init(name: "A", destination: .standardOutput, threshold: .trace, layout: .simple),
        ]))
    }

    static let errorCases: [ConfigErrorCase] = [
        .init(text: "", error: .noSettings),
        .init(text: "garbage garbage\n# comment", error: .noSettings),
        .init(text: "foo=bar", error: .noValidSettings),
        .init(text: "log4cplus.appender.A=log4cplus::ConsoleAppender", error: .invalid(line: nil, "no log4cplus.rootLogger line: nothing would be logged")),
        .init(text: "log4cplus.rootLogger = WARN", error: .invalid(line: 1, "log4cplus.rootLogger names no appender: nothing would be logged")),
        .init(text: "log4cplus.rootLogger = BOGUS, A\nlog4cplus.appender.A=log4cplus::ConsoleAppender", error: .invalid(line: 1, "invalid log level 'BOGUS' for log4cplus.rootLogger")),
        .init(text: "log4cplus.rootLogger = INFO, B", error: .invalid(line: 1, "appender 'B' is not defined (no log4cplus.appender.B line)")),
        .init(text: "log4cplus.rootLogger = INFO, A\nlog4cplus.appender.A=log4cplus::NoSuchAppender", error: .invalid(line: 2, "unknown appender type 'log4cplus::NoSuchAppender' (known: log4cplus::ConsoleAppender, FileAppender, RollingFileAppender, DailyRollingFileAppender, NullAppender)")),
        .init(text: "log4cplus.rootLogger = INFO, A\nlog4cplus.appender.A=log4cplus::FileAppender", error: .invalid(line: 2, "log4cplus.appender.A = log4cplus::FileAppender needs a log4cplus.appender.A.File line")),
        .init(text: "log4cplus.rootLogger = INFO, A\nlog4cplus.appender.A=log4cplus::ConsoleAppender\nlog4cplus.appender.A.Threshold=LOUD", error: .invalid(line: 3, "invalid log level 'LOUD' for log4cplus.appender.A.Threshold")),
        .init(text: "log4cplus.rootLogger = INFO, A\nlog4cplus.appender.A=log4cplus::ConsoleAppender\nlog4cplus.appender.A.layout=log4cplus::PatternLayout\nlog4cplus.appender.A.layout.ConversionPattern=[%q] %m%n", error: .invalid(line: 4, "unexpected character 'q' at position 3 in ConversionPattern")),
        .init(text: "log4cplus.rootLogger = INFO, A\nlog4cplus.appender.A=log4cplus::ConsoleAppender\nlog4cplus.appender.A.layout=log4cplus::XMLLayout", error: .invalid(line: 3, "unknown layout 'log4cplus::XMLLayout' (known: log4cplus::PatternLayout, log4cplus::SimpleLayout, log4cplus::TTCCLayout)")),
    ]

    @Test(arguments: errorCases) func refusedConfigurations(_ c: ConfigErrorCase) {
        #expect(throws: c.error) { _ = try LoggerConfiguration.parse(c.text) }
    }

    @Test func variablesComeFromTheFileThenTheCaller() throws {
        let config = try LoggerConfiguration.parse("""
            dir = /var/log/${appname}
            log4cplus.rootLogger = INFO, F
            log4cplus.appender.F = log4cplus::FileAppender
            log4cplus.appender.F.File = ${dir}/${unknown}.log
            """) { $0 == "appname" ? "quarryscp" : nil }
        #expect(config.appenders.first?.destination == .file(path: "/var/log/quarryscp/${unknown}.log", append: false))
    }
}
