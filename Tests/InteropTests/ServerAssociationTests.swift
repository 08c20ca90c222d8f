import Foundation
import QuarryTestSupport
import Testing

/// quarryscp against DCMTK's echoscu and raw peers: who is admitted, with
/// which rejection, and what the server logs (spec §3, §9).
@Suite struct ServerAssociationTests {
    /// (calling, called, extra quarryscp options) → echoscu's verdict.
    struct Case: Sendable, CustomStringConvertible {
        var calling: String
        var called: String
        var serverOptions: [String] = []
        /// nil: the echo succeeds; else the `Reason:` echoscu prints.
        var refusal: String?
        var description: String { "\(calling) -> \(called) \(serverOptions.joined(separator: " "))" }
    }

    static let cases: [Case] = [
        Case(calling: "VIEWER1", called: "STORE"),
        Case(calling: "VIEWER2", called: "STORE"),   // HostTable host 127.0.0.1: Quarry matches the address
        Case(calling: "ANYBODY", called: "ANYAE"),
        Case(calling: "ANYBODY", called: "READONLY"),
        Case(calling: "NOBODY", called: "STORE", refusal: "Result: Rejected Permanent, Source: Service User\nF: Reason: Called AE Title Not Recognized"),
        Case(calling: "VIEWER1", called: "NOSUCH", refusal: "Result: Rejected Permanent, Source: Service User\nF: Reason: Called AE Title Not Recognized"),
        Case(calling: "VIEWER1", called: "store", refusal: "Result: Rejected Permanent, Source: Service User\nF: Reason: Called AE Title Not Recognized"),
        Case(calling: "VIEWER1", called: "STORE", serverOptions: ["-dhl"],   // peer is 127.0.0.1, VIEWER1 is at localhost
             refusal: "Result: Rejected Permanent, Source: Service User\nF: Reason: Called AE Title Not Recognized"),
        Case(calling: "VIEWER2", called: "STORE", serverOptions: ["-dhl"]),
        Case(calling: "VIEWER1", called: "STORE", serverOptions: ["--refuse"],
             refusal: "Result: Rejected Permanent, Source: Service User\nF: Reason: No Reason"),
    ]

    @Test(arguments: cases) func echoscuIsAnsweredOrRefusedLikeDcmqrscp(_ c: Case) throws {
        let fixture = try QuarryServerFixture(c.serverOptions)
        let result = try fixture.echoscu(calling: c.calling, called: c.called)
        if let refusal = c.refusal {
            #expect(result.status == 1)
            #expect(result.stderr.contains("F: Association Rejected:\nF: \(refusal)"), "\(result.stderr)")
            #expect(fixture.server.waitForLog("I: Refusing Association ("))
        } else {
            #expect(result.status == 0, "\(result.output)\n\(fixture.server.log)")
            #expect(fixture.server.waitForLog("I: Association Release"))
            #expect(logLines(fixture.server).contains("I: Received Echo SCP RQ: MsgID 1"))
        }
        #expect(fixture.server.isRunning)
    }

