import DICOM
import Testing
import ToolSupport

@Suite struct CommandLineRunTests {
    static let header = "$quarry: server v\(QuarryVersion.current) $\n\nserver: test server\n"

    func run(_ arguments: [String], _ capture: CapturedStreams) -> CommandLineOutcome<LogSettings> {
        serverLike.run(["server"] + arguments, streams: capture.streams) { cmd throws(CommandLineError) in
            _ = try cmd.parsed.unsignedParameter(1, min: 1, max: 65535)
            return try cmd.configureLogging().settings
        }
    }

    @Test func errorsPrintTheHeaderAndExit1() {
        let capture = CapturedStreams()
        guard case .exit(1) = run(["0"], capture) else { Issue.record("expected exit 1"); return }
        #expect(capture.error.text == Self.header + "error: Invalid parameter value 0 (underflow)\n")
        #expect(capture.output.text.isEmpty)
    }

    @Test(arguments: [["--help"], ["-h", "--version"], ["--version", "--help"], ["-pdu", "1000", "--help"]])
    func helpGoesToStandardOutputAndWins(_ arguments: [String]) {
        let capture = CapturedStreams()
        guard case .exit(0) = run(arguments, capture) else { Issue.record("expected exit 0"); return }
        #expect(capture.output.text == serverLike.helpText)
        #expect(capture.error.text.isEmpty)
    }

    @Test func versionGoesToStandardOutput() {
        let capture = CapturedStreams()
        guard case .exit(0) = run(["--version", "1", "2"], capture) else { Issue.record("expected exit 0"); return }
        #expect(capture.output.text.hasPrefix(Self.header + "\nHost type: "))
        #expect(capture.output.text.contains("\nExternal libraries used:\n- ZLIB, Version "))
    }

    @Test func noArgumentsPrintsUsageWhenParametersAreRequired() {
        let capture = CapturedStreams()
        let outcome = dcmqridxLike.run(["dcmqridx"], streams: capture.streams) { _ throws(CommandLineError) in 0 }
        guard case .exit(0) = outcome else { Issue.record("expected exit 0"); return }
        #expect(capture.output.text == dcmqridxLike.helpText)
    }

    /// Measured: `dcmqrscp --arguments -q -c /nx` prints this on stderr whatever the level.
    @Test func argumentsArePrintedAtInfoWhateverTheLevel() {
        let capture = CapturedStreams()
        guard case .proceed(let settings) = run(["--arguments", "-q", "-c", "/nx"], capture) else {
            Issue.record("expected to proceed"); return
        }
        #expect(settings.level == .fatal)
        #expect(capture.error.text == "I: calling 'server' with 4 arguments: '--arguments' '--quiet' '--config' '/nx' \nI: \n")
    }

    @Test func argumentsAreNotPrintedWhenTheParameterIsBad() {
        let capture = CapturedStreams()
        _ = run(["--arguments", "0"], capture)
        #expect(!capture.error.text.contains("calling"))
    }
}
