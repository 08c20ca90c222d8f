import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

@Suite struct IncomingObjectTests {
    @Test func bytesArriveInChunksAndAreStoredUnderADcmqrscpName() throws {
        let dir = try TemporaryDirectory()
        let area = try StorageArea.open(atPath: dir.path, log: .silent)
        let object = try area.beginIncomingObject()
        let meta = patternedBytes(132, seed: 1), fragments = [patternedBytes(16_372, seed: 2), patternedBytes(16_372, seed: 3), patternedBytes(9, seed: 4)]
        try object.append(meta)
        for fragment in fragments { try object.append(fragment[...]) }
        #expect(object.size == 132 + 16_372 * 2 + 9)
        #expect(try entriesOfFolder(dir.path) == [object.temporaryName])
        #expect(object.temporaryName.hasPrefix(".quarry-tmp-"))

        let stored = try object.commit(finalPrefix: "CT")
        #expect(stored.name.wholeMatch(of: /CT_[0-9a-f]{16}\.dcm/) != nil)
        #expect(stored.path == dir.path + "/" + stored.name)
        #expect(stored.size == object.size)
        #expect(try entriesOfFolder(dir.path) == [stored.name])
        #expect(try contentsOfFile(stored.path) == meta + fragments.joined())
    }

    /// Spec §5.2: 8 hex digits of time(2) and 8 random ones; measured `CT_6b03b78a61fb6218.dcm`.
    @Test func dcmqrscpNameScheme() throws {
        #expect(StoreFileNaming.name(prefix: "CT", time: 0x6b03_b78a, random: 0x61fb_6218) == "CT_6b03b78a61fb6218.dcm")
        #expect(StoreFileNaming.name(prefix: "SCw", time: 0x0000_0001, random: 0) == "SCw_0000000100000000.dcm")
        let before = UInt32(Date().timeIntervalSince1970)
        let name = StoreFileNaming.dcmqrscp.candidate("MR")
        let after = UInt32(Date().timeIntervalSince1970)
        let time = try #require(UInt32(name.dropFirst(3).prefix(8), radix: 16))
        #expect(name.wholeMatch(of: /MR_[0-9a-f]{16}\.dcm/) != nil)
        #expect(time >= before && time <= after)
    }

    @Test(arguments: [("CT", "CT"), ("SRx", "SRx"), ("", "XX"), ("../etc", "XX"), ("C/T", "XX"), ("ÄB", "XX"), ("ABCDEFGHIJKLMNOPQ", "XX")])
    func prefixesThatAreNotModalityCodesBecomeXX(prefix: String, expected: String) throws {
        let dir = try TemporaryDirectory()
        let area = try StorageArea.open(atPath: dir.path, log: .silent)
        let object = try area.beginIncomingObject()
        try object.append([1, 2, 3])
        let stored = try object.commit(finalPrefix: prefix)
        #expect(stored.name.hasPrefix(expected + "_"))
        #expect(try entriesOfFolder(dir.path) == [stored.name])
    }

