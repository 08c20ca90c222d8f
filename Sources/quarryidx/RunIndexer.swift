import Archive
import DICOM

/// The indexer proper, given the parsed command line and the configured log.
/// Returns the process's exit status.
///
/// Placeholder until the index lands: the lead replaces this body.
func runIndexer(_ options: IndexerOptions, log: Log) -> Int32 {
    log.fatal("indexer not yet built")
    return 1
}
