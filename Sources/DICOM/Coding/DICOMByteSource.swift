#if canImport(Glibc)
import Glibc
#endif

/// Bytes read in order, a chunk at a time: a file, the data set PDVs of an
/// association, memory. The streaming reader pulls from one.
package protocol DICOMByteSource {
    /// Up to `maxCount` next bytes; empty only at the end of the source.
    mutating func read(upTo maxCount: Int) throws(DICOMParseError) -> [UInt8]
    /// Moves past up to `count` bytes without handing them out; returns how
    /// many there were (fewer only at the end).
    mutating func skip(_ count: Int) throws(DICOMParseError) -> Int
}

extension DICOMByteSource {
    /// Skipping by reading and dropping chunks of at most 64 KiB.
    package mutating func skip(_ count: Int) throws(DICOMParseError) -> Int {
        var skipped = 0
        while skipped < count {
            let chunk = try read(upTo: min(count - skipped, 1 << 16))
            if chunk.isEmpty { break }
            skipped += chunk.count
        }
        return skipped
    }
}

/// Bytes already in memory.
package struct MemoryByteSource: DICOMByteSource {
    private let bytes: [UInt8]
    private var position = 0
    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package mutating func read(upTo maxCount: Int) -> [UInt8] {
        let n = min(max(maxCount, 0), bytes.count - position)
        defer { position += n }
        return Array(bytes[position..<position + n])
    }

    package mutating func skip(_ count: Int) -> Int {
        let n = min(max(count, 0), bytes.count - position)
        position += n
        return n
    }
}

/// A file read through its descriptor; skips seek over regular files. A class:
/// it owns the descriptor (opened by path, closed when released) and its position.
package final class FileByteSource: DICOMByteSource {
    package let fileDescriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens `path` for reading.
    package init(path: String) throws(DICOMParseError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DICOMParseError(.io("\(path): \(String(cString: strerror(errno)))"), offset: 0) }
        (fileDescriptor, ownsDescriptor) = (fd, true)
    }

    /// Reads from an open descriptor from its current position; the caller keeps ownership.
    package init(fileDescriptor: Int32) { (self.fileDescriptor, ownsDescriptor) = (fileDescriptor, false) }

    deinit { if ownsDescriptor { close(fileDescriptor) } }

    package func read(upTo maxCount: Int) throws(DICOMParseError) -> [UInt8] {
        guard maxCount > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: maxCount)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, maxCount) }
            if n >= 0 { return Array(buffer[0..<n]) }
            if errno != EINTR { throw DICOMParseError(.io(String(cString: strerror(errno))), offset: 0) }
        }
    }

    package func skip(_ count: Int) throws(DICOMParseError) -> Int {
        var info = stat()
        let here = lseek(fileDescriptor, 0, SEEK_CUR)
        guard count > 0, here >= 0, fstat(fileDescriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            var skipped = 0
            while skipped < count {
                let chunk = try read(upTo: min(count - skipped, 1 << 16))
                if chunk.isEmpty { break }
                skipped += chunk.count
            }
            return skipped
        }
        let n = min(count, max(0, Int(info.st_size) - Int(here)))
        guard lseek(fileDescriptor, off_t(n), SEEK_CUR) >= 0 else {
            throw DICOMParseError(.io(String(cString: strerror(errno))), offset: 0)
        }
        return n
    }
}
