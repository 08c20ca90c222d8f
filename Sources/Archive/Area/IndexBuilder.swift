#if canImport(Glibc)
import Glibc
#endif
import DICOM

/// Writes a complete new index journal for a storage area beside the old one
/// (in `<area>/.quarry-build/`) and puts it in place with one atomic rename:
/// an import of `index.dat` or a `--rebuild` interrupted half way leaves the
/// area's index as it was, never half written.
///
/// While it works it holds the exclusive `flock` of the area's current journal,
/// so a server storing into the area waits, then finds the new journal (a
/// writer that sees another file at the path reloads it, as after compaction).
/// Used by one thread.
final class IndexBuilder {
    static let folderName = ".quarry-build"

    let areaPath: String
    let folder: String
    private var index: JournalIndex?
    private var pending: [InstanceRecord] = []
    private var currentJournal: Int32 = -1
    private let log: Log
    /// Records indexed so far.
    private(set) var added = 0

    init(areaPath: String, decoder: IndexValueDecoder, log: Log) throws(IndexError) {
        self.areaPath = areaPath
        self.folder = Self.join(areaPath, Self.folderName)
        self.log = log
        let journal = JournalInspection.journalPath(inDirectory: areaPath)
        let fd = open(journal, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let code = errno
                    close(fd)
                    throw .io(operation: "flock", path: journal, errno: code)
                }
            }
            currentJournal = fd
        }
        Self.removeFolder(folder)
        guard mkdir(folder, 0o755) == 0 else {
            let code = errno
            releaseCurrentJournal()
            throw .io(operation: "mkdir", path: folder, errno: code)
        }
        do {
            index = try JournalIndex(directory: folder, log: log, decoder: decoder, compactionMinimumRecords: .max)
        } catch {
            abandon()
            throw error
        }
    }

    deinit { abandon() }

    /// Queues `record`; every 512 records are written with one sync.
    func add(_ record: InstanceRecord) throws(IndexError) {
        pending.append(record)
        if pending.count >= 512 { try flush() }
    }

    private func flush() throws(IndexError) {
        guard let index, !pending.isEmpty else { return }
        let records = pending
        pending.removeAll(keepingCapacity: true)
        for (record, result) in zip(records, try index.add(records, quota: .unlimited)) {
            switch result {
            case .success(let outcome):
                added += 1
                if let old = outcome.replaced, old.fileName != record.fileName {
                    added -= 1
                    log.warn("Duplicate SOP Instance UID \(old.sopInstanceUID): \(path(of: record.fileName)) "
                             + "replaces \(path(of: old.fileName)) in the index; keeping file: \(path(of: old.fileName))")
                }
            case .failure(let error):
                log.warn("not indexed: \(path(of: record.fileName)): \(error)")
            }
        }
    }

    /// Writes what is queued, then renames the new journal over the area's and
    /// syncs the area's folder. The builder is finished afterwards.
    func install() throws(IndexError) {
        do throws(IndexError) {
            try flush()
            index = nil
            let source = JournalInspection.journalPath(inDirectory: folder)
            let target = JournalInspection.journalPath(inDirectory: areaPath)
            guard rename(source, target) == 0 else { throw .io(operation: "rename", path: source, errno: errno) }
            try JournalFile.syncDirectory(areaPath)
        } catch {
            abandon()
            throw error
        }
        abandon()
    }

    /// Removes the unfinished journal and lets the current one go.
    private func abandon() {
        index = nil
        Self.removeFolder(folder)
        releaseCurrentJournal()
    }

    private func releaseCurrentJournal() {
        guard currentJournal >= 0 else { return }
        _ = flock(currentJournal, LOCK_UN)
        close(currentJournal)
        currentJournal = -1
    }

    private func path(of name: String) -> String { name.hasPrefix("/") ? name : Self.join(areaPath, name) }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Removes the builder's folder and the files in it (a journal, its compaction file).
    static func removeFolder(_ folder: String) {
        guard let stream = opendir(folder) else { return }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        closedir(stream)
        for name in names { _ = unlink(join(folder, name)) }
        _ = rmdir(folder)
    }
}

/// True when something is at `path`.
func fileExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
}
