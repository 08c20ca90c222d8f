import DICOM

/// The logging options of every DCMTK tool (`OFLog::addOptions`): `-q`, `-v`,
/// `-d`, `-ll level`, `-lc file`.
package struct LogSettings: Sendable, Equatable {
    /// The level `-q` (fatal), `-v` (info), `-d` (debug) or `-ll` asked for; warn by default.
    package var level: Log.Level
    /// `-lc`: a log4cplus property file; when set, it decides levels and destinations.
    package var configFile: String?

    package init(level: Log.Level = .warn, configFile: String? = nil) {
        (self.level, self.configFile) = (level, configFile)
    }
}

extension CommandLineInterface {
    /// `-h`, `--version`, `--arguments`, then the logging options — the start
    /// of every DCMTK tool's option list, in DCMTK's words.
    package mutating func addStandardOptions() {
        addOption("--help", "-h", help: "print this help text and exit", isExclusive: true)
        addOption("--version", help: "print version information and exit", isExclusive: true)
        addOption("--arguments", help: "print expanded command line arguments")
        addOption("--quiet", "-q", help: "quiet mode, print no warnings and errors")
        addOption("--verbose", "-v", help: "verbose mode, print processing details")
        addOption("--debug", "-d", help: "debug mode, print debug information")
        addOption("--log-level", "-ll", values: 1,
                  valueDescription: "[l]evel: string constant\n(fatal, error, warn, info, debug, trace)",
                  help: "use level l for the logger")
        addOption("--log-config", "-lc", values: 1, valueDescription: "[f]ilename: string",
                  help: "use config file f for the logger")
    }
}

extension ParsedCommandLine {
    /// The logging options, checked in DCMTK's order and words
    /// (`OFLog::configureFromCommandLine`); the `-lc` file is not read here.
    package func logSettings() throws(CommandLineError) -> LogSettings {
        let verbosity = rightmost(of: ["--quiet", "--verbose", "--debug"])
        if has("--log-level"), verbosity != nil { throw .conflict("--log-level", "--verbose, --debug or --quiet") }
        if has("--log-config"), verbosity != nil { throw .conflict("--log-config", "--verbose, --debug or --quiet") }
        var settings = LogSettings()
        if let name = value("--log-level") {
            guard let level = Log.Level(dcmtkName: name) else {
                throw CommandLineError("Invalid log level for --log-level option")
            }
            settings.level = level
        }
        if let file = value("--log-config") {
            if has("--log-level") { throw .conflict("--log-config", "--log-level") }
            settings.configFile = file
        }
        switch verbosity {
        case "--quiet": settings.level = .fatal
        case "--verbose": settings.level = .info
        case "--debug": settings.level = .debug
        default: break
        }
        return settings
    }
}
