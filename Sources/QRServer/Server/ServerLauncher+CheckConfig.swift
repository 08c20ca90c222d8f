import Archive
import DICOM

extension ServerLauncher {
    /// `--check-config` (Quarry): reads the config (and the `-xf` profiles)
    /// as the server would, prints the summary on standard output and exits
    /// 0, or 1 when the server would refuse to start (an invalid file, a
    /// storage area that is not a folder, an unknown UserName or GroupName).
    /// Changes nothing on disk: a missing storage area is only reported.
    static func checkConfig(_ options: ServerOptions, log: Log) -> Int32 {
        let configuration: Configuration
        do {
            _ = try loadProfiles(options)
            configuration = try Configuration.load(contentsOf: configurationPath(options))
        } catch let failure as StartupFailure {
            report(failure, log: log)
            return 1
        } catch let error as ConfigurationError {
            report(StartupFailure(error.fatalMessage, diagnosticText: error.diagnosticText), log: log)
            return 1
        } catch {
            log.fatal("\(error)")
            return 1
        }
        StandardStreams.writeOutput(configuration.checkConfigSummary())
        var status: Int32 = 0
        for entry in configuration.aeTable where Configuration.storageAreaState(entry.storageArea) == .notADirectory {
            log.error("storage area of \(entry.aeTitle) (line \(entry.line)) is not a folder: \(entry.storageArea)")
            status = 1
        }
        for problem in PrivilegeDrop.unknownNames(groupName: configuration.groupName, userName: configuration.userName) {
            log.error(problem)
            status = 1
        }
        return status
    }
}
