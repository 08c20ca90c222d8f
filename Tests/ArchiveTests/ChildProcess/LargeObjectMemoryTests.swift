import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// Memory does not grow with object size (issue 5; STYLE.md §5): a 1 GiB
/// object goes through the pipeline — fragments to the temporary file, the
/// read-back extraction, the durable commit — in a child process whose peak
/// resident set barely moves.
@Suite struct LargeObjectMemoryTests {
    @Test func oneGibibyteObjectIsStoredInConstantMemory() throws {
        let dir = try TemporaryDirectory()
        let areaPath = dir.path + "/STORE"
        let size = 1 << 30
        let child = try ChildProcess.run(entry: "storeLargeObject()", task: "large",
                                         settings: ["AREA": areaPath, "SIZE": String(size)], in: dir, timeout: 300)
        #expect(child.result.status == 0, "\(child.result.output)")
        let lines = Dictionary(uniqueKeysWithValues: child.output.split(separator: "\n").map { line in
            (String(line.prefix { $0 != " " }), line.split(separator: " ").dropFirst().map(String.init))
        })
        #expect(lines["STATUS"] == ["0"])
        let file = try #require(lines["FILE"])
        let headerBytes = Int64(file[2]) ?? 0
        let name = try #require(file.first)
        let fileSize = Int64(file[1]) ?? -1
        #expect(fileSize > Int64(size) + headerBytes)
        let attributes = try FileManager.default.attributesOfItem(atPath: areaPath + "/" + name)
        #expect((attributes[.size] as? NSNumber)?.int64Value == fileSize)
        let peak = try #require(lines["HWM"]).compactMap { Int($0) }
        #expect(peak.count == 2)
        let grewKiB = (peak.last ?? .max) - (peak.first ?? 0)
        // A chunk or two of buffers, not the object: well under 1% of it.
        #expect(grewKiB < 8 * 1024, "peak RSS grew by \(grewKiB) KiB storing \(size) bytes")
        print("1 GiB store: peak RSS \(peak.first ?? 0) KiB before, \(peak.last ?? 0) KiB after (+\(grewKiB) KiB)")

        let area = try ArchiveArea.open(atPath: areaPath, log: .silent)
        let snapshot = try area.index.snapshot()
        let instance = try #require(snapshot.entities(at: .image).first { _ in true })
        #expect(snapshot.instanceFile(instance)?.fileSize == fileSize)
        #expect(snapshot.string(.patientID, of: instance) == "P1")
    }
}
