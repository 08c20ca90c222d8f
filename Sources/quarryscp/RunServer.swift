import DICOM
import QRServer

/// The server proper, given the parsed command line and the configured log.
/// Returns the process's exit status (spec §1.3: 10 for start-up failures).
///
/// Placeholder until the server lands: the lead replaces this body.
func runServer(_ options: ServerOptions, log: Log) -> Int32 {
    log.fatal("server not yet built")
    return 1
}
