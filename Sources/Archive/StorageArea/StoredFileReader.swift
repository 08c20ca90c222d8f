#if canImport(Glibc)
import Glibc
#endif

/// A stored file read in chunks — for sending it in a C-MOVE or C-GET
/// sub-operation, or for extracting attributes — never loaded whole.
/// Used by one thread; closes its descriptor when released.
package final class StoredFileReader {
    /// `<area>/<name>`.
    package let path: String
    /// The file's size when it was opened.
    package let size: Int64
    /// Where the next `read` starts.
    package private(set) var offset: Int64 = 0
    private let file: Int32
    private let fileSystem: any FileSystemOperations

    init(path: String, file: Int32, size: Int64, fileSystem: any FileSystemOperations) {
        (self.path, self.file, self.size, self.fileSystem) = (path, file, size, fileSystem)
    }

    deinit { fileSystem.close(file) }

    /// Bytes left from `offset` to the end.
    package var remaining: Int64 { size - offset }

    /// Moves the read position (e.g. past the Part 10 meta header); clamped to the file.
    package func seek(to newOffset: Int64) { offset = min(max(newOffset, 0), size) }

    /// The next at most `maximumCount` bytes; empty at the end. A file that
    /// became shorter than its size at opening throws.
    package func read(upTo maximumCount: Int) throws(StorageAreaError) -> [UInt8] {
        let count = Int(min(Int64(max(maximumCount, 0)), remaining))
        guard count > 0 else { return [] }
        var failure: SystemCallError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            while initialized < count {
                let target = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[initialized...])
                do throws(SystemCallError) {
                    let got = try fileSystem.read(file, into: target, at: offset + Int64(initialized))
                    if got == 0 { failure = SystemCallError("read", 0); return }
                    initialized += got
                } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure {
            if failure.code == 0 {
                throw StorageAreaError(.ioError, path: path, systemCall: SystemCallError("read", EIO))
            }
            throw StorageAreaError(failed: failure, path: path)
        }
        offset += Int64(bytes.count)
        return bytes
    }

    /// Calls `body` with each chunk of at most `chunkSize` bytes from `offset` to the end.
    package func forEachChunk(size chunkSize: Int = 64 * 1024, _ body: ([UInt8]) throws -> Void) throws {
        let step = max(chunkSize, 1)
        while remaining > 0 {
            try body(try read(upTo: step))
        }
    }
}

extension StorageArea {
    /// Opens a stored file for reading; `name` as in `removeFile`.
    package func openStoredFile(_ name: String) throws(StorageAreaError) -> StoredFileReader {
        try checkFileName(name)
        let fullPath = path(of: name)
        let file: Int32
        do { file = try fileSystem.openFile(named: name, in: directory) } catch {
            throw StorageAreaError(failed: error, path: fullPath)
        }
        let status: FileStatus
        do { status = try fileSystem.status(of: file) } catch {
            fileSystem.close(file)
            throw StorageAreaError(failed: error, path: fullPath)
        }
        guard status.kind == .regular else {
            fileSystem.close(file)
            throw StorageAreaError(.ioError, path: fullPath, systemCall: SystemCallError("open", EISDIR))
        }
        return StoredFileReader(path: fullPath, file: file, size: status.size, fileSystem: fileSystem)
    }
}
