import Foundation
import QuarryTestSupport
import Testing

/// quarryidx as a user runs it (issue 5, issue 8): registering files as
/// dcmqridx does, then `--check` (its exit status says what is wrong, a
/// damaged journal included), `--rebuild` and `--stats`.
@Suite struct IndexerMaintenanceTests {
    static let quarryidx = TestEnvironment.binary("quarryidx")

    static let writer = """
    import sys
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian
    for i in range(int(sys.argv[2])):
        ds = Dataset()
        ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
        ds.SOPInstanceUID = "1.2.826.0.1.3680043.8.498.5556.3.%d" % i
        ds.StudyInstanceUID = "1.2.826.0.1.3680043.8.498.5556.1"
        ds.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.5556.2"
        ds.PatientID = "P1"
        ds.PatientName = "Doe^John"
        ds.StudyDate = "20230405"
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = ds.SOPClassUID
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta = meta
        ds.save_as("%s/f%d.dcm" % (sys.argv[1], i), enforce_file_format=True)
    """

    func run(_ arguments: [String], in dir: TemporaryDirectory) throws -> ProcessResult {
        try runProcess(Self.quarryidx, arguments, currentDirectory: dir.path, timeout: 60)
    }

    @Test func registerCheckDamageRebuildAndCount() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/in", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.path + "/area", withIntermediateDirectories: true)
        let written = try runPython(Self.writer, [dir.path + "/in", "3"])
        try #require(written.status == 0, "\(written.output)")
        try dir.write("in/junk.dcm", "not DICOM")

        let registered = try run(["-p", "area", "in/f0.dcm", "in/f1.dcm", "in/f2.dcm", "in/junk.dcm"], in: dir)
        #expect(registered.status == 0, "\(registered.output)")
        #expect(registered.stdout.hasPrefix("-- Quarry Index File: area/quarry.index --\n"))
        #expect(registered.stdout.hasSuffix("RECORDS IN THIS INDEXFILE: 3\n"))
        #expect(registered.stderr.contains("E: cannot load dicom file: in/junk.dcm\n"))

        let noArea = try run(["nosuch", "in/f0.dcm"], in: dir)
        #expect(noArea.status == 1)
        #expect(noArea.stderr == "E: nosuch/quarry.index: No such file or directory\n")

        #expect(try run(["--check", "area"], in: dir).status == 0)
        try FileManager.default.copyItem(atPath: dir.path + "/in/f0.dcm", toPath: dir.path + "/area/CT_0000000000000001.dcm")
        let orphan = try run(["--check", "area"], in: dir)
        #expect(orphan.status == 4)
        #expect(orphan.stdout.contains("  orphan file: area/CT_0000000000000001.dcm\n"))
        try FileManager.default.removeItem(atPath: dir.path + "/in/f2.dcm")
        #expect(try run(["--check", "area"], in: dir).status == 6)

        // A byte of the second record damaged: reported, exit status 8 added, the journal untouched.
        let journal = dir.path + "/area/quarry.index"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: journal)))
        let second = 32 + Int(UInt32(bytes[32]) | UInt32(bytes[33]) << 8) + 8
        bytes[second + 30] ^= 0x5A
        try Data(bytes).write(to: URL(fileURLWithPath: journal))
        let damaged = try run(["--check", "area"], in: dir)
        #expect(damaged.status & 8 == 8)
        #expect(damaged.stdout.contains("  damaged record: "))
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: journal))) == bytes)

        // Rebuilt from the area's own files: the one copied in.
        let rebuilt = try run(["--rebuild", "area"], in: dir)
        #expect(rebuilt.status == 0, "\(rebuilt.output)")
        #expect(rebuilt.stdout == "area: index rebuilt, 1 instances\n")
        let clean = try run(["--check", "area"], in: dir)
        #expect(clean.status == 0)
        #expect(clean.stdout == "area: 1 instances indexed, 1 object files\n  OK\n")

        try dir.write("q.cfg", """
            AETable BEGIN
            STORE area RW (10, 1mb) ANY
            AETable END
            """ + "\n")
        let stats = try run(["--stats", "-c", "q.cfg"], in: dir)
        #expect(stats.status == 0, "\(stats.output)")
        #expect(stats.stdout.hasPrefix("area (AE title STORE)\n  patients:      1\n  studies:       1\n  series:        1\n  instances:     1\n"))
        #expect(stats.stdout.contains("  studies quota: 1 of 10 (9 left)\n"))
        #expect(stats.stdout.contains("  oldest study:  20230405 1.2.826.0.1.3680043.8.498.5556.1\n"))
        // No terminal: no progress line.
        #expect(rebuilt.stderr.isEmpty)
    }

    @Test func checkOfAMissingAreaFails() throws {
        let dir = try TemporaryDirectory()
        let result = try run(["--check", "nosuch"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("nosuch: 0 instances indexed"))
    }
}
