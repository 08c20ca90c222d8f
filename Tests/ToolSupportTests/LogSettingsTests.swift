import DICOM
import Testing
import ToolSupport

struct LogSettingsCase: Sendable, CustomStringConvertible {
    var arguments: [String]
    var expected: Result<LogSettings, CommandLineError>
    var description: String { arguments.joined(separator: " ") }
}

/// `-q -v -d -ll -lc` as DCMTK's OFLog reads them (measured with dcmqrscp 3.6.7).
@Suite struct LogSettingsTests {
    static let cases: [LogSettingsCase] = [
        .init(arguments: [], expected: .success(LogSettings(level: .warn))),
        .init(arguments: ["-q"], expected: .success(LogSettings(level: .fatal))),
        .init(arguments: ["-v"], expected: .success(LogSettings(level: .info))),
        .init(arguments: ["-d"], expected: .success(LogSettings(level: .debug))),
        .init(arguments: ["-q", "-v"], expected: .success(LogSettings(level: .info))),
        .init(arguments: ["-v", "-q"], expected: .success(LogSettings(level: .fatal))),
        .init(arguments: ["-ll", "trace"], expected: .success(LogSettings(level: .trace))),
        .init(arguments: ["-ll", "INFO"], expected: .success(LogSettings(level: .info))),
        .init(arguments: ["-ll", "off"], expected: .success(LogSettings(level: .off))),
        .init(arguments: ["-lc", "x.cfg"], expected: .success(LogSettings(level: .warn, configFile: "x.cfg"))),
        .init(arguments: ["-ll", "foo"], expected: .failure(.init("Invalid log level for --log-level option"))),
        .init(arguments: ["-ll", " info"], expected: .failure(.init("Invalid log level for --log-level option"))),
        .init(arguments: ["-ll", "foo", "-v"], expected: .failure(.init("--log-level not allowed with --verbose, --debug or --quiet"))),
        .init(arguments: ["-d", "-ll", "error"], expected: .failure(.init("--log-level not allowed with --verbose, --debug or --quiet"))),
        .init(arguments: ["-v", "-lc", "x"], expected: .failure(.init("--log-config not allowed with --verbose, --debug or --quiet"))),
        .init(arguments: ["-lc", "x", "-ll", "info"], expected: .failure(.init("--log-config not allowed with --log-level"))),
        .init(arguments: ["-lc", "x", "-ll", "foo"], expected: .failure(.init("Invalid log level for --log-level option"))),
    ]

    @Test(arguments: cases) func settings(_ c: LogSettingsCase) throws {
        let parsed = try serverLike.parse(c.arguments, programName: "server")
        #expect(Result { () throws(CommandLineError) in try parsed.logSettings() } == c.expected)
    }

    @Test func defaultLogIsDCMTKsConsoleFormat() throws {
        let capture = CapturedStreams()
        let log = try LogSetup.makeLog(LogSettings(level: .info), toolName: "server", streams: capture.streams)
        log.debug("hidden")
        log.info("Association Received (localhost:VIEWER1 -> STORE)")
        log.error("two\nlines")
        #expect(capture.error.text == "I: Association Received (localhost:VIEWER1 -> STORE)\nE: two\nE: lines\n")
        #expect(capture.output.text.isEmpty)
    }

    @Test(arguments: [("/nonexistent/logger.cfg", "Specified --log-config file does not exist"),
                      ("/tmp", "Specified --log-config file does not exist")])
    func missingLogConfig(_ path: String, _ message: String) {
        #expect(throws: CommandLineError(message)) {
            _ = try LogSetup.makeLog(LogSettings(configFile: path), toolName: "server")
        }
    }
}
