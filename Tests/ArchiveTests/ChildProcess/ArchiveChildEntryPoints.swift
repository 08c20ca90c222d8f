import DICOM
import Foundation
import QuarryTestSupport
import Testing
@testable import Archive
#if canImport(Glibc)
import Glibc
#endif

/// What `ChildProcess.run` starts in a process of its own. In a normal test
/// run `ChildProcess.task` is nil and these do not run: they are the child
/// half of `StoreCrashTests` and `LargeObjectMemoryTests`.
@Suite struct ArchiveChildEntryPoints {
    /// Stores one object into `AREA`, dying (SIGKILL) at `CRASH_AT`: a file
    /// system call (`CrashingFileSystem.Point`), `journalWrite` (records
    /// written, before their sync), `journalSync` (just after it) or
    /// `answered` (after the result, reported as `ACK <file>`).
    @Test(.enabled(if: ChildProcess.task == "crash")) func storeAndCrash() throws {
        let point = ChildProcess.setting("CRASH_AT")
        let areaPath = ChildProcess.setting("AREA")
        let storage = try StorageArea.open(atPath: areaPath, fileSystem: CrashingFileSystem(crashingAt: CrashingFileSystem.Point(rawValue: point)),
                                           log: .silent)
        let index = try JournalIndex(directory: areaPath, log: .silent, decoder: .specificCharacterSet,
                                     compactionMinimumRecords: 1000) { file throws(IndexError) in
            if point == "journalWrite" { kill(getpid(), SIGKILL) }
            try file.syncData()
            if point == "journalSync" { kill(getpid(), SIGKILL) }
        }
        let area = ArchiveArea(path: areaPath, storage: storage, index: index, quota: .unlimited, log: .silent)
        let n = Int(ChildProcess.setting("OBJECT")) ?? 1
        let result = try store(StoreTestObject(n), into: area)
        ChildProcess.report("ACK \(result.status.rawValue) \(result.storedFile?.name ?? "-")")
        if point == "answered" { kill(getpid(), SIGKILL) }
    }

    /// Stores an object with `SIZE` bytes of native pixel data into `AREA`, fed in
    /// 64 KiB fragments, and reports the process's peak RSS before and after.
    @Test(.enabled(if: ChildProcess.task == "large")) func storeLargeObject() throws {
        let size = Int(ChildProcess.setting("SIZE")) ?? (1 << 30)
        let area = try ArchiveArea.open(atPath: ChildProcess.setting("AREA"), log: .silent)
        var object = StoreTestObject(1)
        object.pixelBytes = 0
        var header = try object.dataSet.encoded(transferSyntax: .explicitVRLittleEndian)
        // Drop the empty Pixel Data the object ends with (12 bytes), then a 1 GB one.
        header.removeLast(12)
        header += [0xE0, 0x7F, 0x10, 0x00, 0x4F, 0x57, 0, 0]
        header += withUnsafeBytes(of: UInt32(size).littleEndian, Array.init)
        let fragment = patternedBytes(64 * 1024)
        let before = ChildProcess.peakResidentKiB()
        let incoming = area.beginStore(object.request(), options: StoreOptions())
        incoming.append(header[...])
        var sent = 0
        while sent < size {
            let count = min(fragment.count, size - sent)
            incoming.append(fragment[..<count])
            sent += count
        }
        let result = incoming.finish()
        let after = ChildProcess.peakResidentKiB()
        ChildProcess.report("STATUS \(result.status.rawValue)")
        ChildProcess.report("FILE \(result.storedFile?.name ?? "-") \(result.storedFile?.size ?? -1) \(header.count)")
        ChildProcess.report("HWM \(before) \(after)")
    }
}
