import Foundation
import QuarryTestSupport

/// One server (dcmqrscp or quarryscp) with the F1 data stored into STORE and
/// DCMTK's storescp listening as VIEWER1 on the port the server's HostTable
/// gives it (spec Appendix B). Retrieve expectations are computed from the
/// stored files themselves.
struct RetrieveFixture {
    let directory: TemporaryDirectory
    let server: QRServerUnderTest
    let destination: MoveDestination
    let instances: [DICOMFileDescription]

    init(kind: QRServerUnderTest.Kind, name: String) throws {
        directory = try TemporaryDirectory("quarry-retrieve-\(name)")
        let data = try QRFixtureData.writeF1(into: directory.file("data").path)
        instances = try QRFixtureData.describe([data])
        server = try QRServerUnderTest(kind: kind, in: directory)
        try server.store([data])
        guard let port = server.destinationPort(of: "VIEWER1") else {
            throw ScriptFailure(script: "RetrieveFixture", detail: "no VIEWER1 in the HostTable")
        }
        destination = try MoveDestination(aeTitle: "VIEWER1", port: port, in: directory)
    }

    /// The SOP Instance UIDs of the stored files whose `keyword` is one of `values`, sorted.
    func sopInstanceUIDs(_ keyword: String, in values: [String]) -> [String] {
        instances.filter { values.contains($0[keyword] ?? "") }.compactMap(\.sopInstanceUID).sorted()
    }

    /// Runs one operation in its own association, then collects (and
    /// removes) what the move destination received meanwhile.
    func run(_ operation: QROperation, calledAE: String = "STORE") throws -> (QROperationResult, received: [String]) {
        let result = try server.client(calledAE: calledAE).results([operation], server: server.kind.rawValue)[0]
        let received = try destination.receivedSOPInstanceUIDs()
        for file in destination.receivedFiles { try FileManager.default.removeItem(atPath: file) }
        return (result, received)
    }
}

/// The (remaining, completed, failed, warning) counters of each response.
func counters(_ result: QROperationResult) -> [[Int?]] {
    result.responses.map { [$0.remaining, $0.completed, $0.failed, $0.warning] }
}

/// The counters dcmqrscp sends for `count` successful sub-operations (spec
/// §7.3): a pending response after each, then the final one without Remaining.
func successfulCounters(_ count: Int) -> [[Int?]] {
    (1...count).map { [count - $0, $0, 0, 0] } + [[nil, count, 0, 0]]
}

enum TransferSyntaxUID {
    static let implicitLittle = "1.2.840.10008.1.2"
    static let explicitLittle = "1.2.840.10008.1.2.1"
    static let explicitBig = "1.2.840.10008.1.2.2"
}
