#if canImport(Glibc)
import Glibc
#endif
import DICOM

/// A read-only look at a storage area's index journal, for `quarryidx --check`:
/// what a server's start-up would load, and the damage it would cut off or
/// skip — found without changing the file (a shared `flock` is held while it
/// is read, so a writer's append is never mistaken for a torn record).
package struct JournalInspection: Sendable {
    /// A run of bytes that holds no valid record.
    package struct DamagedSpan: Sendable, Equatable {
        package var offset: Int
        package var count: Int
        package init(offset: Int, count: Int) { (self.offset, self.count) = (offset, count) }
    }

    /// `<area>/quarry.index`.
    package var path: String
    /// Valid records read (add and remove).
    package var records = 0
    /// Damaged spans between valid records (skipped at load, then compacted away).
    package var damagedSpans: [DamagedSpan] = []
    /// Bytes after the last valid record that hold no valid record (cut off at load).
    package var tornTail: DamagedSpan?
    /// The index the valid records make.
    package var snapshot: IndexSnapshot

    /// True when a load would find something to repair.
    package var isDamaged: Bool { !damagedSpans.isEmpty || tornTail != nil }

    /// The journal file's path in the storage area `directory`.
    package static func journalPath(inDirectory directory: String) -> String {
        directory.hasSuffix("/") ? directory + JournalFormat.fileName : directory + "/" + JournalFormat.fileName
    }

    /// Reads the journal of the storage area `directory`; nil when it has none.
    /// Throws `notAnIndex` or `unsupportedVersion` for a file that cannot be read
    /// as a journal at all, `io` when it cannot be read.
    package static func inspect(directory: String) throws(IndexError) -> JournalInspection? {
        let path = journalPath(inDirectory: directory)
        let file: JournalFile
        do { file = try JournalFile.open(path, create: false, appending: false) } catch {
            if case .io(_, _, let code) = error, code == ENOENT { return nil }
            throw error
        }
        try file.lock(exclusive: false)
        defer { file.unlock() }
        let size = try file.size()
        guard size >= JournalFormat.headerLength else {
            throw .notAnIndex(path: path, reason: "\(size) bytes, shorter than a header")
        }
        let headerBytes = try file.read(at: 0, count: JournalFormat.headerLength)
        let parsed = headerBytes.withUnsafeBytes { b in
            Result { () throws(MalformedData) -> JournalFormat.Header in try JournalFormat.Header(b) }
        }
        let header: JournalFormat.Header
        switch parsed {
        case .success(let h): header = h
        case .failure(let error): throw .notAnIndex(path: path, reason: error.description)
        }
        guard header.version == JournalFormat.version else { throw .unsupportedVersion(path: path, version: header.version) }
        var state = IndexState()
        state.lastSequence = header.baseSequence
        let start = JournalFormat.headerLength
        let result = try file.withMapping(start..<size) { bytes in
            JournalScanner.scan(bytes, after: 0) { sequence, record in state.apply(record, sequence: sequence) }
        }
        var inspection = JournalInspection(path: path, snapshot: IndexSnapshot(state: state))
        inspection.records = result.records
        inspection.damagedSpans = result.skipped.map { DamagedSpan(offset: start + $0.lowerBound, count: $0.count) }
        inspection.tornTail = result.tail.map { DamagedSpan(offset: start + $0.lowerBound, count: $0.count) }
        return inspection
    }
}
