import Archive
import Foundation
import QuarryTestSupport
import Testing

/// The association and C-MOVE policy the server asks of the configuration
/// (spec §3.2–3.3, §7.2, §7.5), on fixture F1 and a few additions.
@Suite struct ConfigurationPolicyTests {
    static let fixture: Configuration = {
        let path = TestEnvironment.specDirectory.appendingPathComponent("examples/accepted-04-interop-fixture.cfg").path
        return (try? Configuration.load(contentsOf: path)) ?? Configuration(fileName: "missing")
    }()

    static let extra = """
        HostTable BEGIN
        ipv6 = (V6, ::1, 104)
        dest = (DEST, hosttable.example, 1)
        onlyhere = (HOSTONLY, h.example, 7)
        HostTable END
        AETable BEGIN
        STORE  /store  RW (10, 10mb) (VIEWER, localhost, 11113)
        STORE  /other  R  (5, 1mb)   (MOD, ct.example, 104)
        OPEN   /open   RW (10, 10mb) ipv6, (DEST, aetable.example, 2)
        STORE  /third  RW (10, 10mb) ANY
        LATE   /late   RW (10, 10mb) (DEST, late.example, 3)
        AETable END

        """
    static let extraConfiguration = (try? Configuration(parsing: extra, fileName: "p.cfg")) ?? Configuration(fileName: "p.cfg")

    @Test(arguments: [
        // called, calling, peer host, peer address, outcome, deciding line
        ("STORE", "VIEWER1", "localhost", "127.0.0.1", PeerCheckDecision.Outcome.accepted, 25 as Int?),
        ("STORE", "MOD1", "LOCALHOST", "127.0.0.1", .accepted, 25),                  // host: case-insensitive
        ("STORE", "VIEWER2", "127.0.0.1", "127.0.0.1", .accepted, 25),               // -dhl
        ("STORE", "VIEWER2", "localhost", "127.0.0.1", .accepted, 25),               // beyond dcmqrscp: IP literal
        ("STORE", "VIEWER2", "localhost", "::ffff:127.0.0.1", .accepted, 25),        // IPv4-mapped address
        ("STORE", "VIEWER1", "127.0.0.1", "127.0.0.1", .hostNotAdmitted, 25),        // -dhl and "localhost"
        ("STORE", "VIEWER2", "pc7.example", "10.0.0.7", .hostNotAdmitted, 25),
        ("STORE", "viewer1", "localhost", "127.0.0.1", .callingAETitleNotAdmitted, 25),  // AE titles: exact
        ("STORE", "NOBODY", "localhost", "127.0.0.1", .callingAETitleNotAdmitted, 25),
        ("store", "VIEWER1", "localhost", "127.0.0.1", .calledAETitleNotRecognized, nil),
        ("NOSUCH", "VIEWER1", "localhost", "127.0.0.1", .calledAETitleNotRecognized, nil),
        ("READONLY", "ANYONE", "far.example", "192.0.2.1", .accepted, 26),          // ANY
        ("WRITEONLY", "", "", "", .accepted, 27),
    ])
    func peerCheckOnFixture(_ called: String, _ calling: String, _ host: String, _ address: String,
                            _ outcome: PeerCheckDecision.Outcome, _ line: Int?) {
        let decision = Self.fixture.peerCheck(called: called, calling: calling, peerHost: host, peerAddress: address)
        #expect(decision.outcome == outcome)
        #expect(decision.line == line)
        #expect(decision.isAccepted == (outcome == .accepted))
    }

