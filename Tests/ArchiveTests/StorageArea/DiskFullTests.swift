import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// A real full file system: a 1 MiB tmpfs mounted for the test (we run as
/// root). Where mounting is not allowed, the same scenario runs against a
/// file system layer that reports ENOSPC once 1 MiB is written, so the
/// behaviour is still proven.
@Suite struct DiskFullTests {
    @Test func storingIntoAFullFileSystem() throws {
        let dir = try TemporaryDirectory()
        let mountPoint = dir.path + "/small"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mounted = (try? runProcess("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint]))?.status == 0
        defer { if mounted { _ = try? runProcess("/usr/bin/umount", [mountPoint]) } }

        let areaPath = mountPoint + "/STORE"
        let fileSystem = RecordingFileSystem()
        if !mounted { fileSystem.failWrites(with: ENOSPC, afterBytes: 1 << 20) }
        let area = try StorageArea.open(atPath: areaPath, fileSystem: fileSystem, log: .silent)

        // An object bigger than the device: refused as out of disk space, nothing left behind.
        let big = try area.beginIncomingObject()
        let fragment = patternedBytes(64 * 1024)
        let error = #expect(throws: StorageAreaError.self) {
            for _ in 0..<64 { try big.append(fragment) }   // 4 MiB at most
        }
        #expect(error?.kind == .outOfDiskSpace)
        #expect(error?.description.hasSuffix(": No space left on device") == true)
        #expect(try entriesOfFolder(areaPath).isEmpty)

        // The space is given back: a small object fits and is stored.
        fileSystem.clearFailures()
        let small = try area.beginIncomingObject()
        try small.append(patternedBytes(10_000))
        let stored = try small.commit(finalPrefix: "MR")
        #expect(try entriesOfFolder(areaPath) == [stored.name])
        #expect(try contentsOfFile(stored.path) == patternedBytes(10_000))
    }
}
