import Foundation
import QuarryTestSupport
import Testing

/// C-CANCEL in the middle of a 500-instance C-MOVE, C-GET and C-FIND (issue 6
/// "Tests", spec §6.8, §7.3), the same expectations for dcmqrscp and quarryscp.
/// Counts depend on timing, so only what holds at any timing is asserted.
@Suite("C-CANCEL interop", .timeLimit(.minutes(3)))
struct CancelInteropTests {
    static let instanceCount = 500

    @Test("cancel mid-stream: 0xFE00 with consistent counters, the association stays usable",
          arguments: QRServerUnderTest.Kind.allCases)
    func cancelMidStream(kind: QRServerUnderTest.Kind) throws {
        let directory = try TemporaryDirectory("quarry-cancel")
        let study = try QRFixtureData.writeBulkStudy(into: directory.file("bulk").path, count: Self.instanceCount)
        let server = try QRServerUnderTest(kind: kind, in: directory, options: [])
        try server.store([directory.file("bulk").path])
        guard let port = server.destinationPort(of: "VIEWER1") else { Issue.record("no VIEWER1"); return }
        let destination = try MoveDestination(port: port, in: directory)
        let study1: [String: String?] = ["QueryRetrieveLevel": "STUDY", "StudyInstanceUID": study]
        let images: [String: String?] = ["QueryRetrieveLevel": "IMAGE", "StudyInstanceUID": study,
                                         "SeriesInstanceUID": "", "SOPInstanceUID": ""]
        let results = try server.client(timeout: 30).results([
            .move(.studyRoot, to: "VIEWER1", study1, cancelAfter: 3),
            .get(.studyRoot, study1, cancelAfter: 3),
            .find(.studyRoot, images, cancelAfter: 3),
            .find(.studyRoot, study1),
        ], server: kind.rawValue)

        for (name, result) in [("C-MOVE", results[0]), ("C-GET", results[1])] {
            #expect(result.finalStatus == 0xFE00, "\(name): final \(hex(result.finalStatus))")
            let last = result.responses.last
            let (remaining, completed) = (last?.remaining ?? 0, last?.completed ?? 0)
            #expect(remaining > 0, "\(name): Remaining is still sent after a cancel (spec §7.3)")
            #expect(remaining + completed + (last?.failed ?? 0) + (last?.warning ?? 0) == Self.instanceCount,
                    "\(name): counters \(counters(result).last ?? [])")
        }
        let moved = try destination.receivedSOPInstanceUIDs()
        #expect(moved.count == results[0].responses.last?.completed ?? -1)
        #expect(results[1].received.count == results[1].responses.last?.completed ?? -1)
        // A C-FIND may finish before the cancel arrives (the server streams fast):
        // then every match and 0x0000, otherwise fewer and 0xFE00 (spec §6.8).
        let find = results[2]
        if find.finalStatus == 0xFE00 {
            #expect(find.pending.count < Self.instanceCount)
        } else {
            #expect(find.finalStatus == 0x0000)
            #expect(find.pending.count == Self.instanceCount)
        }
        #expect(find.responses.last?.identifier == nil)
        #expect(results[3].finalStatus == 0x0000)
        #expect(results[3].pending.count == 1)
    }
}
