import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

@Suite struct StorageAreaOpeningTests {
    @Test func missingFolderIsCreatedWithParentsAndAWarning() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/db/a/STORE"
        let log = StorageTestLog()
        let area = try StorageArea.open(atPath: path, log: log.log)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(log.text.contains("W: storage area \(path) did not exist: created it\n"))
        #expect(area.path == path)
        #expect(try entriesOfFolder(path).isEmpty)   // the writability probe left nothing
    }

    @Test func existingFolderOpensQuietly() throws {
        let dir = try TemporaryDirectory()
        let log = StorageTestLog()
        _ = try StorageArea.open(atPath: dir.path, log: log.log)
        #expect(!log.text.contains("W: "))
    }

    @Test func aFileInsteadOfAFolderIsRefusedNamingThePath() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("STORE", "not a folder")
        let error = #expect(throws: StorageAreaError.self) { try StorageArea.open(atPath: path, log: .silent) }
        #expect(error?.kind == .notADirectory)
        #expect(error?.description == "storage area \(path) is not a directory")
    }

    @Test func aFolderUnderAFileCannotBeCreated() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("file", "x")
        let path = file + "/STORE"
        let error = #expect(throws: StorageAreaError.self) { try StorageArea.open(atPath: path, log: .silent) }
        #expect(error?.kind == .cannotCreateArea)
        #expect(error?.description == "cannot create storage area \(path): Not a directory")
    }

    @Test func aFolderWhereNoFileCanBeCreatedIsRefused() throws {
        let dir = try TemporaryDirectory()
        let fileSystem = RecordingFileSystem()
        fileSystem.fail(.createFile, with: EROFS)
        let error = #expect(throws: StorageAreaError.self) {
            try StorageArea.open(atPath: dir.path, fileSystem: fileSystem, log: .silent)
        }
        #expect(error?.kind == .notWritable)
        #expect(error?.description == "storage area \(dir.path) is not writable: Read-only file system")
    }

    @Test func temporaryFilesLeftByACrashAreRemovedAtOpen() throws {
        let dir = try TemporaryDirectory()
        for name in [".quarry-tmp-0123456789abcdef", ".quarry-tmp-fedcba9876543210", "CT_6b03b78a61fb6218.dcm", "index.dat", ".other"] {
            try dir.write(name, "left over")
        }
        let log = StorageTestLog()
        _ = try StorageArea.open(atPath: dir.path, log: log.log)
        #expect(try entriesOfFolder(dir.path) == [".other", "CT_6b03b78a61fb6218.dcm", "index.dat"])
        #expect(log.text.contains("W: Removing temporary file left by an interrupted store: \(dir.path)/.quarry-tmp-0123456789abcdef\n"))
        #expect(log.text.contains("W: Removing temporary file left by an interrupted store: \(dir.path)/.quarry-tmp-fedcba9876543210\n"))
    }

    /// Two servers (or quarryidx) on one area: a store in progress is not anyone's leftover.
    @Test func aTemporaryFileBeingWrittenIsKept() throws {
        let dir = try TemporaryDirectory()
        let first = try StorageArea.open(atPath: dir.path, log: .silent)
        let object = try first.beginIncomingObject()
        try object.append(patternedBytes(100))
        let second = try StorageArea.open(atPath: dir.path, log: .silent)
        #expect(try entriesOfFolder(dir.path) == [object.temporaryName])
        #expect(second.removeTemporaryFiles() == 0)
        #expect(try second.fileNames().isEmpty)
        let stored = try object.commit(finalPrefix: "CT")
        #expect(try entriesOfFolder(dir.path) == [stored.name])
    }
}
