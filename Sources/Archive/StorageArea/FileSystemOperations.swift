/// The system calls a storage area makes, behind one protocol, so that a test
/// can record their order (DESIGN.md, "The way of one C-STORE": data sync,
/// rename, directory sync, journal sync) and inject failures such as `ENOSPC`.
///
/// File descriptors are plain `Int32`s. Names are resolved against a
/// directory descriptor the way the `*at(2)` calls do: a relative name inside
/// that directory, an absolute path as is.
package protocol FileSystemOperations: Sendable {
    /// What is at `path` (`stat(2)`, following links); nil when nothing is.
    func kind(atPath path: String) throws(SystemCallError) -> FileKind?
    /// `mkdir(2)` of one directory (mode 0777 less the umask).
    func makeDirectory(atPath path: String) throws(SystemCallError)
    /// `open(2)` of a directory, read-only, for the `*at` calls and `fsync`.
    func openDirectory(atPath path: String) throws(SystemCallError) -> Int32
    /// The names in a directory, without `.` and `..`.
    func entries(ofDirectory directory: Int32) throws(SystemCallError) -> [String]
    /// Creates a new file for writing; fails with `EEXIST` rather than open an existing one
    /// (`O_CREAT | O_EXCL`, mode 0666 less the umask).
    func createFile(named name: String, in directory: Int32) throws(SystemCallError) -> Int32
    /// Opens an existing file read-only.
    func openFile(named name: String, in directory: Int32) throws(SystemCallError) -> Int32
    /// `flock(LOCK_EX | LOCK_NB)`: false when another open file description holds a lock.
    func tryLockExclusively(_ file: Int32) throws(SystemCallError) -> Bool
    /// One `write(2)` (retried on `EINTR`); returns the bytes written, possibly fewer than given.
    func write(_ file: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> Int
    /// One `pread(2)` at `offset` (retried on `EINTR`); 0 at the end of the file.
    func read(_ file: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(SystemCallError) -> Int
    /// `fstat(2)`.
    func status(of file: Int32) throws(SystemCallError) -> FileStatus
    /// `fdatasync(2)`: the file's data (and the metadata needed to read it) is durable.
    func synchronizeData(_ file: Int32) throws(SystemCallError)
    /// `fsync(2)`; on a directory, makes its entries (a rename) durable.
    func synchronize(_ file: Int32) throws(SystemCallError)
    /// `renameat2(…, RENAME_NOREPLACE)`: fails with `EEXIST` rather than replace `newName`;
    /// `EINVAL`/`ENOSYS` when the file system or kernel cannot do it.
    func renameWithoutReplacing(_ name: String, to newName: String, in directory: Int32) throws(SystemCallError)
    /// `linkat(2)`: a second name for a file; fails with `EEXIST` when `newName` exists.
    func link(_ name: String, to newName: String, in directory: Int32) throws(SystemCallError)
    /// `unlinkat(2)` of a file.
    func removeFile(named name: String, in directory: Int32) throws(SystemCallError)
    /// `close(2)`; never retried (Linux closes the descriptor even on `EINTR`).
    func close(_ file: Int32)
}

/// The kind of a directory entry, as `stat(2)` reports it.
package enum FileKind: Sendable, Equatable {
    case regular, directory, other
}

/// What `fstat(2)` says about an open file.
package struct FileStatus: Sendable, Equatable {
    package var kind: FileKind
    package var size: Int64
    /// 0 once every name of the file has been removed.
    package var linkCount: Int
    package init(kind: FileKind, size: Int64, linkCount: Int) {
        (self.kind, self.size, self.linkCount) = (kind, size, linkCount)
    }
}
