#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DICOM

extension JournalCore {
    var compactionPath: String { path + ".compact" }

    /// Dead records (removed or replaced instances, remove records) outweigh live ones.
    func needsCompaction(minimumRecords: Int) -> Bool {
        recordsInFile >= minimumRecords && recordsInFile - state.liveInstances > state.liveInstances
    }

    /// Rewrites the live records to a new file, syncs it, renames it over the journal
    /// and syncs the directory; the state is rebuilt from the records written, as a
    /// fresh load would build it. The caller holds the exclusive lock of the old file;
    /// on return `file` is the new one, locked the same way.
    mutating func compact(log: Log) throws(IndexError) {
        let temporary = try JournalFile.open(compactionPath, create: true, appending: false)
        try temporary.lock(exclusive: true)
        do throws(IndexError) {
            try temporary.truncate(to: 0)
            var fresh = IndexState()
            var buffer = JournalFormat.Header(baseSequence: state.lastSequence).encoded
            var written = 0
            var records = 0
            var failure: IndexError?
            state.compactedRecords { sequence, record in
                guard failure == nil else { return }
                let frame = record.framed(sequence: sequence)
                frame.withUnsafeBytes { b in
                    if let f = JournalScanner.frame(in: b, at: 0, after: fresh.lastSequence) {
                        fresh.apply(f.record, sequence: f.sequence)
                    } else {
                        failure = .invalidRecord("compaction produced a record that does not read back")
                    }
                }
                buffer += frame
                records += 1
                if buffer.count >= 8 << 20 {
                    do throws(IndexError) { try temporary.append(buffer, sizeBefore: written) } catch { failure = error }
                    written += buffer.count
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            if let failure { throw failure }
            try temporary.append(buffer, sizeBefore: written)
            written += buffer.count
            try temporary.sync()
            guard rename(compactionPath, path) == 0 else { throw .io(operation: "rename", path: compactionPath, errno: errno) }
            try JournalFile.syncDirectory(directory)
            let before = recordsInFile
            fresh.lastSequence = max(fresh.lastSequence, state.lastSequence)
            file.unlock()
            file = temporary
            state = fresh
            appliedOffset = written
            recordsInFile = records
            log.info("Index journal \(path): compacted \(before) records to \(records)")
        } catch {
            temporary.unlock()
            _ = unlink(compactionPath)
            throw error
        }
    }

    /// Removes what a compaction interrupted by a crash left (under the exclusive lock).
    func removeStaleCompaction() { _ = unlink(compactionPath) }
}
