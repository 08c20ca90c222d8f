import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// A disk that fills up and system calls that fail: 0xA700, the temporary
/// file removed, the index untouched (issue 5).
@Suite struct StoreFailureTests {
    @Test(arguments: [100, 5000, 20_000])
    func diskFullWhileReceivingAnswersA700(budget: Int) throws {
        let dir = try TemporaryDirectory()
        let fileSystem = RecordingFileSystem()
        let area = try ArchiveArea.open(atPath: dir.path, fileSystem: fileSystem, log: .silent)
        let kept = try #require(try store(StoreTestObject(1), into: area).storedFile)
        fileSystem.failWrites(with: ENOSPC, afterBytes: budget)
        var big = StoreTestObject(2)
        big.pixelBytes = 40_000
        let log = StorageTestLog()
        let result = try store(big, into: area, log: log.log)
        #expect(result.status == .refusedOutOfResources)
        #expect(result.errorComment == "Out of disk space")
        #expect(log.text.contains("E: Store SCP: Cannot write image file: out of disk space writing"))
        #expect(try leftovers(dir.path) == [kept.name])
        #expect(try area.index.snapshot().count(at: .image) == 1)

        fileSystem.clearFailures()
        #expect(try store(StoreTestObject(3), into: area).status == .success)
    }

    @Test(arguments: [RecordingFileSystem.Operation.createFile, .synchronizeData, .renameWithoutReplacing, .synchronize])
    func noSpaceAtAnyStepAnswersA700AndLeavesNothing(operation: RecordingFileSystem.Operation) throws {
        let dir = try TemporaryDirectory()
        let fileSystem = RecordingFileSystem()
        let area = try ArchiveArea.open(atPath: dir.path, fileSystem: fileSystem, log: .silent)
        fileSystem.fail(operation, with: ENOSPC)
        if operation == .renameWithoutReplacing { fileSystem.fail(.link, with: ENOSPC) }
        let result = try store(StoreTestObject(1), into: area)
        #expect(result.status == .refusedOutOfResources)
        #expect(result.errorComment == "Out of disk space")
        #expect(try leftovers(dir.path).isEmpty)
        #expect(try area.index.snapshot().count(at: .image) == 0)
    }

    @Test func ioErrorAnswersA700WithAnotherComment() throws {
        let dir = try TemporaryDirectory()
        let fileSystem = RecordingFileSystem()
        let area = try ArchiveArea.open(atPath: dir.path, fileSystem: fileSystem, log: .silent)
        fileSystem.fail(.write, with: EIO)
        let result = try store(StoreTestObject(1), into: area)
        #expect(result.status == .refusedOutOfResources)
        #expect(result.errorComment == "Cannot write file")
        #expect(try leftovers(dir.path).isEmpty)
    }

    /// The real thing where the test may mount: a 1 MiB tmpfs.
    @Test func fullTmpfsAnswersA700() throws {
        let dir = try TemporaryDirectory()
        let mountPoint = dir.path + "/small"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mounted = (try? runProcess("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint]))?.status == 0
        defer { if mounted { _ = try? runProcess("/usr/bin/umount", [mountPoint]) } }
        let fileSystem = RecordingFileSystem()
        if !mounted { fileSystem.failWrites(with: ENOSPC, afterBytes: 1 << 20) }
        let area = try ArchiveArea.open(atPath: mountPoint + "/STORE", fileSystem: fileSystem, log: .silent)
        var big = StoreTestObject(1)
        big.pixelBytes = 2 << 20
        let result = try store(big, into: area)
        #expect(result.status == .refusedOutOfResources)
        #expect(result.errorComment == "Out of disk space")
        #expect(try leftovers(mountPoint + "/STORE").isEmpty)
        #expect(try store(StoreTestObject(2), into: area).status == .success)
    }
}
