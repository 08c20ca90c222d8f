import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// Four storescu processes storing 250 files each into one area at once
/// (issue 5): every object stored and indexed once.
@Suite struct ConcurrentStoreTests {
    /// Writes `count` small CT objects (argv: folder, count, first study) — four studies, one series each.
    static let writer = """
    import sys
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian
    folder, count, first = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    root = "1.2.826.0.1.3680043.8.498.5557"
    for i in range(count):
        study = first + i % 4
        ds = Dataset()
        ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
        ds.SOPInstanceUID = "%s.3.%d.%d" % (root, study, i)
        ds.StudyInstanceUID = "%s.1.%d" % (root, study)
        ds.SeriesInstanceUID = "%s.2.%d" % (root, study)
        ds.PatientID = "P%d" % study
        ds.PatientName = "Load^Test"
        ds.Modality = "CT"
        ds.InstanceNumber = str(i)
        ds.Rows = 8
        ds.Columns = 8
        ds.BitsAllocated = 16
        ds.BitsStored = 16
        ds.HighBit = 15
        ds.PixelRepresentation = 0
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.PixelData = bytes(128)
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = ds.SOPClassUID
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta = meta
        ds.save_as("%s/f%04d.dcm" % (folder, i), enforce_file_format=True)
    """

    @Test func fourClientsStoringAThousandObjectsAtOnce() throws {
        let quarry = try StorageServer(areas: 1)
        let folder = quarry.directory.path + "/send"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let written = try runPython(Self.writer, [folder, "1000", "1"], timeout: 120)
        try #require(written.status == 0, "\(written.output)")
        let files = (0..<1000).map { String(format: "%@/f%04d.dcm", folder, $0) }
        let results = Collector()
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            let share = Array(files[(k * 250)..<((k + 1) * 250)])
            results.append(k, Result { try quarry.storescu("A1", share) })
        }
        for (k, result) in results.values {
            let output = try result.get()
            #expect(output.status == 0, "client \(k): \(output.output)")
            #expect(!output.output.contains("E: "), "client \(k): \(output.output)")
        }
        let check = try runProcess(TestEnvironment.binary("quarryidx"), ["--check", quarry.area("A1")])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.stdout == "\(quarry.area("A1")): 1000 instances indexed, 1000 object files\n  OK\n")
        // One record per SOP Instance UID, each naming a file that holds that instance.
        let listing = try runProcess(TestEnvironment.binary("quarryidx"), ["-p", quarry.area("A1")])
        let uids = listing.stdout.split(separator: "\n").filter { $0.hasPrefix("    SOPInstanceUID: ") }
        #expect(uids.count == 1000)
        #expect(Set(uids).count == 1000)
        let stored = try storedObjects(in: quarry.area("A1"))
        #expect(stored.count == 1000)
        #expect(Set(stored.keys) == Set((0..<1000).map { "1.2.826.0.1.3680043.8.498.5557.3.\(1 + $0 % 4).\($0)" }))
    }
}

/// Results gathered from concurrent clients.
final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(Int, Result<ProcessResult, any Error>)] = []
    func append(_ k: Int, _ result: Result<ProcessResult, any Error>) { lock.lock(); items.append((k, result)); lock.unlock() }
    var values: [(Int, Result<ProcessResult, any Error>)] { lock.lock(); defer { lock.unlock() }; return items.sorted { $0.0 < $1.0 } }
}
