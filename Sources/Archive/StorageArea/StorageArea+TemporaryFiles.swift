import DICOM

#if canImport(Glibc)
import Glibc
#endif

extension StorageArea {
    /// Names of temporary files start with this: hidden, inside the area (same
    /// file system, so the final rename is atomic), never ending in `.dcm`.
    package static let temporaryFilePrefix = ".quarry-tmp-"

    /// True for a name `createTemporaryFile` could have made.
    package static func isTemporaryFileName(_ name: String) -> Bool {
        name.hasPrefix(temporaryFilePrefix) && !name.contains("/")
    }

    /// Creates `.quarry-tmp-<16 hex>` exclusively and holds an exclusive
    /// `flock` on it for as long as it is open, so that another process
    /// opening the same area (a second server, `quarryidx`) knows it is in use.
    func createTemporaryFile() throws(StorageAreaError) -> (name: String, file: Int32) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<64 {
            let name = Self.temporaryFilePrefix + StoreFileNaming.hex16(generator.next())
            let file: Int32
            do {
                file = try fileSystem.createFile(named: name, in: directory)
            } catch {
                if error.code == EEXIST { continue }
                throw StorageAreaError(failed: error, path: path(of: name))
            }
            do {
                // The lock is taken just after the file appears: a cleaner that got
                // there first has unlinked it (link count 0), so try another name.
                if try fileSystem.tryLockExclusively(file), try fileSystem.status(of: file).linkCount > 0 {
                    return (name, file)
                }
                fileSystem.close(file)
            } catch {
                fileSystem.close(file)
                try? fileSystem.removeFile(named: name, in: directory)
                throw StorageAreaError(failed: error, path: path(of: name))
            }
        }
        throw StorageAreaError(.noFreeFileName, path: path(of: Self.temporaryFilePrefix + "*"))
    }

    /// Removes the temporary files an interrupted store left behind (a crash,
    /// a kill), one warning line naming each. A temporary file another
    /// process is writing right now (its lock is held) is left alone.
    /// Returns the number removed.
    @discardableResult
    package func removeTemporaryFiles() -> Int {
        let names: [String]
        do { names = try fileSystem.entries(ofDirectory: directory) } catch {
            log.warn("cannot list storage area \(path) for temporary files: \(error.message)")
            return 0
        }
        var removed = 0
        for name in names.sorted() where Self.isTemporaryFileName(name) {
            let file: Int32
            do { file = try fileSystem.openFile(named: name, in: directory) } catch {
                if error.code != ENOENT { log.warn("cannot open temporary file \(path(of: name)): \(error.message)") }
                continue
            }
            defer { fileSystem.close(file) }
            do {
                guard try fileSystem.tryLockExclusively(file) else {
                    log.debug("temporary file \(path(of: name)) is being written by another process: kept")
                    continue
                }
                try fileSystem.removeFile(named: name, in: directory)
                log.warn("Removing temporary file left by an interrupted store: \(path(of: name))")
                removed += 1
            } catch {
                log.warn("cannot remove temporary file \(path(of: name)): \(error.message)")
            }
        }
        return removed
    }
}

extension StorageArea {
    /// The names in the area, sorted, without temporary files: what
    /// `quarryidx --check` compares with the index and `--rebuild` reads.
    package func fileNames() throws(StorageAreaError) -> [String] {
        do {
            return try fileSystem.entries(ofDirectory: directory).filter { !Self.isTemporaryFileName($0) }.sorted()
        } catch {
            throw StorageAreaError(failed: error, path: path)
        }
    }
}
