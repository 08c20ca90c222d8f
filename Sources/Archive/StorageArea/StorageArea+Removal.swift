import DICOM

#if canImport(Glibc)
import Glibc
#endif

/// Why a stored file is deleted; decides the log line.
package enum FileRemovalReason: Sendable, Equatable {
    /// An instance evicted by a quota, or replaced by a newer copy of the same
    /// SOP Instance UID (spec §5.3–5.5): dcmqrscp's warning line.
    case quotaOrDuplicate
    /// A file committed for a store that then failed (its index record could
    /// not be written): the store's own error line says why; debug only.
    case unsuccessfulStore
}

extension StorageArea {
    /// Deletes a stored file. Call it only once whatever replaces the file is
    /// durable (the caller sequences it). `name` is relative to the area, or an
    /// absolute path (files dcmqridx registered elsewhere).
    ///
    /// Logs `W: Deleting file: <path> due to quota or duplicate SOP instance UID`
    /// as dcmqrscp does — on `log` (the store's), else the area's. Returns true
    /// when no file of that name is left (also when it was already gone); a
    /// failure is logged as an error.
    @discardableResult
    package func removeFile(_ name: String, reason: FileRemovalReason = .quotaOrDuplicate, log: Log? = nil) -> Bool {
        let log = log ?? self.log
        do { try checkFileName(name) } catch {
            log.error("not deleting \(error.path): \(error)")
            return false
        }
        let fullPath = path(of: name)
        switch reason {
        case .quotaOrDuplicate: log.warn("Deleting file: \(fullPath) due to quota or duplicate SOP instance UID")
        case .unsuccessfulStore: log.debug("Deleting file of an unsuccessful store: \(fullPath)")
        }
        do {
            try fileSystem.removeFile(named: name, in: directory)
            return true
        } catch where error.code == ENOENT {
            log.warn("file to delete was already missing: \(fullPath)")
            return true
        } catch {
            log.error("cannot delete file: \(fullPath): \(error.message)")
            return false
        }
    }
}
