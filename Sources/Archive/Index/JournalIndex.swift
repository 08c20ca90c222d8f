import DICOM
import Synchronization

/// The index of one storage area, kept in memory and journaled in
/// `<area>/quarry.index` (DESIGN.md "The index", "Concurrency").
///
/// One lock (the `Mutex` around `JournalCore`) guards the in-memory state for short
/// steps; the journal's `flock` orders writers across processes (appends take it
/// exclusive, catching up takes it shared); the `fdatasync` runs outside both, one
/// for every store waiting at that moment (`GroupCommit`). Compaction runs when a
/// write leaves more dead records than live ones.
package final class JournalIndex: StorageAreaIndex {
    /// The journal's path.
    package let path: String
    private let log: Log
    private let decoder: IndexValueDecoder
    private let compactionMinimumRecords: Int
    private let core: Mutex<JournalCore>
    private let commit: GroupCommit

    /// Opens (creating if needed) the index of the storage area `directory`: loads the
    /// journal, cutting off a torn tail and compacting away damaged records, each with
    /// a warning on `log`.
    /// - Parameters:
    ///   - decoder: how raw values become the index's text (`IndexValueDecoder.standard`).
    ///   - compactionMinimumRecords: no compaction below this many records.
    ///   - journalSynced: called after each journal `fdatasync` (lets a test record the
    ///     order of a store's syncs).
    package convenience init(directory: String, log: Log = .silent, decoder: IndexValueDecoder = .standard,
                             compactionMinimumRecords: Int = 1000,
                             journalSynced: (@Sendable () -> Void)? = nil) throws(IndexError) {
        try self.init(directory: directory, log: log, decoder: decoder, compactionMinimumRecords: compactionMinimumRecords) {
            file throws(IndexError) in
            try file.syncData()
            journalSynced?()
        }
    }

    /// `sync`: what makes appended records durable (tests inject failures).
    init(directory: String, log: Log, decoder: IndexValueDecoder, compactionMinimumRecords: Int,
         sync: @escaping @Sendable (JournalFile) throws(IndexError) -> Void) throws(IndexError) {
        var core = try JournalCore(directory: directory)
        try core.lockCurrent(exclusive: true, log: log)
        do throws(IndexError) {
            core.removeStaleCompaction()
            let skipped = try core.load(exclusive: true, log: log)
            if skipped > 0 || core.needsCompaction(minimumRecords: compactionMinimumRecords) { try core.compact(log: log) }
        } catch {
            core.file.unlock()
            throw error
        }
        core.file.unlock()
        self.path = core.path
        self.log = log
        self.decoder = decoder
        self.compactionMinimumRecords = compactionMinimumRecords
        self.commit = GroupCommit(file: core.file, sync: sync)
        self.core = Mutex(core)
    }

    package func add(_ records: [InstanceRecord], quota: StorageQuota) throws(IndexError) -> [Result<StoreOutcome, IndexError>] {
        var results: [Result<StoreOutcome, IndexError>] = []
        var instances: [NormalizedInstance?] = []
        for record in records {
            do throws(IndexError) {
                instances.append(try NormalizedInstance(record, decoder: decoder))
                results.append(.failure(.invalidRecord("not written")))
            } catch {
                instances.append(nil)
                results.append(.failure(error))
            }
        }
        let ticket = try write { core, bytes throws(IndexError) in
            for (k, instance) in instances.enumerated() {
                guard let instance else { continue }
                switch QuotaPlanner.plan(core.state, instance, quota) {
                case .failure(let violation):
                    results[k] = .failure(.quotaExceeded(violation))
                case .success(let removals):
                    var outcome = StoreOutcome(sequence: 0)
                    for removal in removals {
                        let file = core.state.instanceFile(removal.instance)
                        switch removal.reason {
                        case .duplicate: outcome.replaced = file
                        case .maxStudies: outcome.evicted.append(Eviction(reason: .maxStudies, instance: file))
                        case .maxBytesPerStudy: outcome.evicted.append(Eviction(reason: .maxBytesPerStudy, instance: file))
                        }
                        _ = try core.append(.remove(sopInstanceUID: file.sopInstanceUID), to: &bytes)
                    }
                    outcome.sequence = try core.append(.add(core.state.addRecord(for: instance)), to: &bytes)
                    results[k] = .success(outcome)
                }
            }
        }
        if let ticket { try commit.waitDurable(ticket) }
        return results
    }

    package func remove(sopInstanceUID: String) throws(IndexError) -> IndexedInstanceFile? {
        var removed: IndexedInstanceFile?
        let uid = NormalizedInstance.trimmedUID(sopInstanceUID)
        let ticket = try write { core, bytes throws(IndexError) in
            guard let i = core.state.instance(uid: uid) else { return }
            removed = core.state.instanceFile(i)
            _ = try core.append(.remove(sopInstanceUID: uid), to: &bytes)
        }
        if let ticket { try commit.waitDurable(ticket) }
        return removed
    }

    package func snapshot() throws(IndexError) -> IndexSnapshot {
        try core.withLock { core throws(IndexError) -> IndexSnapshot in
            if core.isCurrent() { return IndexSnapshot(state: core.state) }
            try core.lockCurrent(exclusive: false, log: log)
            defer { core.file.unlock() }
            try core.catchUp(exclusive: false, log: log)
            return IndexSnapshot(state: core.state)
        }
    }

    /// Runs `build` under the index lock and the journal's exclusive `flock`, after
    /// catching up; writes what it appended in one `write`; returns the group-commit
    /// ticket to wait for (nil when nothing was written). If the write fails, the
    /// state (which already holds the records) is rebuilt from the journal.
    private func write(_ build: (inout JournalCore, inout [UInt8]) throws(IndexError) -> Void) throws(IndexError) -> UInt64? {
        if let failure = commit.failedSync { throw failure }
        return try core.withLock { core throws(IndexError) -> UInt64? in
            try core.lockCurrent(exclusive: true, log: log)
            defer { core.file.unlock() }
            try core.catchUp(exclusive: true, log: log)
            let sizeBefore = core.appliedOffset
            let sequenceBefore = core.state.lastSequence
            var bytes: [UInt8] = []
            do throws(IndexError) {
                try build(&core, &bytes)
                guard !bytes.isEmpty else { return nil }
                try core.file.append(bytes, sizeBefore: sizeBefore)
            } catch {
                if core.state.lastSequence != sequenceBefore { try core.load(exclusive: true, log: log) }
                throw error
            }
            core.appliedOffset += bytes.count
            core.recordsInFile += Int(core.state.lastSequence - sequenceBefore)
            let ticket = commit.noteWritten(to: core.file)
            if core.needsCompaction(minimumRecords: compactionMinimumRecords) {
                do throws(IndexError) {
                    try core.compact(log: log)
                    commit.noteDurable(file: core.file)
                } catch {
                    log.warn("Index journal \(path): compaction failed: \(error)")
                }
            }
            return ticket
        }
    }
}

extension JournalIndex {
    /// Bytes the in-memory index has allocated (for the memory report).
    package var allocatedBytes: Int { core.withLock { $0.state.allocatedBytes } }
}
