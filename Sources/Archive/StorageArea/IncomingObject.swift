import DICOM

#if canImport(Glibc)
import Glibc
#endif

/// One object being received into a storage area (DESIGN.md, "The way of one
/// C-STORE"): its bytes — the Part 10 meta header, then the data set's P-DATA
/// fragments as they arrive — go to a temporary file in the area; `commit`
/// makes them durable under a final name, `abort` leaves no trace.
///
/// Any failure removes the temporary file at once; later calls throw the same
/// error (so a receiver can keep draining fragments and answer at the end).
/// An object released without `commit` is aborted. Used by one thread.
package final class IncomingObject {
    enum State {
        case open(file: Int32)
        case failed(StorageAreaError)
        case finished
    }

    package let area: StorageArea
    /// `.quarry-tmp-<16 hex>` inside the area.
    package let temporaryName: String
    /// Bytes appended so far.
    package private(set) var size: Int64 = 0
    var state: State

    init(area: StorageArea, temporaryName: String, file: Int32) {
        (self.area, self.temporaryName, state) = (area, temporaryName, .open(file: file))
    }

    deinit { abort() }

    /// The error that ended this object, if one did.
    package var failure: StorageAreaError? {
        if case .failed(let error) = state { return error }
        return nil
    }

    package func append(_ bytes: [UInt8]) throws(StorageAreaError) {
        var failure: StorageAreaError?
        bytes.withUnsafeBytes { raw in
            do throws(StorageAreaError) { try append(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    package func append(_ bytes: ArraySlice<UInt8>) throws(StorageAreaError) {
        var failure: StorageAreaError?
        bytes.withUnsafeBytes { raw in
            do throws(StorageAreaError) { try append(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes all of `bytes`, looping over short writes.
    package func append(_ bytes: UnsafeRawBufferPointer) throws(StorageAreaError) {
        let file = try openFile()
        var written = 0
        while written < bytes.count {
            let count: Int
            do {
                count = try area.fileSystem.write(file, UnsafeRawBufferPointer(rebasing: bytes[written...]))
            } catch {
                throw fail(StorageAreaError(failed: error, path: area.path(of: temporaryName)))
            }
            guard count > 0 else {
                throw fail(StorageAreaError(.ioError, path: area.path(of: temporaryName), systemCall: SystemCallError("write", 0)))
            }
            written += count
            size += Int64(count)
        }
    }

    /// Removes the temporary file. Harmless after `commit`, a failure or another `abort`.
    package func abort() {
        guard case .open(let file) = state else { return }
        state = .finished
        discardTemporaryFile(file)
    }

    func openFile() throws(StorageAreaError) -> Int32 {
        switch state {
        case .open(let file): return file
        case .failed(let error): throw error
        case .finished: throw StorageAreaError(.objectFinished, path: area.path(of: temporaryName))
        }
    }

    /// Records `error`, removes the temporary file, returns the error to throw.
    func fail(_ error: StorageAreaError) -> StorageAreaError {
        if case .open(let file) = state { discardTemporaryFile(file) }
        state = .failed(error)
        return error
    }

    /// Unlinks, then closes: the lock is held until the name is gone.
    private func discardTemporaryFile(_ file: Int32) {
        do { try area.fileSystem.removeFile(named: temporaryName, in: area.directory) } catch where error.code != ENOENT {
            area.log.warn("cannot remove temporary file \(area.path(of: temporaryName)): \(error.message)")
        } catch {}
        area.fileSystem.close(file)
    }
}

extension StorageArea {
    /// Starts receiving an object: creates its temporary file.
    package func beginIncomingObject() throws(StorageAreaError) -> IncomingObject {
        let (name, file) = try createTemporaryFile()
        return IncomingObject(area: self, temporaryName: name, file: file)
    }
}
