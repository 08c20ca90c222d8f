import DICOM

/// Everything quarryidx's command line decides: dcmqridx's (`dcmqridx [options]
/// index-out [dcmfile-in...]`, `-p`, `-n`; spec §1.5) plus Quarry's
/// `--check`, `--rebuild` and `--stats`. A plain value: quarryidx's
/// `IndexerCommandLine` fills it, the indexer reads it.
package struct IndexerOptions: Sendable, Equatable {
    package enum Mode: Sendable, Equatable {
        /// dcmqridx: register `files` (paths kept as given) in the index of `storageArea`.
        case register(storageArea: String, files: [String])
        /// `--check`: compare each area's index with its files (missing files, orphan
        /// files, corrupt records); the exit status says which were found.
        case check(storageAreas: [String])
        /// `--rebuild`: rebuild each area's index from its files alone.
        case rebuild(storageAreas: [String])
        /// `--stats`: print each area's counts, bytes, quota headroom, oldest and newest study.
        case statistics(storageAreas: [String])
    }

    /// For `check`, `rebuild` and `statistics`, an empty list of areas means
    /// every storage area of the configuration (`configurationCandidates`).
    package var mode: Mode
    /// The effective log level (`-q` fatal, `-v` info, `-d` debug, `-ll`; warn by
    /// default; with `-lc`, the root level of that file).
    package var logLevel: Log.Level = .warn
    /// `-lc`: the log4cplus-style logger configuration in use.
    package var logConfigPath: String?
    /// `-p`: print the index after registering.
    package var printIndex = false
    /// `-n`: mark registered instances "not new".
    package var markNotNew = false
    /// `-c` (Quarry): the configuration naming the storage areas.
    package var configPath: String?

    package init(mode: Mode) { self.mode = mode }

    /// `[configPath]` when `-c` was given, else `ConfigurationSearchPath.candidates`.
    package var configurationCandidates: [String] {
        configPath.map { [$0] } ?? ConfigurationSearchPath.candidates
    }
}
