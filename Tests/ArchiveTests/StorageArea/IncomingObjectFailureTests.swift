import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// A failed store leaves no file in the area and a typed error the C-STORE
/// handler maps to a status (out of disk space → 0xA700).
@Suite struct IncomingObjectFailureTests {
    struct Injection: Sendable, CustomStringConvertible {
        var operation: RecordingFileSystem.Operation
        var code: Int32
        var expected: StorageAreaError.Kind
        var description: String { "\(operation) \(SystemCallError.message(for: code))" }
    }

    static let injections: [Injection] = [
        Injection(operation: .write, code: ENOSPC, expected: .outOfDiskSpace),
        Injection(operation: .write, code: EDQUOT, expected: .outOfDiskSpace),
        Injection(operation: .write, code: EIO, expected: .ioError),
        Injection(operation: .synchronizeData, code: EIO, expected: .ioError),
        Injection(operation: .synchronizeData, code: ENOSPC, expected: .outOfDiskSpace),
        Injection(operation: .renameWithoutReplacing, code: EIO, expected: .ioError),
        Injection(operation: .renameWithoutReplacing, code: ENOSPC, expected: .outOfDiskSpace),
        Injection(operation: .synchronize, code: EIO, expected: .ioError),
    ]

    @Test(arguments: injections)
    func injectedFailureIsTypedAndLeavesNoFile(injection: Injection) throws {
        let dir = try TemporaryDirectory()
        let fileSystem = RecordingFileSystem()
        let area = try StorageArea.open(atPath: dir.path, fileSystem: fileSystem, log: .silent)
        let object = try area.beginIncomingObject()
        fileSystem.fail(injection.operation, with: injection.code)
        let thrown = #expect(throws: StorageAreaError.self) {
            try object.append(patternedBytes(132))
            try object.append(patternedBytes(8_000))
            _ = try object.commit(finalPrefix: "CT")
        }
        let error = try #require(thrown)
        #expect(error.kind == injection.expected)
        #expect(error.systemCall?.code == injection.code)
        #expect(object.failure == error)
        fileSystem.clearFailures()
        #expect(try entriesOfFolder(dir.path).isEmpty)
        // Later fragments of the same message are refused with the same error, without I/O.
        #expect(throws: error) { try object.append([1, 2, 3]) }
    }

    /// A disk filling up mid-object: the last write falls short, the next one fails.
    @Test func diskFillingUpDuringAFragment() throws {
        let dir = try TemporaryDirectory()
        let fileSystem = RecordingFileSystem()
        let area = try StorageArea.open(atPath: dir.path, fileSystem: fileSystem, log: .silent)
        let object = try area.beginIncomingObject()
        let temporary = object.temporaryName
        fileSystem.failWrites(with: ENOSPC, afterBytes: 5_000)
        try object.append(patternedBytes(4_096))
        let error = #expect(throws: StorageAreaError.self) { try object.append(patternedBytes(4_096)) }
        #expect(error?.kind == .outOfDiskSpace)
        #expect(error?.path == dir.path + "/" + temporary)
        #expect(error?.description == "out of disk space writing \(dir.path)/\(temporary): No space left on device")
        #expect(fileSystem.events.contains(.write(temporary, 904)))
        #expect(fileSystem.events.last == .close(temporary))
        #expect(try entriesOfFolder(dir.path).isEmpty)
    }

    /// The temporary file cannot even be created (no free inode, no block for the directory).
    @Test func fullDiskAtCreation() throws {
        let dir = try TemporaryDirectory()
        let fileSystem = RecordingFileSystem()
        let area = try StorageArea.open(atPath: dir.path, fileSystem: fileSystem, log: .silent)
        fileSystem.fail(.createFile, with: ENOSPC)
        let error = #expect(throws: StorageAreaError.self) { try area.beginIncomingObject() }
        #expect(error?.kind == .outOfDiskSpace)
        #expect(try entriesOfFolder(dir.path).isEmpty)
    }

    /// The rename happened but the directory sync failed: the store fails, so its file goes too.
    @Test func failedDirectorySyncTakesTheRenamedFileBack() throws {
        let dir = try TemporaryDirectory()
        let fileSystem = RecordingFileSystem()
        let area = try StorageArea.open(atPath: dir.path, fileSystem: fileSystem, naming: scriptedNaming(["CT_00000000000000aa.dcm"]), log: .silent)
        let object = try area.beginIncomingObject()
        try object.append(patternedBytes(100))
        fileSystem.fail(.synchronize, with: EIO)
        #expect(throws: StorageAreaError.self) { try object.commit(finalPrefix: "CT") }
        #expect(fileSystem.events.contains(.renameWithoutReplacing(object.temporaryName, to: "CT_00000000000000aa.dcm")))
        #expect(fileSystem.events.contains(.removeFile("CT_00000000000000aa.dcm")))
        #expect(try entriesOfFolder(dir.path).isEmpty)
    }
}
