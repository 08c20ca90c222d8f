import Synchronization

/// A `FileSystemOperations` for tests: passes every call to `base` (the real
/// file system by default), records the successful ones in order, and fails
/// the ones it is told to with a chosen `errno` — a full disk without filling
/// one, a failing `fdatasync`, a file system without `RENAME_NOREPLACE`.
///
/// Events name files as the caller named them and directories by their path,
/// so a test can assert "data sync of the temporary file, rename, directory
/// sync, journal sync" for one store (a kill cannot show that a sync happened).
package final class RecordingFileSystem: FileSystemOperations {
    package enum Event: Equatable, Sendable {
        case makeDirectory(String)
        case openDirectory(String)
        case createFile(String)
        case openFile(String)
        case write(String, Int)
        case synchronizeData(String)
        case synchronize(String)
        case renameWithoutReplacing(String, to: String)
        case link(String, to: String)
        case removeFile(String)
        case close(String)
    }

    package enum Operation: Hashable, Sendable {
        case kind, makeDirectory, openDirectory, entries, createFile, openFile, lock, write, read, status
        case synchronizeData, synchronize, renameWithoutReplacing, link, removeFile
    }

    private struct Fault { var code: Int32; var skip: Int; var times: Int }
    private struct State {
        var events: [Event] = []
        var names: [Int32: String] = [:]
        var faults: [Operation: Fault] = [:]
        var writeBudget: (bytes: Int, code: Int32)?
    }

    private let base: any FileSystemOperations
    private let state = Mutex(State())

    package init(base: any FileSystemOperations = GlibcFileSystem()) { self.base = base }

    /// Every successful call so far, in order.
    package var events: [Event] { state.withLock { $0.events } }

    package func resetEvents() { state.withLock { $0.events = [] } }

    /// Makes `operation` fail with `code`, `times` times, after `skip` calls that pass.
    package func fail(_ operation: Operation, with code: Int32, times: Int = .max, after skip: Int = 0) {
        state.withLock { $0.faults[operation] = Fault(code: code, skip: skip, times: times) }
    }

    /// Lets `bytes` more bytes be written (the last write falls short at the
    /// boundary, as on a filling disk), then fails every write with `code`.
    package func failWrites(with code: Int32, afterBytes bytes: Int) {
        state.withLock { $0.writeBudget = (max(bytes, 0), code) }
    }

    package func clearFailures() { state.withLock { $0.faults = [:]; $0.writeBudget = nil } }

    // MARK: FileSystemOperations

    package func kind(atPath path: String) throws(SystemCallError) -> FileKind? {
        try check(.kind, "stat")
        return try base.kind(atPath: path)
    }

    package func makeDirectory(atPath path: String) throws(SystemCallError) {
        try check(.makeDirectory, "mkdir")
        try base.makeDirectory(atPath: path)
        record(.makeDirectory(path))
    }

    package func openDirectory(atPath path: String) throws(SystemCallError) -> Int32 {
        try check(.openDirectory, "open")
        let fd = try base.openDirectory(atPath: path)
        record(.openDirectory(path), naming: fd, path)
        return fd
    }

    package func entries(ofDirectory directory: Int32) throws(SystemCallError) -> [String] {
        try check(.entries, "readdir")
        return try base.entries(ofDirectory: directory)
    }

    package func createFile(named name: String, in directory: Int32) throws(SystemCallError) -> Int32 {
        try check(.createFile, "open")
        let fd = try base.createFile(named: name, in: directory)
        record(.createFile(name), naming: fd, name)
        return fd
    }

    package func openFile(named name: String, in directory: Int32) throws(SystemCallError) -> Int32 {
        try check(.openFile, "open")
        let fd = try base.openFile(named: name, in: directory)
        record(.openFile(name), naming: fd, name)
        return fd
    }

    package func tryLockExclusively(_ file: Int32) throws(SystemCallError) -> Bool {
        try check(.lock, "flock")
        return try base.tryLockExclusively(file)
    }

    package func write(_ file: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> Int {
        try check(.write, "write")
        var allowed = bytes.count
        if let budget = state.withLock({ $0.writeBudget }) {
            guard budget.bytes > 0 || bytes.isEmpty else { throw SystemCallError("write", budget.code) }
            allowed = min(allowed, budget.bytes)
        }
        let written = try base.write(file, UnsafeRawBufferPointer(rebasing: bytes[..<allowed]))
        state.withLock {
            if let budget = $0.writeBudget { $0.writeBudget = (budget.bytes - written, budget.code) }
            $0.events.append(.write($0.names[file] ?? "fd \(file)", written))
        }
        return written
    }

    package func read(_ file: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(SystemCallError) -> Int {
        try check(.read, "read")
        return try base.read(file, into: buffer, at: offset)
    }

    package func status(of file: Int32) throws(SystemCallError) -> FileStatus {
        try check(.status, "fstat")
        return try base.status(of: file)
    }

    package func synchronizeData(_ file: Int32) throws(SystemCallError) {
        try check(.synchronizeData, "fdatasync")
        try base.synchronizeData(file)
        record(.synchronizeData(name(of: file)))
    }

    package func synchronize(_ file: Int32) throws(SystemCallError) {
        try check(.synchronize, "fsync")
        try base.synchronize(file)
        record(.synchronize(name(of: file)))
    }

    package func renameWithoutReplacing(_ name: String, to newName: String, in directory: Int32) throws(SystemCallError) {
        try check(.renameWithoutReplacing, "renameat2")
        try base.renameWithoutReplacing(name, to: newName, in: directory)
        record(.renameWithoutReplacing(name, to: newName))
    }

    package func link(_ name: String, to newName: String, in directory: Int32) throws(SystemCallError) {
        try check(.link, "link")
        try base.link(name, to: newName, in: directory)
        record(.link(name, to: newName))
    }

    package func removeFile(named name: String, in directory: Int32) throws(SystemCallError) {
        try check(.removeFile, "unlink")
        try base.removeFile(named: name, in: directory)
        record(.removeFile(name))
    }

    package func close(_ file: Int32) {
        let name = state.withLock { $0.names.removeValue(forKey: file) ?? "fd \(file)" }
        base.close(file)
        record(.close(name))
    }

    // MARK: Helpers

    private func check(_ operation: Operation, _ call: String) throws(SystemCallError) {
        let code: Int32? = state.withLock { state in
            guard var fault = state.faults[operation], fault.times > 0 else { return nil }
            if fault.skip > 0 {
                fault.skip -= 1
                state.faults[operation] = fault
                return nil
            }
            fault.times -= 1
            state.faults[operation] = fault
            return fault.code
        }
        if let code { throw SystemCallError(call, code) }
    }

    private func name(of file: Int32) -> String { state.withLock { $0.names[file] ?? "fd \(file)" } }

    private func record(_ event: Event, naming file: Int32? = nil, _ name: String = "") {
        state.withLock {
            if let file { $0.names[file] = name }
            $0.events.append(event)
        }
    }
}
