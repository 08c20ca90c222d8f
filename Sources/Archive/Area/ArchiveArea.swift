import DICOM

/// One storage area of the archive (spec §2.5, §5; DESIGN.md "The way of one
/// C-STORE", "The index"): its folder of object files (`StorageArea`) and its
/// index (`JournalIndex`, `<area>/quarry.index`), opened once at server start
/// and shared by every association that stores into or queries it. Several AE
/// titles may name one folder: they share one `ArchiveArea` and each brings
/// its own quota (`StoreOptions.quota`).
///
/// The C-STORE pipeline starts with `beginStore` (`ArchiveArea+Store.swift`).
package final class ArchiveArea: Sendable {
    /// The folder as configured.
    package let path: String
    package let storage: StorageArea
    package let index: JournalIndex
    /// The quota used when a store names none: the first AE configured with this area.
    package let quota: StorageQuota
    /// Where the area's own messages go (start-up, deletions, imports).
    package let log: Log

    init(path: String, storage: StorageArea, index: JournalIndex, quota: StorageQuota, log: Log) {
        (self.path, self.storage, self.index, self.quota, self.log) = (path, storage, index, quota, log)
    }

    /// Opens the storage area at `path` at server start:
    ///
    /// 1. the folder is created (with a warning) when missing; a path that is not
    ///    a folder, cannot be created or takes no new file throws, naming the path;
    ///    temporary files an interrupted store left are removed (a warning each);
    /// 2. when the folder holds DCMTK's `index.dat` and no Quarry index, the index
    ///    is built from it first (`importDCMTKIndex`): the file list from
    ///    `index.dat`, the attributes from each file, missing files reported;
    /// 3. the index journal is loaded (a torn tail cut off, with a warning).
    ///
    /// - Parameters:
    ///   - quota: the area's quota when a store names none.
    ///   - fileSystem: the system calls for the object files (tests record them).
    ///   - decoder: how text values are decoded for the index.
    ///   - journalSynced: called after each journal sync (tests record the order).
    ///   - workingDirectory: what relative paths in `index.dat` are relative to
    ///     (dcmqrscp's working directory); the current directory by default.
    package static func open(atPath path: String, quota: StorageQuota = .unlimited,
                             fileSystem: any FileSystemOperations = GlibcFileSystem(),
                             naming: StoreFileNaming = .dcmqrscp,
                             decoder: IndexValueDecoder = .specificCharacterSet,
                             journalSynced: (@Sendable () -> Void)? = nil,
                             workingDirectory: String? = nil,
                             log: Log) throws(ArchiveAreaError) -> ArchiveArea {
        let storage: StorageArea
        do { storage = try StorageArea.open(atPath: path, fileSystem: fileSystem, naming: naming, log: log) } catch {
            throw .storage(error)
        }
        let journalPath = JournalInspection.journalPath(inDirectory: path)
        if !fileExists(journalPath), DCMTKIndexImport.indexFileExists(inArea: path, fileSystem: fileSystem) {
            try importDCMTKIndex(into: storage, workingDirectory: workingDirectory, decoder: decoder, log: log)
        }
        let index: JournalIndex
        do {
            index = try JournalIndex(directory: path, log: log, decoder: decoder, journalSynced: journalSynced)
        } catch {
            throw .index(error)
        }
        return ArchiveArea(path: path, storage: storage, index: index, quota: quota, log: log)
    }
}
