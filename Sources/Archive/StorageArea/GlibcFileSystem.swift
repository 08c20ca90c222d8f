#if canImport(Glibc)
import Glibc
#endif

/// The real system calls (Linux, Glibc).
package struct GlibcFileSystem: FileSystemOperations {
    package init() {}

    package func kind(atPath path: String) throws(SystemCallError) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return nil }
            throw SystemCallError("stat", code)
        }
        return Self.kind(of: info.st_mode)
    }

    package func makeDirectory(atPath path: String) throws(SystemCallError) {
        guard mkdir(path, 0o777) == 0 else { throw .last("mkdir") }
    }

    package func openDirectory(atPath path: String) throws(SystemCallError) -> Int32 {
        try Self.retryingInterrupts("open") { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    }

    package func entries(ofDirectory directory: Int32) throws(SystemCallError) -> [String] {
        // fdopendir takes ownership of the descriptor it is given: give it a duplicate.
        let copy = dup(directory)
        guard copy >= 0 else { throw .last("dup") }
        guard let stream = fdopendir(copy) else {
            let error = SystemCallError.last("fdopendir")
            Glibc.close(copy)
            throw error
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw .last("readdir") }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
    }

    package func createFile(named name: String, in directory: Int32) throws(SystemCallError) -> Int32 {
        try Self.retryingInterrupts("open") {
            openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
    }

    package func openFile(named name: String, in directory: Int32) throws(SystemCallError) -> Int32 {
        try Self.retryingInterrupts("open") { openat(directory, name, O_RDONLY | O_CLOEXEC) }
    }

    package func tryLockExclusively(_ file: Int32) throws(SystemCallError) -> Bool {
        while flock(file, LOCK_EX | LOCK_NB) != 0 {
            switch errno {
            case EINTR: continue
            case EWOULDBLOCK: return false
            default: throw .last("flock")
            }
        }
        return true
    }

    package func write(_ file: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        return try Self.retryingInterrupts("write") { Glibc.write(file, base, bytes.count) }
    }

    package func read(_ file: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(SystemCallError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        return try Self.retryingInterrupts("read") { pread(file, base, buffer.count, off_t(offset)) }
    }

    package func status(of file: Int32) throws(SystemCallError) -> FileStatus {
        var info = stat()
        guard fstat(file, &info) == 0 else { throw .last("fstat") }
        return FileStatus(kind: Self.kind(of: info.st_mode), size: Int64(info.st_size), linkCount: Int(info.st_nlink))
    }

    package func synchronizeData(_ file: Int32) throws(SystemCallError) {
        _ = try Self.retryingInterrupts("fdatasync") { fdatasync(file) }
    }

    package func synchronize(_ file: Int32) throws(SystemCallError) {
        _ = try Self.retryingInterrupts("fsync") { fsync(file) }
    }

    package func renameWithoutReplacing(_ name: String, to newName: String, in directory: Int32) throws(SystemCallError) {
        guard let renameat2 = Self.renameat2 else { throw SystemCallError("renameat2", ENOSYS) }
        guard renameat2(directory, name, directory, newName, Self.renameNoReplace) == 0 else { throw .last("renameat2") }
    }

    package func link(_ name: String, to newName: String, in directory: Int32) throws(SystemCallError) {
        guard linkat(directory, name, directory, newName, 0) == 0 else { throw .last("link") }
    }

    package func removeFile(named name: String, in directory: Int32) throws(SystemCallError) {
        guard unlinkat(directory, name, 0) == 0 else { throw .last("unlink") }
    }

    package func close(_ file: Int32) { _ = Glibc.close(file) }

    // MARK: Helpers

    private static func kind(of mode: mode_t) -> FileKind {
        switch mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        default: .other
        }
    }

    private static func retryingInterrupts<R: BinaryInteger>(_ call: String, _ body: () -> R) throws(SystemCallError) -> R {
        while true {
            let result = body()
            if result >= 0 { return result }
            if errno != EINTR { throw .last(call) }
        }
    }

    /// `RENAME_NOREPLACE` from `<linux/fs.h>` (not exported by Swift's Glibc module).
    private static let renameNoReplace: UInt32 = 1

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Glibc ≥ 2.28 exports `renameat2`, but its declaration is hidden behind
    /// `_GNU_SOURCE` and does not reach Swift: look the symbol up once.
    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
}
