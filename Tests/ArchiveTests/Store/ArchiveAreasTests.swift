import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// The areas of a configuration, opened at server start (issue 5).
@Suite struct ArchiveAreasTests {
    @Test func oneAreaPerFolderAndAQuotaPerAETitle() throws {
        let dir = try TemporaryDirectory()
        let configuration = try Configuration(parsing: """
            AETable BEGIN
            ONE    \(dir.path)/A  RW (10, 1mb)  ANY
            TWO    \(dir.path)/A  RW (20, 2mb)  ANY
            THREE  \(dir.path)/B  R  (5, 10kb)  ANY
            AETable END
            """ + "\n", fileName: "test.cfg")
        let log = StorageTestLog()
        let areas = try ArchiveAreas.open(configuration: configuration, policy: .reject, log: log.log)
        #expect(areas.areas.map(\.path) == [dir.path + "/A", dir.path + "/B"])
        let one = try #require(areas.binding(forAETitle: "ONE"))
        let two = try #require(areas.binding(forAETitle: "TWO"))
        #expect(one.area === two.area)
        #expect(one.quota == StorageQuota(maxStudies: 10, maxBytesPerStudy: 1 << 20, policy: .reject))
        #expect(two.quota == StorageQuota(maxStudies: 20, maxBytesPerStudy: 2 << 20, policy: .reject))
        #expect(areas.binding(forAETitle: "three") == nil)
        #expect(log.text.contains("W: storage area \(dir.path)/A did not exist: created it"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/B/quarry.index"))
    }

    @Test func anAreaThatCannotBeOpenedNamesTheAETitleAndThePath() throws {
        let dir = try TemporaryDirectory()
        try dir.write("file", "not a folder")
        let configuration = try Configuration(parsing: """
            AETable BEGIN
            GOOD  \(dir.path)/ok    RW (10, 1mb) ANY
            BAD   \(dir.path)/file  RW (10, 1mb) ANY
            AETable END
            """ + "\n", fileName: "test.cfg")
        let error = #expect(throws: ArchiveAreasError.self) {
            try ArchiveAreas.open(configuration: configuration, policy: .delete, log: .silent)
        }
        #expect(error?.aeTitle == "BAD")
        #expect(error?.description == "storage area of AE title BAD (line 3): storage area \(dir.path)/file is not a directory")
    }

    @Test func anUnreadableIndexStopsTheStart() throws {
        let dir = try TemporaryDirectory()
        try dir.write("A/quarry.index", "QUARRYIX but nothing valid after it, long enough for a header.")
        #expect(throws: ArchiveAreaError.self) { try ArchiveArea.open(atPath: dir.path + "/A", log: .silent) }
    }
}

@Suite struct ArchiveAreaSummaryTests {
    @Test func summaryLineCountsEveryLevel() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        #expect(area.summaryLine() == "\(dir.path): 0 patients, 0 studies, 0 series, 0 instances, 0 bytes")
        for n in 1...3 { _ = try store(StoreTestObject(n, study: n, patientID: "P\(n % 2)"), into: area) }
        let bytes = try area.index.snapshot().byteCount
        #expect(area.summaryLine() == "\(dir.path): 2 patients, 3 studies, 3 series, 3 instances, \(AreaStatistics.humanBytes(bytes))")
    }
}
