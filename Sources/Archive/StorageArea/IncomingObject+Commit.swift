import DICOM

#if canImport(Glibc)
import Glibc
#endif

extension IncomingObject {
    /// dcmqrscp tries as many random names before it gives up (spec §5.2).
    package static let maximumNameAttempts = 1024

    /// Makes the object durable under its final name, in this order (DESIGN.md):
    /// 1. `fdatasync` of the temporary file;
    /// 2. rename to `<prefix>_<16 hex>.dcm` without ever replacing a file
    ///    (`renameat2(RENAME_NOREPLACE)`, or `link` + `unlink` where the file
    ///    system cannot), a new name on each collision;
    /// 3. `fsync` of the area's directory.
    ///
    /// The caller appends the index record (and syncs the journal) after this
    /// returns, and answers the C-STORE only then. On failure no file of this
    /// object is left in the area.
    ///
    /// - Parameter finalPrefix: DCMTK's modality code for the command's Affected
    ///   SOP Class UID (`CT`, `MR`, `SCw`, `XX`…); anything but 1–16 letters
    ///   and digits becomes `XX`.
    package func commit(finalPrefix: String) throws(StorageAreaError) -> StoredFile {
        let file = try openFile()
        let fileSystem = area.fileSystem, directory = area.directory
        do { try fileSystem.synchronizeData(file) } catch {
            throw fail(StorageAreaError(failed: error, path: area.path(of: temporaryName)))
        }
        let name = try moveToFinalName(prefix: StoreFileNaming.sanitizedPrefix(finalPrefix))
        do { try fileSystem.synchronize(directory) } catch {
            // The rename may not be durable: take the file back out, the store fails.
            try? fileSystem.removeFile(named: name, in: directory)
            fileSystem.close(file)
            let failure = StorageAreaError(failed: error, path: area.path)
            state = .failed(failure)
            throw failure
        }
        fileSystem.close(file)
        state = .finished
        return StoredFile(name: name, path: area.path(of: name), size: size)
    }

    /// Step 2: the temporary file gets a final name that did not exist.
    private func moveToFinalName(prefix: String) throws(StorageAreaError) -> String {
        let fileSystem = area.fileSystem, directory = area.directory
        var renameUnsupported = false
        for _ in 0..<Self.maximumNameAttempts {
            let name = area.naming.candidate(prefix)
            guard !name.isEmpty, !name.contains("/"), !name.utf8.contains(0), name != ".", name != "..",
                  !StorageArea.isTemporaryFileName(name) else {
                throw fail(StorageAreaError(.invalidFileName, path: name))
            }
            do {
                if !renameUnsupported {
                    do {
                        try fileSystem.renameWithoutReplacing(temporaryName, to: name, in: directory)
                        return name
                    } catch where error.code == EINVAL || error.code == ENOSYS || error.code == EOPNOTSUPP {
                        area.log.debug("renameat2(RENAME_NOREPLACE) unsupported in \(area.path) (\(error.message)): link and unlink instead")
                        renameUnsupported = true
                    }
                }
                try fileSystem.link(temporaryName, to: name, in: directory)
                do { try fileSystem.removeFile(named: temporaryName, in: directory) } catch {
                    // The final name exists and is complete; a leftover temporary
                    // name is removed at the next start.
                    area.log.warn("cannot remove temporary file \(area.path(of: temporaryName)): \(error.message)")
                }
                return name
            } catch where error.code == EEXIST {
                continue
            } catch {
                throw fail(StorageAreaError(failed: error, path: area.path(of: name)))
            }
        }
        throw fail(StorageAreaError(.noFreeFileName, path: area.path(of: prefix + "_*.dcm")))
    }
}
