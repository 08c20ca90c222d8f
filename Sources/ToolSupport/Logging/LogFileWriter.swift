#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A log file that several threads write whole messages to; with a size
/// limit it rolls over as log4cplus's RollingFileAppender does (`f` → `f.1`
/// → … → `f.<maxBackupIndex>`, the oldest dropped).
final class LogFileWriter: Sendable {
    private struct State: ~Copyable {
        var descriptor: Int32
        var size: Int
    }

    let path: String
    let maxFileSize: Int?
    let maxBackupIndex: Int
    private let state: Mutex<State>

    init(path: String, append: Bool, maxFileSize: Int? = nil, maxBackupIndex: Int = 1) throws(LoggerConfigurationError) {
        let fd = Self.open(path, truncate: !append)
        guard fd >= 0 else {
            throw .invalid(line: nil, "cannot open log file \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        (self.path, self.maxFileSize, self.maxBackupIndex) = (path, maxFileSize, maxBackupIndex)
        state = Mutex(State(descriptor: fd, size: size))
    }

    deinit {
        state.withLock { s in _ = close(s.descriptor) }
    }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        state.withLock { s in
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { raw in
                    raw.baseAddress.map { systemWrite(s.descriptor, $0 + offset, raw.count - offset) } ?? -1
                }
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
            s.size += bytes.count
            if let maxFileSize, s.size > maxFileSize { rollOver(&s) }
        }
    }

    private func rollOver(_ s: inout State) {
        close(s.descriptor)
        if maxBackupIndex > 0 {
            unlink("\(path).\(maxBackupIndex)")
            for i in stride(from: maxBackupIndex - 1, through: 1, by: -1) {
                rename("\(path).\(i)", "\(path).\(i + 1)")
            }
            rename(path, "\(path).1")
        }
        s.descriptor = Self.open(path, truncate: true)
        s.size = 0
    }

    private static func open(_ path: String, truncate: Bool) -> Int32 {
        systemOpen(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (truncate ? O_TRUNC : 0), 0o644)
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.open(path, flags, mode) }
#else
private let systemWrite = Darwin.write
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Darwin.open(path, flags, mode) }
#endif
