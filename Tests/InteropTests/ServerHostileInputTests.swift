import Foundation
import QuarryTestSupport
import Testing

/// Hostile input against a real quarryscp (`-ta 2`), each case on its own
/// server; after each, DCMTK's echoscu is still answered (issue 4, spec §12.8).
@Suite struct ServerHostileInputTests {
    static let abortPDU: [UInt8] = [0x07, 0, 0, 0, 0, 4, 0]

    func expectStillAnswers(_ fixture: QuarryServerFixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try fixture.echoscu()
        #expect(result.status == 0, "\(result.output)\n\(fixture.server.log)", sourceLocation: sourceLocation)
        #expect(fixture.server.isRunning, sourceLocation: sourceLocation)
    }

    @Test func garbageInsteadOfAPDU() throws {
        let fixture = try QuarryServerFixture()
        let peer = try RawPeer(port: fixture.port)
        peer.send(Array("GET / HTTP/1.1\r\nHost: quarry\r\n\r\n".utf8))
        let (bytes, closed) = peer.readUntilClosed()
        #expect(Array(bytes.prefix(7)) == Self.abortPDU)
        #expect(closed)
        #expect(fixture.server.waitForLog("I: Failed to receive association: 0006:0321 Unrecognized PDU type: 71"))
        try expectStillAnswers(fixture)
    }

    @Test func pduLengthLongerThanTheData() throws {
        let fixture = try QuarryServerFixture()
        var rq = RawPDU.associateRQ()
        rq[5] &+= 50   // 50 bytes promised that never come
        let peer = try RawPeer(port: fixture.port)
        peer.send(rq)
        try expectStillAnswers(fixture)   // while this one waits for its bytes
        let (bytes, closed) = peer.readUntilClosed()
        #expect(bytes.isEmpty)
        #expect(closed)
        #expect(fixture.server.waitForLog("I: Failed to receive association: 0006:031a DUL network read timeout"))
    }

    @Test func pduLengthShorterThanTheData() throws {
        let fixture = try QuarryServerFixture()
        var rq = RawPDU.associateRQ()
        (rq[2], rq[3], rq[4], rq[5]) = (0, 0, 0, 68)   // only the fixed fields are inside the PDU
        let peer = try RawPeer(port: fixture.port)
        peer.send(rq)
        let (bytes, closed) = peer.readUntilClosed()
        #expect(closed)
        // A 68-byte A-ASSOCIATE-RQ has no application context: rejected (2,1,2).
        #expect(Array(bytes.prefix(10)) == [0x03, 0, 0, 0, 0, 4, 0, 2, 1, 2])
        #expect(fixture.server.waitForLog("I: Bad AppContextName: "))
        try expectStillAnswers(fixture)
    }

    @Test func itemRunningPastItsPDU() throws {
        let fixture = try QuarryServerFixture()
        var rq = RawPDU.associateRQ()
        let contextItem = try #require(rq.indices.dropFirst(74).first { rq[$0] == 0x20 })
        (rq[contextItem + 2], rq[contextItem + 3]) = (0x7F, 0xFF)   // presentation context item longer than the PDU
        let peer = try RawPeer(port: fixture.port)
        peer.send(rq)
        let (bytes, closed) = peer.readUntilClosed()
        #expect(Array(bytes.prefix(7)) == Self.abortPDU)
        #expect(closed)
        #expect(fixture.server.waitForLog("I: Failed to receive association: 0006:0307 DUL Illegal or ill-formed PDU"))
        try expectStillAnswers(fixture)
    }

    @Test func pduLargerThanTheNegotiatedMaximum() throws {
        let fixture = try QuarryServerFixture(["-pdu", "16384"])
        let peer = try fixture.establishedRawPeer()
        peer.send([0x04, 0x00, 0x00, 0x10, 0x00, 0x00])   // P-DATA-TF of 1 MiB announced
        let (bytes, closed) = peer.readUntilClosed()
        #expect(Array(bytes.prefix(7)) == Self.abortPDU)
        #expect(closed)
        #expect(fixture.server.waitForLog("E: DIMSE Failure (aborting association): 0006:0308 DUL Illegal PDU Length"))
        try expectStillAnswers(fixture)
    }

