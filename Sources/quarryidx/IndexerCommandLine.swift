import Archive
import DICOM
import ToolSupport

/// quarryidx's command line: dcmqridx's (DCMTK 3.6.7, `dcmqridx --help`; spec
/// §1.5) in its layout, then Quarry's `--check`, `--rebuild`, `--stats` and `-c`.
enum IndexerCommandLine {
    static let tool = ToolIdentity(name: "quarryidx", description: "Register DICOM files in a storage area's index (dcmqridx-compatible)")

    static let modes = ["--check", "--rebuild", "--stats"]

    static let interface: CommandLineInterface = {
        var cmd = CommandLineInterface(tool: tool, parameters: [
            CommandLineParameter("index-out", help: "storage area for the index file (directory)"),
            CommandLineParameter("dcmfile-in", help: "DICOM image file to be registered in the index file", .optionalRepeating),
        ])
        cmd.addGroup("options:")
        cmd.addStandardOptions()
        cmd.addOption("--print", "-p", help: "list contents of database index file")
        cmd.addOption("--not-new", "-n", help: "set instance reviewed status to 'not new'")
        cmd.addGroup("index maintenance (Quarry):")
        cmd.addOption("--check", help: "check the index of each storage area given\nagainst its files: missing files, orphan\nfiles, corrupt records", waivesRequiredParameters: true)
        cmd.addOption("--rebuild", help: "rebuild the index of each storage area given\nfrom its files alone", waivesRequiredParameters: true)
        cmd.addOption("--stats", help: "print statistics of each storage area given", waivesRequiredParameters: true)
        cmd.addOption("--config", "-c", values: 1, valueDescription: "[f]ilename: string",
                      help: "with --check, --rebuild or --stats and no\nstorage area given: all areas of config file f\n(default: "
                          + ConfigurationSearchPath.candidates.joined(separator: ",\nelse ") + ")")
        return cmd
    }()

    static func evaluate(_ cmd: CommandLineEvaluation) throws(CommandLineError) -> (options: IndexerOptions, log: Log) {
        let line = cmd.parsed
        let (settings, log) = try cmd.configureLogging()
        let mode = line.rightmost(of: modes)
        var options: IndexerOptions
        switch mode {
        case "--check": options = IndexerOptions(mode: .check(storageAreas: line.parameters))
        case "--rebuild": options = IndexerOptions(mode: .rebuild(storageAreas: line.parameters))
        case "--stats": options = IndexerOptions(mode: .statistics(storageAreas: line.parameters))
        default:
            let area = line.parameters.first ?? ""
            options = IndexerOptions(mode: .register(storageArea: area, files: Array(line.parameters.dropFirst())))
        }
        options.logLevel = log.threshold
        options.logConfigPath = settings.configFile
        options.printIndex = line.has("--print")
        options.markNotNew = line.has("--not-new")
        if let mode {
            if options.printIndex { throw .conflict("--print", mode) }
            if options.markNotNew { throw .conflict("--not-new", mode) }
        } else if line.has("--config") {
            throw .dependence("--config", "--check, --rebuild or --stats")
        }
        options.configPath = line.value("--config")
        return (options, log)
    }
}
