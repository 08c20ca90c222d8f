#if canImport(Glibc)
import Glibc
#endif
import Archive
import DICOM

/// The indexer proper, given the parsed command line and the configured log.
/// Returns the process's exit status:
///
/// * registering (dcmqridx's form): 0, also when some files could not be read
///   (reported, as dcmqridx does); 1 when the storage area does not exist or
///   its index cannot be opened;
/// * `--check`: 0 when every area is consistent, else the OR of 2 (files the
///   index names are missing), 4 (orphan files: in the area, not in the index)
///   and 8 (damaged records, or an index that cannot be read); 1 when an area
///   cannot be read at all or no area is known;
/// * `--rebuild`, `--stats`: 0; 2 when an area could not be rebuilt or read;
///   1 when an area does not exist or no area is known.
func runIndexer(_ options: IndexerOptions, log: Log) -> Int32 {
    switch options.mode {
    case .register(let area, let files):
        return register(files, in: area, options: options, log: log)
    case .check(let areas):
        guard let targets = IndexerAreas.resolve(areas, options: options, log: log) else { return 1 }
        var status: Int32 = 0
        for target in targets {
            let check = AreaCheck.run(areaPath: target.path)
            StandardStreams.writeOutput(check.lines.joined(separator: "\n") + "\n")
            status |= check.problems.rawValue
        }
        return status
    case .rebuild(let areas):
        guard let targets = IndexerAreas.resolve(areas, options: options, log: log) else { return 1 }
        var status: Int32 = 0
        for target in targets {
            guard IndexerAreas.isDirectory(target.path) else {
                log.error("\(target.path): No such file or directory")
                status = max(status, 1)
                continue
            }
            let meter = ProgressMeter("rebuilding \(target.path)")
            do {
                let summary = try AreaRebuild.run(areaPath: target.path, log: log, progress: meter.update)
                meter.finish()
                StandardStreams.writeOutput("\(target.path): index rebuilt, \(summary.indexed) instances"
                                            + (summary.skipped > 0 ? ", \(summary.skipped) files left out" : "") + "\n")
            } catch {
                meter.finish()
                log.error("cannot rebuild the index of \(target.path): \(error)")
                status = 2
            }
        }
        return status
    case .statistics(let areas):
        guard let targets = IndexerAreas.resolve(areas, options: options, log: log) else { return 1 }
        var status: Int32 = 0
        for target in targets {
            guard IndexerAreas.isDirectory(target.path) else {
                log.error("\(target.path): No such file or directory")
                status = max(status, 1)
                continue
            }
            do {
                let stats = try AreaStatistics.read(areaPath: target.path, quota: target.quota, aeTitles: target.aeTitles)
                StandardStreams.writeOutput(stats.lines.joined(separator: "\n") + "\n")
            } catch {
                log.error("cannot read the index of \(target.path): \(error)")
                status = 2
            }
        }
        return status
    }
}

/// dcmqridx's form: `quarryidx [-p] [-n] index-out [dcmfile-in...]`.
private func register(_ files: [String], in areaPath: String, options: IndexerOptions, log: Log) -> Int32 {
    guard IndexerAreas.isDirectory(areaPath) else {
        log.error("\(IndexBuilderPaths.journal(areaPath)): No such file or directory")
        return 1
    }
    let area: ArchiveArea
    do { area = try ArchiveArea.open(atPath: areaPath, log: log) } catch {
        log.error("\(error)")
        return 1
    }
    if options.markNotNew { log.info("--not-new: Quarry's index keeps no reviewed status; nothing to mark") }
    let meter = ProgressMeter("registering in \(areaPath)")
    do {
        let summary = try IndexRegistration.run(files: files, area: area, workingDirectory: IndexerAreas.currentDirectory(),
                                                log: log, progress: meter.update)
        meter.finish()
        log.info("\(summary.registered) files registered in \(areaPath), \(summary.skipped) skipped")
    } catch {
        meter.finish()
        log.error("\(IndexBuilderPaths.journal(areaPath)): \(error)")
        return 1
    }
    if options.printIndex {
        do {
            let snapshot = try area.index.snapshot()
            StandardStreams.writeOutput(IndexListing.lines(of: snapshot, journalPath: area.index.path).joined(separator: "\n") + "\n")
        } catch {
            log.error("\(error)")
            return 1
        }
    }
    return 0
}

enum IndexBuilderPaths {
    static func journal(_ area: String) -> String { JournalInspection.journalPath(inDirectory: area) }
}