    @Test func refusalsAreExplainedInTheLog() throws {
        let fixture = try QuarryServerFixture()
        _ = try fixture.echoscu(calling: "NOBODY", called: "STORE")
        _ = try fixture.echoscu(calling: "VIEWER1", called: "NOSUCH")
        #expect(fixture.server.waitForLog("to NOSUCH: called AE title \"NOSUCH\" is not in the AETable"))
        let lines = logLines(fixture.server)
        #expect(lines.contains("I: Association Received (localhost:NOBODY -> STORE)"))
        #expect(lines.contains {
            $0.hasPrefix("W: Refusing association from localhost:NOBODY to STORE: calling AE title \"NOBODY\" is not among the peers")
        })
        #expect(lines.filter { $0 == "I: Refusing Association (BadAEService)" }.count == 2)
    }

    @Test func refuseLogsBothLines() throws {
        let fixture = try QuarryServerFixture(["--refuse"])
        _ = try fixture.echoscu()
        #expect(fixture.server.waitForLog("I: Refusing Association (NoReason)"))
        #expect(logLines(fixture.server).contains("I: Refusing Association (forced via command line)"))
    }

    @Test func badApplicationContextIsRejectedTransiently() throws {
        let fixture = try QuarryServerFixture()
        let peer = try RawPeer(port: fixture.port)
        peer.send(RawPDU.associateRQ(applicationContext: "1.2.3.4.5"))
        #expect(peer.readPDU() == [0x03, 0, 0, 0, 0, 4, 0, 2, 1, 2])
        #expect(fixture.server.waitForLog("I: Refusing Association (BadAppContext)"))
        #expect(logLines(fixture.server).contains("I: Bad AppContextName: 1.2.3.4.5"))
    }

    @Test func noAcceptableContextIsStillAcknowledged() throws {
        let fixture = try QuarryServerFixture()
        let peer = try RawPeer(port: fixture.port)
        peer.send(RawPDU.associateRQ(abstractSyntaxes: ["1.2.3.4.5"]))
        #expect(peer.readPDU()?.first == 0x02)
        peer.send(RawPDU.releaseRQ)
        #expect(peer.readPDU() == [0x06, 0, 0, 0, 0, 4, 0, 0, 0, 0])
        #expect(fixture.server.waitForLog("I: Association Release"))
        #expect(logLines(fixture.server).contains("I:     (but no valid presentation contexts)"))
    }

    @Test func maxAssociationsRejectsTheOneTooManyThenRecovers() throws {
        let fixture = try QuarryServerFixture(maxAssociations: 2)
        let first = try fixture.establishedRawPeer()
        let second = try fixture.establishedRawPeer()
        let refused = try fixture.echoscu()
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("F: Result: Rejected Transient, Source: Service Provider (Presentation Related)\nF: Reason: Local Limit Exceeded"),
                "\(refused.stderr)")
        // An unknown peer is told (1,1,7) even now: the AE check comes first.
        let unknown = try fixture.echoscu(calling: "NOBODY")
        #expect(unknown.stderr.contains("Reason: Called AE Title Not Recognized"))
        #expect(logLines(fixture.server).contains("I: Refusing Association (TooManyAssociations)"))
        first.send(RawPDU.releaseRQ)
        _ = first.readUntilClosed()
        #expect(fixture.server.waitForLog("I: Association Release"))
        #expect(try fixture.echoscu().status == 0)
        second.close()
    }

    @Test func singleProcessModeKeepsServing() throws {
        let fixture = try QuarryServerFixture(["-s"])
        for _ in 0..<3 {
            let result = try fixture.echoscu()
            #expect(result.status == 0, "\(result.output)")
        }
        #expect(try fixture.echoscu(calling: "NOBODY").status == 1)
        #expect(try fixture.echoscu().status == 0)
        #expect(fixture.server.isRunning)
        #expect(logLines(fixture.server).filter { $0 == "I: Association Release" }.count == 4)
    }

    @Test func shutdownClassStopsTheServerWithAllowShutdown() throws {
        let fixture = try QuarryServerFixture(["--allow-shutdown"])
        let peer = try RawPeer(port: fixture.port)
        peer.send(RawPDU.associateRQ(abstractSyntaxes: [RawPDU.shutdown]))
        #expect(peer.readPDU() == [0x03, 0, 0, 0, 0, 4, 0, 1, 1, 1])
        #expect(fixture.server.waitForExit(timeout: 15) == 0)
        #expect(logLines(fixture.server).suffix(3).contains(
            "I: Shutting down server ... (negotiated private \"shut down\" SOP class)"))
    }

    @Test func shutdownClassIsRefusedWithoutAllowShutdown() throws {
        let fixture = try QuarryServerFixture()
        let peer = try RawPeer(port: fixture.port)
        peer.send(RawPDU.associateRQ(abstractSyntaxes: [RawPDU.shutdown]))
        let ac = try #require(peer.readPDU())
        #expect(ac.first == 0x02)
        peer.send(RawPDU.releaseRQ)
        _ = peer.readUntilClosed()
        #expect(try fixture.echoscu().status == 0)
        #expect(fixture.server.isRunning)
    }

    @Test func shutdownClassFromAnUnknownPeerChangesNothing() throws {
        let fixture = try QuarryServerFixture(["--allow-shutdown"])
        let peer = try RawPeer(port: fixture.port)
        peer.send(RawPDU.associateRQ(calling: "NOBODY", abstractSyntaxes: [RawPDU.shutdown]))
        #expect(peer.readPDU() == [0x03, 0, 0, 0, 0, 4, 0, 1, 1, 7])
        #expect(try fixture.echoscu().status == 0)
        #expect(fixture.server.isRunning)
    }

    @Test func sigtermAbortsIdleAssociationsAndExitsZero() throws {
        let fixture = try QuarryServerFixture()
        let idle = try fixture.establishedRawPeer()
        fixture.server.signal(SIGTERM)
        let (bytes, closed) = idle.readUntilClosed()
        #expect(Array(bytes.prefix(7)) == [0x07, 0, 0, 0, 0, 4, 0])   // A-ABORT
        #expect(closed)
        #expect(fixture.server.waitForExit(timeout: 15) == 0)
        #expect(logLines(fixture.server).contains("I: SIGTERM received: stopping (associations in progress finish first)"))
    }

    @Test func sigintStopsAnIdleServer() throws {
        let fixture = try QuarryServerFixture()
        #expect(try fixture.echoscu().status == 0)
        fixture.server.signal(SIGINT)
        #expect(fixture.server.waitForExit(timeout: 15) == 0)
    }

    @Test func sighupAndSigusr1DoNotKillTheServer() throws {
        let fixture = try QuarryServerFixture()
        fixture.server.signal(SIGHUP)
        fixture.server.signal(SIGUSR1)
        // SIGUSR1: a line per storage area (issue 8).
        // (-v also prints such lines at start: wait for the signal's own.)
        #expect(fixture.server.waitForLog("W: SIGUSR1: "))
        #expect(try fixture.echoscu().status == 0)
        #expect(fixture.server.isRunning)
    }

    /// pynetdicom sees what dcmqrscp sends: our identity, the max PDU, the preferred syntax.
    @Test func pynetdicomSeesTheNegotiation() throws {
        let fixture = try QuarryServerFixture(["+xb", "-pdu", "32768"])
        let probe = TestEnvironment.specDirectory.appendingPathComponent("probes/assoc.py").path
        let result = try runProcess(TestEnvironment.python, [probe, "--port", String(fixture.port), "--aet", "VIEWER1",
                                                             "--aec", "STORE", "--ctx", "1.2.840.10008.1.1",
                                                             "--ctx", "1.2.840.10008.5.1.4.1.1.2:jpeg"], timeout: 60)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                "\(result.output)")
        #expect(json["result"] as? String == "accepted")
        #expect(json["peer_max_pdu"] as? Int == 32768)
        #expect(json["impl_uid"] as? String == "2.25.294675229226016625110202184608125074800")
        let contexts = try #require(json["contexts"] as? [[Any]])
        #expect(contexts.first?[2] as? String == "1.2.840.10008.1.2.2")   // +xb: big endian
        let rejected = try #require(json["rejected_contexts"] as? [[Any]])
        #expect(rejected.first?[1] as? Int == 3)   // a storage context, JPEG only: 3 (spec §3.4)
    }
}