    @Test func pDataBeforeTheAssociation() throws {
        let fixture = try QuarryServerFixture()
        let peer = try RawPeer(port: fixture.port)
        peer.send(RawPDU.pData(value: [0, 0, 0, 0]))
        let (bytes, closed) = peer.readUntilClosed()
        #expect(Array(bytes.prefix(7)) == Self.abortPDU)
        #expect(closed)
        #expect(fixture.server.waitForLog("I: Failed to receive association: 0006:031f DUL Received unexpected PDU"))
        try expectStillAnswers(fixture)
    }

    @Test func silentPeerIsDroppedAfterTheACSETimeout() throws {
        let fixture = try QuarryServerFixture(["-ta", "1"])
        let peer = try RawPeer(port: fixture.port)
        let (bytes, closed) = peer.readUntilClosed(timeout: 20)
        #expect(bytes.isEmpty)
        #expect(closed)
        #expect(fixture.server.waitForLog("I: Failed to receive association: 0006:031a DUL network read timeout"))
        try expectStillAnswers(fixture)
    }

    /// dcmqrscp makes everyone wait for a silent socket (spec §12.8); here the
    /// echo goes through while the silent connection is held (ACSE timeout 30 s,
    /// echoscu's own `-ta 5`).
    @Test func silentConnectionDoesNotBlockOthers() throws {
        let fixture = try QuarryServerFixture(["-ta", "30"])
        let silent = try RawPeer(port: fixture.port)
        let alsoSilent = try RawPeer(port: fixture.port)
        try expectStillAnswers(fixture)
        try expectStillAnswers(fixture)
        silent.close()
        alsoSilent.close()
    }

    @Test func peerVanishingMidPDU() throws {
        let fixture = try QuarryServerFixture()
        let peer = try RawPeer(port: fixture.port)
        peer.send(Array(RawPDU.associateRQ().prefix(40)))
        peer.close()
        #expect(fixture.server.waitForLog("I: Failed to receive association: 0006:0310 DUL network closed"))
        try expectStillAnswers(fixture)
    }

    @Test func peerVanishingMidAssociation() throws {
        let fixture = try QuarryServerFixture()
        let peer = try fixture.establishedRawPeer()
        peer.send(Array(RawPDU.pData(value: Array(repeating: 0, count: 40)).prefix(20)))
        peer.close()
        #expect(fixture.server.waitForLog("I: Association Aborted"))
        try expectStillAnswers(fixture)
    }

    @Test func moreConnectionsThanMaxAssociations() throws {
        let fixture = try QuarryServerFixture(maxAssociations: 2)
        let held = try (0..<2).map { _ in try fixture.establishedRawPeer() }
        var refused: [[UInt8]?] = []
        for _ in 0..<4 {
            let peer = try RawPeer(port: fixture.port)
            peer.send(RawPDU.associateRQ())
            refused.append(peer.readPDU())
        }
        #expect(refused.allSatisfy { $0 == [0x03, 0, 0, 0, 0, 4, 0, 2, 3, 2] })
        for peer in held {
            peer.send(RawPDU.releaseRQ)
            #expect(peer.readPDU() == [0x06, 0, 0, 0, 0, 4, 0, 0, 0, 0])
            peer.close()   // Sta13: the server waits for the requestor to close (PS3.8 §9.2)
        }
        for _ in 0..<100 where logLines(fixture.server).filter({ $0 == "I: Association Release" }).count < 2 {
            Thread.sleep(forTimeInterval: 0.05)
        }
        try expectStillAnswers(fixture)
    }

    @Test func garbageCommandOnAnEstablishedAssociation() throws {
        let fixture = try QuarryServerFixture()
        let peer = try fixture.establishedRawPeer()
        peer.send(RawPDU.pData(value: Array(repeating: 0xFF, count: 32)))   // not a command set
        let (bytes, closed) = peer.readUntilClosed()
        #expect(Array(bytes.prefix(7)) == Self.abortPDU)
        #expect(closed)
        #expect(fixture.server.waitForLog("E: DIMSE Failure (aborting association): "))
        try expectStillAnswers(fixture)
    }
}
