import DICOM

/// What a tool does after its command line was handled.
package enum CommandLineOutcome<Value> {
    /// Go on with these options.
    case proceed(Value)
    /// Help, version or an error has been printed: exit with this status.
    case exit(Int32)
}

extension CommandLineOutcome: Sendable where Value: Sendable {}

/// A parsed command line while the tool reads its options, in the order it
/// chooses (DCMTK checks values in the order the tool's code asks for them,
/// not the order they were given).
package struct CommandLineEvaluation: Sendable {
    package var parsed: ParsedCommandLine
    package var tool: ToolIdentity
    package var streams: CommandLineStreams

    /// The logging options, as DCMTK's `OFLog::configureFromCommandLine`:
    /// checked, the `Log` built (reading `-lc`), and `--arguments` printed
    /// through it at info level whatever the level (`I: calling '<argv0>' with
    /// N arguments: '…' '…' `).
    package func configureLogging() throws(CommandLineError) -> (settings: LogSettings, log: Log) {
        let settings = try parsed.logSettings()
        let log = try LogSetup.makeLog(settings, toolName: tool.name, streams: streams)
        if parsed.has("--arguments") {
            var loud = log
            loud.threshold = min(log.threshold, .info)
            let words = parsed.expandedArguments.map { "'\($0)' " }.joined()
            loud.info("calling '\(parsed.programName)' with \(parsed.expandedArguments.count) arguments: \(words)\n")
        }
        return (settings, log)
    }
}

extension CommandLineInterface {
    /// Handles `argv` as a DCMTK tool does: no argument at all for a tool that
    /// needs parameters, `--help` or `--version` print to standard output and
    /// exit 0 (`--help` wins); a parse error or an error `evaluate` throws
    /// prints the header and `error: …` to standard error and exits 1.
    package func run<Value>(_ argv: [String], streams: CommandLineStreams = .standard,
                            evaluate: (CommandLineEvaluation) throws(CommandLineError) -> Value)
        -> CommandLineOutcome<Value> {
        let programName = argv.first ?? tool.name
        let arguments = Array(argv.dropFirst())
        if arguments.isEmpty, minimumParameterCount > 0 {
            streams.output(helpText)
            return .exit(0)
        }
        do throws(CommandLineError) {
            let parsed = try parse(arguments, programName: programName)
            if parsed.has("--help") {
                streams.output(helpText)
                return .exit(0)
            }
            if parsed.has("--version") {
                streams.output(tool.versionText)
                return .exit(0)
            }
            return .proceed(try evaluate(CommandLineEvaluation(parsed: parsed, tool: tool, streams: streams)))
        } catch {
            streams.error(tool.header + "\(error)\n")
            return .exit(1)
        }
    }
}
