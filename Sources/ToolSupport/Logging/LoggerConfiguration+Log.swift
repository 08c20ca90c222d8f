import DICOM

extension LoggerConfiguration {
    /// A `Log` writing each message to every appender whose threshold it
    /// reaches, each line of a multi-line message formatted on its own (as
    /// DCMTK's pattern layout does). Opens (and, without `Append = true`,
    /// truncates) the log files now.
    package func makeLog(loggerName: String, streams: CommandLineStreams = .standard)
        throws(LoggerConfigurationError) -> Log {
        typealias Output = (threshold: Log.Level, layout: LogPattern, write: @Sendable (String) -> Void)
        var outputs: [Output] = []
        for appender in appenders {
            let write: @Sendable (String) -> Void
            switch appender.destination {
            case .standardOutput: write = streams.output
            case .standardError: write = streams.error
            case .discard: write = { _ in }
            case .file(let path, let append):
                let writer = try LogFileWriter(path: path, append: append)
                write = { writer.write($0) }
            case .rollingFile(let path, let append, let maxFileSize, let maxBackupIndex):
                let writer = try LogFileWriter(path: path, append: append, maxFileSize: maxFileSize,
                                               maxBackupIndex: maxBackupIndex)
                write = { writer.write($0) }
            }
            outputs.append((appender.threshold, appender.layout, write))
        }
        let start = LogTimestamp.now()
        let configured = outputs
        return Log(threshold: rootLevel) { level, text in
            let lines = Log.messageLines(of: text, level: level)
            let context = LogEventContext.now(loggerName: loggerName, start: start)
            for output in configured where level >= output.threshold {
                output.write(lines.map { output.layout.format(level: level, message: $0, context: context) }.joined())
            }
        }
    }
}

extension Log {
    /// The message lines of what `Log` hands its sink (`"I: a\nI: b\n"` → `["a", "b"]`).
    static func messageLines(of text: String, level: Level) -> [String] {
        var body = Substring(text)
        if body.hasSuffix("\n") { body = body.dropLast() }
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(level.prefix) ? String(line.dropFirst(level.prefix.count)) : String(line)
        }
    }
}
