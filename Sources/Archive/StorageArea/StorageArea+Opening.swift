import DICOM

#if canImport(Glibc)
import Glibc
#endif

extension StorageArea {
    /// Opens the storage area at server start.
    ///
    /// A missing folder is created (parents included) with a warning — dcmqrscp
    /// never creates it and fails each association instead (spec §2.8). A path
    /// that is not a directory, a folder that cannot be created, or one where
    /// no file can be created throws, naming the path: the server refuses to
    /// start. Temporary files left by an interrupted store are removed.
    package static func open(atPath path: String,
                             fileSystem: any FileSystemOperations = GlibcFileSystem(),
                             naming: StoreFileNaming = .dcmqrscp,
                             log: Log) throws(StorageAreaError) -> StorageArea {
        try createIfMissing(path, fileSystem: fileSystem, log: log)
        let directory: Int32
        do {
            directory = try fileSystem.openDirectory(atPath: path)
        } catch {
            if error.code == ENOTDIR { throw StorageAreaError(.notADirectory, path: path, systemCall: error) }
            throw StorageAreaError(.ioError, path: path, systemCall: error)
        }
        let area = StorageArea(path: path, directory: directory, fileSystem: fileSystem, naming: naming, log: log)
        area.removeTemporaryFiles()
        try area.checkWritable()
        return area
    }

    /// `mkdir -p`, with a warning naming the folder created.
    private static func createIfMissing(_ path: String, fileSystem: any FileSystemOperations, log: Log) throws(StorageAreaError) {
        guard !path.isEmpty else { throw StorageAreaError(.cannotCreateArea, path: path, systemCall: SystemCallError("mkdir", ENOENT)) }
        let existing: FileKind?
        do { existing = try fileSystem.kind(atPath: path) } catch {
            throw StorageAreaError(error.code == ENOTDIR ? .cannotCreateArea : .ioError, path: path, systemCall: error)
        }
        switch existing {
        case .directory?: return
        case .regular?, .other?: throw StorageAreaError(.notADirectory, path: path)
        case nil: break
        }
        // Each missing ancestor, outermost first.
        var prefixes: [String] = []
        var current = path
        while current.count > 1, current.hasSuffix("/") { current.removeLast() }
        while !current.isEmpty, current != "/" {
            prefixes.append(current)
            guard let slash = current.lastIndex(of: "/") else { break }
            current = String(current[..<slash])
        }
        do { try makeFolders(prefixes.reversed(), fileSystem: fileSystem) } catch {
            throw StorageAreaError(.cannotCreateArea, path: path, systemCall: error)
        }
        log.warn("storage area \(path) did not exist: created it")
    }

    private static func makeFolders(_ folders: [String], fileSystem: any FileSystemOperations) throws(SystemCallError) {
        for folder in folders {
            switch try fileSystem.kind(atPath: folder) {
            case .directory?:
                continue
            case .regular?, .other?:
                throw SystemCallError("mkdir", ENOTDIR)
            case nil:
                do { try fileSystem.makeDirectory(atPath: folder) } catch {
                    // EEXIST: created by someone else meanwhile; the next stat or open tells.
                    if error.code != EEXIST { throw error }
                }
            }
        }
    }

    /// Creates and removes a temporary file: proves the area takes new files
    /// before the first association does (as root, `access(2)` would say yes
    /// even on a read-only mount). A full device does not stop the start-up.
    private func checkWritable() throws(StorageAreaError) {
        do {
            let (name, file) = try createTemporaryFile()
            fileSystem.close(file)
            try? fileSystem.removeFile(named: name, in: directory)
        } catch {
            if error.kind == .outOfDiskSpace {
                log.warn("storage area \(path) is full: \(error.systemCall?.message ?? "no space")")
                return
            }
            throw StorageAreaError(.notWritable, path: path, systemCall: error.systemCall)
        }
    }
}