    @Test func reasonsNameTitlesHostsAndLines() {
        let check = { Self.fixture.peerCheck(called: $0, calling: $1, peerHost: $2, peerAddress: $3).reason }
        #expect(check("STORE", "VIEWER1", "localhost", "127.0.0.1") == "\"STORE\" admits VIEWER1 at localhost (AETable line 25)")
        #expect(check("STORE", "VIEWER1", "127.0.0.1", "127.0.0.1")
                == "\"STORE\" admits VIEWER1 only from localhost, not from 127.0.0.1 (AETable line 25)")
        #expect(check("STORE", "VIEWER2", "pc7.example", "10.0.0.7")
                == "\"STORE\" admits VIEWER2 only from 127.0.0.1, not from pc7.example (10.0.0.7) (AETable line 25)")
        #expect(check("STORE", "viewer1", "localhost", "127.0.0.1")
                == "calling AE title \"viewer1\" is not among the peers of \"STORE\" (AETable line 25)")
        #expect(check("store", "VIEWER1", "localhost", "127.0.0.1") == "called AE title \"store\" is not in the AETable")
        #expect(check("READONLY", "X", "h", "192.0.2.1") == "\"READONLY\" admits ANY peer (AETable line 26)")
    }

    /// Duplicate titles: any line with the title may admit the peer; the
    /// first line gives storage area, access and quota.
    @Test(arguments: [
        ("STORE", "VIEWER", "localhost", "127.0.0.1", 7),
        ("STORE", "MOD", "ct.example", "10.1.1.1", 8),
        ("STORE", "SOMEONE", "anywhere", "10.9.9.9", 10),   // the third STORE line has ANY
        ("OPEN", "V6", "ip6-localhost", "::1", 9),           // IPv6 literal in the HostTable
    ])
    func duplicateTitlesAdmitThePeersOfEveryLine(_ called: String, _ calling: String, _ host: String,
                                                 _ address: String, _ line: Int) {
        let decision = Self.extraConfiguration.peerCheck(called: called, calling: calling, peerHost: host, peerAddress: address)
        #expect(decision.isAccepted)
        #expect(decision.line == line)
    }

    @Test func firstLineGivesStorageAreaAccessAndQuota() {
        let store = Self.extraConfiguration.aeEntry(for: "STORE")
        #expect(store?.storageArea == "/store")
        #expect(store?.access.token == "RW")
        #expect(store?.quota.maxStudies == 10)
        #expect(Self.extraConfiguration.warnings.map(\.line) == [8, 10])   // duplicate-title warnings
    }

    @Test(arguments: [
        ("VIEWER1", Peer(aeTitle: "VIEWER1", hostName: "localhost", port: 11201) as Peer?),
        ("VIEWER2", Peer(aeTitle: "VIEWER2", hostName: "127.0.0.1", port: 11202)),
        ("MOD1", Peer(aeTitle: "MOD1", hostName: "localhost", port: 11203)),
        ("viewer1", nil),     // case-sensitive
        ("STORE", nil),       // the server's own AE is no destination
        ("NOSUCH", nil),
    ])
    func moveDestinationOnFixture(_ ae: String, _ peer: Peer?) {
        #expect(Self.fixture.moveDestination(ae) == peer)
    }

    /// AETable peers first (in entry order), then the HostTable.
    @Test(arguments: [
        ("DEST", Peer(aeTitle: "DEST", hostName: "aetable.example", port: 2) as Peer?),
        ("HOSTONLY", Peer(aeTitle: "HOSTONLY", hostName: "h.example", port: 7)),
        ("V6", Peer(aeTitle: "V6", hostName: "::1", port: 104)),
        ("VIEWER", Peer(aeTitle: "VIEWER", hostName: "localhost", port: 11113)),
        ("ANY", nil),
    ])
    func moveDestinationSearchesTheAETableFirst(_ ae: String, _ peer: Peer?) {
        #expect(Self.extraConfiguration.moveDestination(ae) == peer)
    }

    @Test(arguments: [
        ("VIEWER1", "VIEWER2", true), ("VIEWER2", "VIEWER1", true), ("VIEWER1", "VIEWER1", true),
        ("MOD1", "VIEWER1", false), ("VIEWER1", "MOD1", false), ("viewer1", "VIEWER2", false), ("NOSUCH", "NOSUCH", false),
    ])
    func sameVendor(_ a: String, _ b: String, _ same: Bool) {
        #expect(Self.fixture.sameVendor(a, b) == same)
    }
}
