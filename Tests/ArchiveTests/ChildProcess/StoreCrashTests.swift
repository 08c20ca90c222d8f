import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// A crash at any point of a store leaves either no trace of the object, or
/// the object and its record — at worst an orphan file that `--check`
/// reports — and never a record without its file (DESIGN.md, "The way of one
/// C-STORE"). Each case kills a child process at one step, then opens the
/// area as a restarted server would.
@Suite struct StoreCrashTests {
    enum After: String, Sendable { case nothing, orphanFile, objectAndRecord }

    static let points: [(String, After)] = [
        ("write", .nothing),
        ("synchronizeData", .nothing),
        ("renameWithoutReplacing", .nothing),
        ("synchronizeDirectory", .orphanFile),
        ("journalWrite", .objectAndRecord),
        ("journalSync", .objectAndRecord),
        ("answered", .objectAndRecord),
    ]

    @Test(arguments: points)
    func crashDuringAStore(point: String, expected: After) throws {
        let dir = try TemporaryDirectory()
        let areaPath = dir.path + "/STORE"
        // An object stored before, which must survive whatever happens next.
        let before = StoreTestObject(1)
        let earlier = try #require(try store(before, into: ArchiveArea.open(atPath: areaPath, log: .silent)).storedFile)

        let child = try ChildProcess.run(entry: "storeAndCrash()", task: "crash",
                                         settings: ["AREA": areaPath, "CRASH_AT": point, "OBJECT": "2"], in: dir)
        #expect(child.result.status == SIGKILL, "\(child.result.output)")
        let acknowledged = child.output.contains("ACK 0 ")
        #expect(acknowledged == (point == "answered"))

        let log = StorageTestLog()
        let area = try ArchiveArea.open(atPath: areaPath, log: log.log)
        let snapshot = try area.index.snapshot()
        let files = try objectFiles(areaPath)
        #expect(try entriesOfFolder(areaPath).filter { $0.hasPrefix(".quarry-tmp-") }.isEmpty)
        // Every record names a file that holds the data set sent.
        for entity in snapshot.entities(at: .image) {
            let file = try #require(snapshot.instanceFile(entity))
            #expect(files.contains(file.fileName))
            let parsed = try DICOMFile(contentsOfFile: areaPath + "/" + file.fileName)
            let n = file.sopInstanceUID == before.sopInstanceUID ? 1 : 2
            #expect(Array(try contentsOfFile(areaPath + "/" + file.fileName)[parsed.dataSetOffset...]) == (try StoreTestObject(n).encoded()))
        }
        let crashed = StoreTestObject(2).sopInstanceUID ?? ""
        let indexed = snapshot.sopInstanceUIDs.contains(crashed)
        switch expected {
        case .nothing:
            #expect(files == [earlier.name])
            #expect(!indexed)
            #expect(log.text.contains("W: Removing temporary file left by an interrupted store"))
        case .orphanFile:
            #expect(files.count == 2)
            #expect(!indexed)
        case .objectAndRecord:
            #expect(files.count == 2)
            #expect(indexed)
        }
        #expect(snapshot.sopInstanceUIDs.contains(before.sopInstanceUID ?? ""))
    }
}
