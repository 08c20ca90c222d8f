import DICOM
import Foundation
import QuarryTestSupport
import Testing
@testable import Archive

@Suite struct IndexScaleTests {
    /// Instances to measure: `QUARRY_INDEX_SCALE=1` means a million, another number
    /// that many; unset, a small run that checks the benchmark's journal loads whole.
    static var scale: Int {
        guard let text = ProcessInfo.processInfo.environment["QUARRY_INDEX_SCALE"], let n = Int(text) else { return 5_000 }
        return n == 1 ? 1_000_000 : n
    }

    /// Prints the memory per instance and the load time (issue 5's budget: ≤ ~300
    /// bytes, a few seconds for 1M); asserts only that everything was loaded.
    @Test func syntheticJournalLoadsWhole() throws {
        let area = try TemporaryDirectory()
        let report = try IndexBenchmark.measure(instances: Self.scale, directory: area.path)
        print(report)
        if ProcessInfo.processInfo.environment["QUARRY_INDEX_SCALE"] != nil {
            let adds = try TemporaryDirectory()
            let count = min(Self.scale, 100_000)
            let seconds = try IndexBenchmark.measureAdds(instances: count, batch: 1000, directory: adds.path)
            print("  \(count) adds through the index in batches of 1000: \(Int(Double(count) / seconds)) instances/s")
        }
        #expect(report.instances == Self.scale)
        #expect(report.studies == (Self.scale + 99) / 100)
        let snapshot = try JournalIndex(directory: area.path).snapshot()
        let first = try #require(snapshot.entities(at: .image).first { _ in true })
        #expect(snapshot.string(Tag(0x0028, 0x0010), of: first) == "512")
        #expect(snapshot.string(Tag(0x0008, 0x1030), of: first) == "CT CHEST WITH CONTRAST")
        #expect(snapshot.instanceFile(first) == IndexedInstanceFile(
            fileName: "CT_0000000000000000.dcm", fileSize: 526_000, sopClassUID: "1.2.840.10008.5.1.4.1.1.2",
            sopInstanceUID: "1.2.826.0.1.3680043.8.498.10000000000.1.1000000.1", transferSyntaxUID: "1.2.840.10008.1.2.1",
            patientID: "PID0", studyInstanceUID: "1.2.826.0.1.3680043.8.498.10000000000",
            seriesInstanceUID: "1.2.826.0.1.3680043.8.498.10000000000.1", sequence: 1))
    }
}
