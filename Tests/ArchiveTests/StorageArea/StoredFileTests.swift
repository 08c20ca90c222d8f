import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

@Suite struct StoredFileTests {
    @Test(arguments: [1, 1000, 65_536, 200_000, 500_000])
    func storedFileIsReadBackInChunks(chunkSize: Int) throws {
        let dir = try TemporaryDirectory()
        let area = try StorageArea.open(atPath: dir.path, log: .silent)
        let object = try area.beginIncomingObject()
        let content = patternedBytes(200_003, seed: 9)
        try object.append(content)
        let stored = try object.commit(finalPrefix: "CT")

        let reader = try area.openStoredFile(stored.name)
        #expect(reader.size == 200_003)
        #expect(reader.path == stored.path)
        var chunks: [[UInt8]] = []
        try reader.forEachChunk(size: chunkSize) { chunks.append($0) }
        #expect(chunks.count == (200_003 + chunkSize - 1) / chunkSize)
        #expect(chunks.allSatisfy { $0.count <= chunkSize })
        #expect(Array(chunks.joined()) == content)
        #expect(try reader.read(upTo: 10).isEmpty)
    }

    @Test func readingFromAnOffsetSkipsTheMetaHeader() throws {
        let dir = try TemporaryDirectory()
        let area = try StorageArea.open(atPath: dir.path, log: .silent)
        let object = try area.beginIncomingObject()
        try object.append(patternedBytes(300))
        let stored = try object.commit(finalPrefix: "CT")
        let reader = try area.openStoredFile(stored.name)
        reader.seek(to: 132)
        #expect(reader.remaining == 168)
        #expect(try reader.read(upTo: 1000) == Array(patternedBytes(300)[132...]))
    }

    @Test func aFileThatShrankWhileBeingReadIsAnError() throws {
        let dir = try TemporaryDirectory()
        let area = try StorageArea.open(atPath: dir.path, log: .silent)
        let object = try area.beginIncomingObject()
        try object.append(patternedBytes(300))
        let stored = try object.commit(finalPrefix: "CT")
        let reader = try area.openStoredFile(stored.name)
        #expect(truncate(stored.path, 100) == 0)
        let error = #expect(throws: StorageAreaError.self) { try reader.read(upTo: 300) }
        #expect(error?.kind == .ioError)
    }

    @Test func missingFileIsATypedError() throws {
        let dir = try TemporaryDirectory()
        let area = try StorageArea.open(atPath: dir.path, log: .silent)
        let error = #expect(throws: StorageAreaError.self) { try area.openStoredFile("CT_0000000000000000.dcm") }
        #expect(error?.kind == .ioError)
        #expect(error?.description == "cannot open \(dir.path)/CT_0000000000000000.dcm: No such file or directory")
    }

    /// dcmqrscp's line for each deletion (spec §5.3–5.5).
    @Test func removingAFileOfAnEvictedInstanceLogsLikeDcmqrscp() throws {
        let dir = try TemporaryDirectory()
        let log = StorageTestLog()
        let area = try StorageArea.open(atPath: dir.path, log: log.log)
        let object = try area.beginIncomingObject()
        try object.append(patternedBytes(10))
        let stored = try object.commit(finalPrefix: "CT")
        #expect(area.removeFile(stored.name))
        #expect(try entriesOfFolder(dir.path).isEmpty)
        #expect(log.text.contains("W: Deleting file: \(stored.path) due to quota or duplicate SOP instance UID\n"))
        #expect(area.removeFile(stored.name))   // already gone: nothing left to delete
        #expect(log.text.contains("W: file to delete was already missing: \(stored.path)\n"))
    }

    @Test(arguments: ["", "../outside.dcm", "a/../../b.dcm", "x\u{0}y"])
    func namesThatCouldLeaveTheAreaAreRefused(name: String) throws {
        let dir = try TemporaryDirectory()
        let area = try StorageArea.open(atPath: dir.path, log: .silent)
        #expect(!area.removeFile(name))
        let error = #expect(throws: StorageAreaError.self) { try area.openStoredFile(name) }
        #expect(error?.kind == .invalidFileName)
    }
}
