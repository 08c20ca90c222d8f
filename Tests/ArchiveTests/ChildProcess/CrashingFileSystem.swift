import Archive
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real file system, but the process dies (SIGKILL) just before the chosen
/// call: a crash between two steps of a store, with nothing cleaned up.
final class CrashingFileSystem: FileSystemOperations {
    enum Point: String, CaseIterable, Sendable {
        /// The second write of an object (its data set, after the meta header).
        case write
        case synchronizeData, renameWithoutReplacing
        /// The area folder's fsync after the rename.
        case synchronizeDirectory
    }

    private let base = GlibcFileSystem()
    private let point: Point?
    private let writes = Counter()

    init(crashingAt point: Point?) { self.point = point }

    private func crash(_ at: Point) { if at == point { kill(getpid(), SIGKILL) } }

    func kind(atPath path: String) throws(SystemCallError) -> FileKind? { try base.kind(atPath: path) }
    func makeDirectory(atPath path: String) throws(SystemCallError) { try base.makeDirectory(atPath: path) }
    func openDirectory(atPath path: String) throws(SystemCallError) -> Int32 { try base.openDirectory(atPath: path) }
    func entries(ofDirectory directory: Int32) throws(SystemCallError) -> [String] { try base.entries(ofDirectory: directory) }
    func createFile(named name: String, in directory: Int32) throws(SystemCallError) -> Int32 {
        try base.createFile(named: name, in: directory)
    }
    func openFile(named name: String, in directory: Int32) throws(SystemCallError) -> Int32 {
        try base.openFile(named: name, in: directory)
    }
    func tryLockExclusively(_ file: Int32) throws(SystemCallError) -> Bool { try base.tryLockExclusively(file) }
    func write(_ file: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> Int {
        writes.increment()
        if writes.value == 2 { crash(.write) }
        return try base.write(file, bytes)
    }
    func read(_ file: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(SystemCallError) -> Int {
        try base.read(file, into: buffer, at: offset)
    }
    func status(of file: Int32) throws(SystemCallError) -> FileStatus { try base.status(of: file) }
    func synchronizeData(_ file: Int32) throws(SystemCallError) {
        crash(.synchronizeData)
        try base.synchronizeData(file)
    }
    func synchronize(_ file: Int32) throws(SystemCallError) {
        crash(.synchronizeDirectory)
        try base.synchronize(file)
    }
    func renameWithoutReplacing(_ name: String, to newName: String, in directory: Int32) throws(SystemCallError) {
        crash(.renameWithoutReplacing)
        try base.renameWithoutReplacing(name, to: newName, in: directory)
    }
    func link(_ name: String, to newName: String, in directory: Int32) throws(SystemCallError) {
        crash(.renameWithoutReplacing)
        try base.link(name, to: newName, in: directory)
    }
    func removeFile(named name: String, in directory: Int32) throws(SystemCallError) { try base.removeFile(named: name, in: directory) }
    func close(_ file: Int32) { base.close(file) }
}