    /// Issue 5: "a unit test that records the order of sync, rename, directory
    /// sync and journal sync for one store". The journal here is a file the test
    /// appends to and syncs through the same layer, as the index does after `commit`.
    @Test func durabilityOrderOfOneStore() throws {
        let dir = try TemporaryDirectory()
        let fileSystem = RecordingFileSystem()
        let area = try StorageArea.open(atPath: dir.path, fileSystem: fileSystem, naming: scriptedNaming(["CT_6b03b78a61fb6218.dcm"]), log: .silent)
        fileSystem.resetEvents()

        let object = try area.beginIncomingObject()
        let temporary = object.temporaryName
        try object.append(patternedBytes(132))
        try object.append(patternedBytes(4_000))
        let stored = try object.commit(finalPrefix: "CT")
        let directory = try fileSystem.openDirectory(atPath: dir.path)
        let journal = try fileSystem.createFile(named: "journal", in: directory)
        _ = try [UInt8](repeating: 7, count: 64).withUnsafeBytes { try fileSystem.write(journal, $0) }
        try fileSystem.synchronizeData(journal)
        fileSystem.close(journal)
        fileSystem.close(directory)

        #expect(stored.name == "CT_6b03b78a61fb6218.dcm")
        #expect(fileSystem.events == [
            .createFile(temporary),
            .write(temporary, 132),
            .write(temporary, 4_000),
            .synchronizeData(temporary),
            .renameWithoutReplacing(temporary, to: "CT_6b03b78a61fb6218.dcm"),
            .synchronize(dir.path),
            .close(temporary),
            .openDirectory(dir.path),
            .createFile("journal"),
            .write("journal", 64),
            .synchronizeData("journal"),
            .close("journal"),
            .close(dir.path),
        ])
    }

    @Test func renameNeverReplacesAnExistingFile() throws {
        let dir = try TemporaryDirectory()
        try dir.write("CT_0000000000000001.dcm", "an older object")
        try dir.write("CT_0000000000000002.dcm", "another older object")
        let fileSystem = RecordingFileSystem()
        let naming = scriptedNaming(["CT_0000000000000001.dcm", "CT_0000000000000002.dcm", "CT_0000000000000003.dcm"])
        let area = try StorageArea.open(atPath: dir.path, fileSystem: fileSystem, naming: naming, log: .silent)
        let object = try area.beginIncomingObject()
        try object.append(patternedBytes(10))
        let stored = try object.commit(finalPrefix: "CT")
        #expect(stored.name == "CT_0000000000000003.dcm")
        #expect(try String(contentsOfFile: dir.path + "/CT_0000000000000001.dcm", encoding: .utf8) == "an older object")
        #expect(try String(contentsOfFile: dir.path + "/CT_0000000000000002.dcm", encoding: .utf8) == "another older object")
        #expect(try contentsOfFile(stored.path) == patternedBytes(10))
        #expect(try entriesOfFolder(dir.path) == ["CT_0000000000000001.dcm", "CT_0000000000000002.dcm", "CT_0000000000000003.dcm"])
    }

    /// A file system without `RENAME_NOREPLACE` (renameat2 says EINVAL): link + unlink, still never replacing.
    @Test func linkAndUnlinkWhenRenameWithoutReplacingIsUnsupported() throws {
        let dir = try TemporaryDirectory()
        try dir.write("CT_0000000000000001.dcm", "an older object")
        let fileSystem = RecordingFileSystem()
        fileSystem.fail(.renameWithoutReplacing, with: EINVAL)
        let naming = scriptedNaming(["CT_0000000000000001.dcm", "CT_0000000000000002.dcm"])
        let area = try StorageArea.open(atPath: dir.path, fileSystem: fileSystem, naming: naming, log: .silent)
        fileSystem.resetEvents()
        let object = try area.beginIncomingObject()
        let temporary = object.temporaryName
        try object.append(patternedBytes(10))
        let stored = try object.commit(finalPrefix: "CT")
        #expect(stored.name == "CT_0000000000000002.dcm")
        #expect(try String(contentsOfFile: dir.path + "/CT_0000000000000001.dcm", encoding: .utf8) == "an older object")
        #expect(try entriesOfFolder(dir.path) == ["CT_0000000000000001.dcm", "CT_0000000000000002.dcm"])
        #expect(fileSystem.events.suffix(5) == [
            .synchronizeData(temporary),
            .link(temporary, to: "CT_0000000000000002.dcm"),
            .removeFile(temporary),
            .synchronize(dir.path),
            .close(temporary),
        ])
    }

    @Test func everyNameTakenEndsInNoFreeFileName() throws {
        let dir = try TemporaryDirectory()
        try dir.write("CT_0000000000000001.dcm", "an older object")
        let area = try StorageArea.open(atPath: dir.path, naming: StoreFileNaming { _ in "CT_0000000000000001.dcm" }, log: .silent)
        let object = try area.beginIncomingObject()
        try object.append(patternedBytes(10))
        let error = #expect(throws: StorageAreaError.self) { try object.commit(finalPrefix: "CT") }
        #expect(error?.kind == .noFreeFileName)
        #expect(try entriesOfFolder(dir.path) == ["CT_0000000000000001.dcm"])
        #expect(try String(contentsOfFile: dir.path + "/CT_0000000000000001.dcm", encoding: .utf8) == "an older object")
    }

    @Test func abortAndReleaseLeaveNoTrace() throws {
        let dir = try TemporaryDirectory()
        let area = try StorageArea.open(atPath: dir.path, log: .silent)
        let object = try area.beginIncomingObject()
        try object.append(patternedBytes(1000))
        object.abort()
        #expect(try entriesOfFolder(dir.path).isEmpty)
        let error = #expect(throws: StorageAreaError.self) { try object.append([1]) }
        #expect(error?.kind == .objectFinished)
        do {
            let released = try area.beginIncomingObject()
            try released.append(patternedBytes(1000))
        }
        #expect(try entriesOfFolder(dir.path).isEmpty)
    }
}
