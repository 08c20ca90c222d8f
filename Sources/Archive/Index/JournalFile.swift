#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// open(2), named apart from `JournalFile.open`.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }

/// An open journal file: its descriptor (closed when the last reference goes, so a
/// sync in progress keeps a replaced file open), its identity, and the system calls
/// the journal needs, each retried on `EINTR` and failing with `IndexError.io`.
final class JournalFile: Sendable {
    let path: String
    let descriptor: Int32
    private let device: UInt64
    private let inode: UInt64

    private init(path: String, descriptor: Int32) throws(IndexError) {
        self.path = path
        self.descriptor = descriptor
        var st = stat()
        guard fstat(descriptor, &st) == 0 else {
            let code = errno
            close(descriptor)
            throw .io(operation: "fstat", path: path, errno: code)
        }
        (device, inode) = (UInt64(st.st_dev), UInt64(st.st_ino))
    }

    deinit { close(descriptor) }

    /// Opens (creating if asked) `path` for reading and appending.
    static func open(_ path: String, create: Bool, appending: Bool = true) throws(IndexError) -> JournalFile {
        var flags = O_RDWR | O_CLOEXEC
        if appending { flags |= O_APPEND }
        if create { flags |= O_CREAT }
        let fd = retrying { systemOpen(path, flags, 0o644) }
        guard fd >= 0 else { throw .io(operation: "open", path: path, errno: errno) }
        return try JournalFile(path: path, descriptor: fd)
    }

    // MARK: Locking (flock(2): between processes, and between two opens in one process)

    func lock(exclusive: Bool) throws(IndexError) {
        guard Self.retrying({ flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) }) == 0 else {
            throw .io(operation: "flock", path: path, errno: errno)
        }
    }

    func unlock() { _ = flock(descriptor, LOCK_UN) }

    // MARK: State

    func size() throws(IndexError) -> Int {
        var st = stat()
        guard fstat(descriptor, &st) == 0 else { throw .io(operation: "fstat", path: path, errno: errno) }
        return Int(st.st_size)
    }

    /// False once another process compacted the journal (renamed a new file over the path).
    func isStillAtPath() -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return UInt64(st.st_dev) == device && UInt64(st.st_ino) == inode
    }

    // MARK: Writing

    /// Writes all of `bytes` at the end; on failure cuts the file back to `sizeBefore`
    /// so no partial record stays behind.
    func append(_ bytes: [UInt8], sizeBefore: Int) throws(IndexError) {
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
        if failure != 0 {
            _ = ftruncate(descriptor, off_t(sizeBefore))
            throw .io(operation: "write", path: path, errno: failure)
        }
    }

    func truncate(to size: Int) throws(IndexError) {
        guard Self.retrying({ ftruncate(descriptor, off_t(size)) }) == 0 else {
            throw .io(operation: "ftruncate", path: path, errno: errno)
        }
    }

    /// `fdatasync`: the appended records (and the file size) are durable.
    func syncData() throws(IndexError) {
        guard Self.retrying({ fdatasync(descriptor) }) == 0 else {
            throw .io(operation: "fdatasync", path: path, errno: errno)
        }
    }

    func sync() throws(IndexError) {
        guard Self.retrying({ fsync(descriptor) }) == 0 else { throw .io(operation: "fsync", path: path, errno: errno) }
    }

    /// Makes a rename or a creation in `directory` durable.
    static func syncDirectory(_ directory: String) throws(IndexError) {
        let fd = retrying { systemOpen(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0) }
        guard fd >= 0 else { throw .io(operation: "open", path: directory, errno: errno) }
        defer { close(fd) }
        guard retrying({ fsync(fd) }) == 0 else { throw .io(operation: "fsync", path: directory, errno: errno) }
    }

    // MARK: Reading

    /// Calls `body` with the bytes `start..<end` of the file, mapped read-only. Only
    /// under a lock: nobody truncates the file while it is mapped.
    func withMapping<R>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> R) throws(IndexError) -> R {
        if range.isEmpty { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let mapStart = range.lowerBound / page * page
        let mapLength = range.upperBound - mapStart
        guard let base = mmap(nil, mapLength, PROT_READ, MAP_SHARED, descriptor, off_t(mapStart)),
              base != MAP_FAILED else {
            throw .io(operation: "mmap", path: path, errno: errno)
        }
        defer { munmap(base, mapLength) }
        _ = madvise(base, mapLength, MADV_SEQUENTIAL)
        return body(UnsafeRawBufferPointer(start: base + (range.lowerBound - mapStart), count: range.count))
    }

    /// Reads `count` bytes at `offset` (short when the file is shorter).
    func read(at offset: Int, count: Int) throws(IndexError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var got = 0
        var failure: Int32 = 0
        buffer.withUnsafeMutableBytes { b in
            while got < count {
                let n = pread(descriptor, b.baseAddress.map { $0 + got }, count - got, off_t(offset + got))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                got += n
            }
        }
        if failure != 0 { throw .io(operation: "pread", path: path, errno: failure) }
        return Array(buffer[0..<got])
    }

    private static func retrying(_ call: () -> Int32) -> Int32 {
        while true {
            let r = call()
            if r == -1, errno == EINTR { continue }
            return r
        }
    }
}
