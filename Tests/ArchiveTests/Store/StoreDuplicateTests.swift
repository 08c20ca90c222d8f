import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// A SOP Instance UID is unique within an area and the newest copy wins
/// (spec §5.4), also under another study, where dcmqrscp corrupts its study
/// table (spec §12.6). The old file goes only once the new one is durable.
@Suite struct StoreDuplicateTests {
    @Test func resentInstanceReplacesTheOldFile() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        let object = StoreTestObject(1)
        let first = try #require(try store(object, into: area).storedFile)
        let log = StorageTestLog()
        let second = try store(object, into: area, log: log.log)
        let file = try #require(second.storedFile)
        #expect(second.outcome?.replaced?.fileName == first.name)
        #expect(try objectFiles(dir.path) == [file.name])
        #expect(log.text.contains("W: Duplicate SOP Instance UID \(object.sopInstanceUID ?? ""): \(file.path) replaces \(first.path)\n"))
        #expect(log.text.contains("W: Deleting file: \(first.path) due to quota or duplicate SOP instance UID"))
        #expect(try area.index.snapshot().count(at: .image) == 1)
    }

    @Test func sameInstanceUnderAnotherStudyMovesIt() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        let inA = StoreTestObject(1, study: 1)
        var inB = StoreTestObject(1, study: 2)
        inB.sopInstanceUID = inA.sopInstanceUID
        let first = try #require(try store(inA, into: area).storedFile)
        let log = StorageTestLog()
        let second = try #require(try store(inB, into: area, log: log.log).storedFile)
        #expect(log.text.contains("W: Duplicate SOP Instance UID \(inA.sopInstanceUID ?? ""): \(second.path) replaces \(first.path) (study \(inA.studyInstanceUID ?? ""))"))
        #expect(try objectFiles(dir.path) == [second.name])
        let snapshot = try area.index.snapshot()
        #expect(snapshot.count(at: .image) == 1)
        #expect(snapshot.count(at: .study) == 1)
        #expect(snapshot.study(inA.studyInstanceUID ?? "") == nil)
        let study = try #require(snapshot.study(inB.studyInstanceUID ?? ""))
        #expect(snapshot.instances(under: study).count == 1)

        // And back again: still one record, the study table consistent (dcmqrscp underflows here).
        let third = try #require(try store(inA, into: area).storedFile)
        let after = try area.index.snapshot()
        #expect(try objectFiles(dir.path) == [third.name])
        #expect(after.count(at: .image) == 1)
        #expect(after.count(at: .study) == 1)
        #expect(after.byteCount == third.size)
    }

    /// The old file is deleted after the new record is synced: a failure on
    /// the way (here the new file's data sync) keeps the old object.
    @Test func failedReplacementKeepsTheOldObject() throws {
        let dir = try TemporaryDirectory()
        let fileSystem = RecordingFileSystem()
        let area = try ArchiveArea.open(atPath: dir.path, fileSystem: fileSystem, log: .silent)
        let object = StoreTestObject(1)
        let first = try #require(try store(object, into: area).storedFile)
        fileSystem.fail(.synchronizeData, with: EIO, times: 1)
        let failed = try store(object, into: area)
        #expect(failed.status == .refusedOutOfResources)
        #expect(try objectFiles(dir.path) == [first.name])
        let snapshot = try area.index.snapshot()
        let instance = try #require(snapshot.entities(at: .image).first { _ in true })
        #expect(snapshot.instanceFile(instance)?.fileName == first.name)
    }
}
