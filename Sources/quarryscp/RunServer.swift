import DICOM
import QRServer

/// The server proper, given the parsed command line and the configured log.
/// Returns the process's exit status (spec §1.3: 10 for start-up failures).
func runServer(_ options: ServerOptions, log: Log) -> Int32 {
    ServerLauncher.run(options, log: log)
}
