import Archive
@testable import QRServer
import Testing

/// Where a C-MOVE may send (spec §7.2, §7.5): the AETable's peer triples first, then
/// the HostTable, case-sensitive; `-ZA`, `-ZH`, `-ZV` refusals with dcmqrscp's lines.
@Suite struct MoveDestinationResolutionTests {
    static let configuration: Configuration = {
        let text = """
            HostTable BEGIN
            viewer1 = (VIEWER1, localhost, 11201)
            viewer2 = (VIEWER2, 127.0.0.1, 11202)
            modality1 = (MOD1, localhost, 11203)
            other = (VIEWER1, otherhost, 9999)
            HostTable END
            VendorTable BEGIN
            "Viewer Vendor" = viewer1, viewer2
            VendorTable END
            AETable BEGIN
            STORE /tmp/none RW (10, 1mb) (VIEWER2, viewhost, 104), viewer1
            AETable END
            """
        return (try? Configuration(parsing: text, fileName: "test.cfg")) ?? Configuration(fileName: "broken")
    }()

    static func resolve(_ destination: String, calling: String = "VIEWER1", host: String = "localhost",
                        _ edit: (inout ServerOptions) -> Void = { _ in }) -> Result<Peer, MoveDestinationResolution.Refusal> {
        var options = ServerOptions()
        edit(&options)
        return MoveDestinationResolution(configuration: configuration, options: options)
            .resolve(destination, callingAETitle: calling, peerHost: host)
    }

    @Test func aeTablePeersComeBeforeTheHostTable() throws {
        #expect(try Self.resolve("VIEWER2").get() == Peer(aeTitle: "VIEWER2", hostName: "viewhost", port: 104))
        #expect(try Self.resolve("VIEWER1").get() == Peer(aeTitle: "VIEWER1", hostName: "localhost", port: 11201))
        #expect(try Self.resolve("MOD1").get() == Peer(aeTitle: "MOD1", hostName: "localhost", port: 11203))
    }

    @Test(arguments: [
        ("NOSUCH", "mapMoveDestination: unknown AE: 'NOSUCH'"),
        ("viewer1", "mapMoveDestination: unknown AE: 'viewer1'"),   // case-sensitive
        ("STORE", "mapMoveDestination: unknown AE: 'STORE'"),        // our own title is no destination
    ])
    func unknownDestinations(destination: String, line: String) {
        #expect(Self.resolve(destination).refusal == line)
    }

    @Test func restrictions() {
        #expect(Self.resolve("MOD1") { $0.restrictMoveToRequestingAETitle = true }.refusal
                == "mapMoveDestination: strictMove Reqs: 'VIEWER1' != 'MOD1'")
        #expect(Self.resolve("VIEWER1") { $0.restrictMoveToRequestingAETitle = true }.refusal == nil)
        #expect(Self.resolve("VIEWER2", host: "localhost") { $0.restrictMoveToRequestingHost = true }.refusal
                == "mapMoveDestination: different hosts: 'localhost', 'viewhost'")
        #expect(Self.resolve("MOD1", host: "LOCALHOST") { $0.restrictMoveToRequestingHost = true }.refusal == nil)
        #expect(Self.resolve("VIEWER1", calling: "MOD1") { $0.restrictMoveToRequestingVendor = true }.refusal
                == "mapMoveDestination: different vendors: 'MOD1', 'VIEWER1'")
        #expect(Self.resolve("VIEWER2", calling: "VIEWER1") { $0.restrictMoveToRequestingVendor = true }.refusal == nil)
    }
}

extension Result where Success == Peer, Failure == MoveDestinationResolution.Refusal {
    var refusal: String? { if case .failure(let r) = self { r.logLine } else { nil } }
}
