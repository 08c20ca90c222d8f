import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// What `quarryidx --check`, `--rebuild`, `--stats` and registration do to a
/// storage area (issue 5, issue 8), at the Archive level.
@Suite struct AreaMaintenanceTests {
    /// An area with three stored objects in two studies.
    static func filledArea() throws -> (TemporaryDirectory, ArchiveArea, [StoredFile]) {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path + "/STORE", log: .silent)
        var files: [StoredFile] = []
        for (n, study) in [(1, 1), (2, 1), (3, 2)] {
            files.append(try #require(try store(StoreTestObject(n, study: study), into: area).storedFile))
        }
        return (dir, area, files)
    }

    @Test func consistentAreaChecksClean() throws {
        let (dir, _, _) = try Self.filledArea()
        let check = AreaCheck.run(areaPath: dir.path + "/STORE")
        #expect(check.problems.isEmpty)
        #expect(check.indexedInstances == 3)
        #expect(check.lines == ["\(dir.path)/STORE: 3 instances indexed, 3 object files", "  OK"])
    }

    @Test func missingAndOrphanFilesAreReported() throws {
        let (dir, _, files) = try Self.filledArea()
        let areaPath = dir.path + "/STORE"
        try FileManager.default.removeItem(atPath: files[0].path)
        try Data(try contentsOfFile(files[1].path)).write(to: URL(fileURLWithPath: areaPath + "/MR_00000000deadbeef.dcm"))
        let check = AreaCheck.run(areaPath: areaPath)
        #expect(check.problems == [.missingFiles, .orphanFiles])
        #expect(check.problems.rawValue == 6)
        #expect(check.missingFiles.map(\.fileName) == [files[0].name])
        #expect(check.orphanFiles == ["MR_00000000deadbeef.dcm"])
        #expect(check.lines.contains("  orphan file: \(areaPath)/MR_00000000deadbeef.dcm"))
        #expect(check.lines.contains { $0.hasPrefix("  missing file: \(files[0].path) (SOP Instance UID \(StoreTestObject.root).1.1.1") })
    }

    /// A byte flipped inside the second record: the check reports it and changes nothing.
    @Test func damagedJournalIsReportedAndLeftAsItIs() throws {
        let (dir, _, _) = try Self.filledArea()
        let journal = dir.path + "/STORE/quarry.index"
        var bytes = try contentsOfFile(journal)
        let recordStart = 32 + Int(UInt32(bytes[32]) | UInt32(bytes[33]) << 8 | UInt32(bytes[34]) << 16) + 8
        bytes[recordStart + 40] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: journal))
        let check = AreaCheck.run(areaPath: dir.path + "/STORE")
        #expect(check.problems.contains(.damagedRecords))
        #expect(check.lines.contains { $0.hasPrefix("  damaged record: ") && $0.hasSuffix("of \(journal)") })
        #expect(check.problems.contains(.orphanFiles))   // the damaged record's object is no longer indexed
        #expect(try contentsOfFile(journal) == bytes)
    }

    @Test func tornTailIsReported() throws {
        let (dir, _, _) = try Self.filledArea()
        let journal = dir.path + "/STORE/quarry.index"
        let bytes = try contentsOfFile(journal)
        try Data(bytes.dropLast(5)).write(to: URL(fileURLWithPath: journal))
        let check = AreaCheck.run(areaPath: dir.path + "/STORE")
        #expect(check.problems == [.damagedRecords, .orphanFiles])
        #expect(check.lines.contains { $0.hasPrefix("  incomplete record: ") })
    }

    @Test func unreadableIndexIsDamage() throws {
        let (dir, _, _) = try Self.filledArea()
        try Data("not a journal at all, just text".utf8).write(to: URL(fileURLWithPath: dir.path + "/STORE/quarry.index"))
        let check = AreaCheck.run(areaPath: dir.path + "/STORE")
        #expect(check.problems.contains(.damagedRecords))
        #expect(check.lines.contains { $0.contains("index cannot be read") })
    }

    @Test func missingAreaIsUnreadable() {
        let check = AreaCheck.run(areaPath: "/nonexistent/quarry/area")
        #expect(check.problems == [.unreadableArea])
    }

    @Test func rebuildIndexesTheFilesAloneOldestFirst() throws {
        let (dir, area, files) = try Self.filledArea()
        let areaPath = dir.path + "/STORE"
        try Data("junk".utf8).write(to: URL(fileURLWithPath: areaPath + "/README.txt"))
        try FileManager.default.removeItem(atPath: areaPath + "/quarry.index")
        let log = StorageTestLog()
        var progress: [Int] = []
        let summary = try AreaRebuild.run(areaPath: areaPath, log: log.log) { done, total in
            progress.append(done)
            #expect(total == 4)
        }
        #expect((summary.indexed, summary.skipped) == (3, 1))
        #expect(progress == [1, 2, 3, 4])
        #expect(log.text.contains("W: not indexed, not a DICOM file: \(areaPath)/README.txt"))
        let check = AreaCheck.run(areaPath: areaPath)
        #expect(check.indexedInstances == 3)
        #expect(check.orphanFiles == ["README.txt"])
        // The open area finds the new journal before its next answer.
        let snapshot = try area.index.snapshot()
        #expect(Set(snapshot.entities(at: .image).compactMap { snapshot.instanceFile($0)?.fileName }) == Set(files.map(\.name)))
        #expect(try store(StoreTestObject(4, study: 2), into: area).status == .success)
        #expect(AreaCheck.run(areaPath: areaPath).indexedInstances == 4)
    }

    @Test func registrationKeepsFilesWhereTheyLie() throws {
        let (dir, area, files) = try Self.filledArea()
        let outside = dir.path + "/incoming"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        var object = StoreTestObject(9, study: 3, patientID: "P9")
        object.patientName = "Outside^One"
        let meta = IncomingStore.metaInformation(for: object.request(), transferSyntaxUID: TransferSyntax.explicitVRLittleEndian.uid)
        try Data(meta.encodedHeader() + (try object.encoded())).write(to: URL(fileURLWithPath: outside + "/a.dcm"))
        // A copy of a stored object under another name: a duplicate SOP Instance UID.
        try Data(try contentsOfFile(files[0].path)).write(to: URL(fileURLWithPath: outside + "/dup.dcm"))
        try Data("junk".utf8).write(to: URL(fileURLWithPath: outside + "/junk.dcm"))

        let log = StorageTestLog()
        let summary = try IndexRegistration.run(files: ["incoming/a.dcm", "incoming/dup.dcm", "incoming/junk.dcm", "incoming/none.dcm"],
                                                area: area, workingDirectory: dir.path, log: log.log)
        #expect((summary.registered, summary.skipped) == (2, 2))
        #expect(log.text.contains("E: cannot load dicom file: incoming/junk.dcm"))
        #expect(log.text.contains("E: cannot access: incoming/none.dcm"))
        #expect(log.text.contains("W: file delete operations are disabled, keeping file: \(files[0].path) despite duplicate SOP Instance UID"))
        #expect(FileManager.default.fileExists(atPath: files[0].path))
        let snapshot = try area.index.snapshot()
        let names = Set(snapshot.entities(at: .image).compactMap { snapshot.instanceFile($0)?.fileName })
        #expect(names == [outside + "/a.dcm", outside + "/dup.dcm", files[1].name, files[2].name])
        let listing = IndexListing.lines(of: snapshot, journalPath: area.index.path)
        #expect(listing.first == "-- Quarry Index File: \(area.index.path) --")
        #expect(listing.last == "RECORDS IN THIS INDEXFILE: 4")
        #expect(listing.contains("    PatientName: \"Outside^One\""))
    }

    @Test func statisticsCountEveryLevelAndTheQuotaHeadroom() throws {
        let (dir, _, files) = try Self.filledArea()
        let stats = try AreaStatistics.read(areaPath: dir.path + "/STORE", quota: StorageQuota(maxStudies: 10, maxBytesPerStudy: 1 << 20),
                                            aeTitles: ["STORE"])
        #expect((stats.patients, stats.studies, stats.series, stats.instances) == (1, 2, 2, 3))
        #expect(stats.bytes == files.reduce(0) { $0 + $1.size })
        #expect(stats.fullestStudy?.uid == "\(StoreTestObject.root).1")
        #expect(stats.lines.contains("  studies quota: 2 of 10 (8 left)"))
        #expect(stats.lines.contains { $0.hasPrefix("  study quota:   fullest study ") && $0.hasSuffix(": \(StoreTestObject.root).1") })
        #expect(stats.lines.contains("  oldest study:  20240102 \(StoreTestObject.root).1"))
        #expect(stats.lines.first == "\(dir.path)/STORE (AE title STORE)")
    }
}
