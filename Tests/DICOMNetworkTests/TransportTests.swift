import DICOM
@testable import DICOMNetwork
import Foundation
import QuarryTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A listener on a free port and a connected pair of connections.
func connectedPair() throws -> (listener: TCPListener, client: TCPConnection, server: TCPConnection) {
    let listener = try TCPListener(port: 0)
    let client = try TCPConnection.connect(host: "127.0.0.1", port: listener.port, timeout: .seconds(5))
    let server = try #require(try listener.accept(timeout: .seconds(5)))
    return (listener, client, server)
}

@Test func bytesCrossAConnectionBothWays() throws {
    let (listener, client, server) = try connectedPair()
    defer { listener.close() }
    let payload = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let writer = Thread { try? client.write(payload) }
    writer.start()
    #expect(try server.read(payload.count, timeout: .seconds(10)) == payload)
    try server.write([1, 2, 3])
    #expect(try client.read(3, timeout: .seconds(5)) == [1, 2, 3])
    #expect(server.peer.ipAddress == "127.0.0.1")
    #expect(client.peer.port == listener.port)
}

@Test func everySocketHasNoDelay() throws {
    let (listener, client, server) = try connectedPair()
    defer { listener.close() }
    #expect(client.isNoDelay && server.isNoDelay)
}

@Test func bindingAPortInUseFailsLikeDCMTK() throws {
    let first = try TCPListener(port: 0)
    defer { first.close() }
    #expect {
        _ = try TCPListener(port: first.port)
    } throws: { error in
        let e = error as? TransportError
        return e?.description == "TCP Initialization Error: Address already in use"
            && e?.dcmtkDescription == "0006:031c TCP Initialization Error: Address already in use"
    }
}

@Test func connectionRefusedReadsLikeDCMTK() {
    let port = freeTCPPort()
    #expect {
        _ = try TCPConnection.connect(host: "127.0.0.1", port: port, timeout: .seconds(2))
    } throws: { error in
        (error as? TransportError)?.dcmtkDescription == "0006:031c TCP Initialization Error: Connection refused"
    }
}

@Test func unknownHostIsNamed() {
    #expect {
        _ = try TCPConnection.connect(host: "no-such-host.invalid", port: 104, timeout: .seconds(2))
    } throws: { error in
        (error as? TransportError)?.dcmtkDescription == "0006:0320 Attempt to connect to unknown host: no-such-host.invalid"
    }
}

@Test func silentPeerTimesOut() throws {
    let (listener, client, server) = try connectedPair()
    defer { listener.close(); client.close() }
    #expect(throws: TransportError.readTimeout) { try server.read(1, timeout: .milliseconds(50)) }
}

@Test func peerVanishingMidReadIsClosed() throws {
    let (listener, client, server) = try connectedPair()
    defer { listener.close() }
    try client.write([1, 2, 3])
    client.close()
    #expect(throws: TransportError.closed) { try server.read(10, timeout: .seconds(5)) }
}

/// Writing to a peer that is gone is an error, not a SIGPIPE that kills the process.
@Test func writingToAClosedPeerThrows() throws {
    let (listener, client, server) = try connectedPair()
    defer { listener.close() }
    server.close()
    #expect(throws: TransportError.self) {
        for _ in 0..<100 { try client.write([UInt8](repeating: 0, count: 65536)) }
    }
}

@Test func shutdownWakesABlockedReader() throws {
    let (listener, client, server) = try connectedPair()
    defer { listener.close(); client.close() }
    let stopper = Thread { Thread.sleep(forTimeInterval: 0.05); server.shutdown() }
    stopper.start()
    #expect(throws: TransportError.closed) { try server.read(1, timeout: nil) }
}

@Test func closedListenerStopsAccepting() throws {
    let listener = try TCPListener(port: 0)
    #expect(try listener.accept(timeout: .milliseconds(20)) == nil)
    listener.close()
    #expect(throws: TransportError.self) { try listener.accept(timeout: .milliseconds(20)) }
}

@Test func loopbackPeerResolvesToItsName() throws {
    #expect(PeerAddress(ipAddress: "127.0.0.1", port: 1).hostName() == "localhost")
    #expect(PeerAddress(ipAddress: "not an address", port: 1).hostName() == "not an address")
}

// MARK: PDU reader

let testLimits = PDULimits(maximumPDataLength: 16384)

@Test func readerReturnsAPDU() throws {
    let (listener, client, server) = try connectedPair()
    defer { listener.close() }
    try client.write(Golden.associateRQ)
    #expect(try server.readPDU(limits: testLimits, timeout: .seconds(5)) == .associateRQ(Expected.associateRQ))
}

@Test func pDataBeyondOurMaximumIsRefusedBeforeReading() throws {
    let (listener, client, server) = try connectedPair()
    defer { listener.close() }
    // Header only: a P-DATA-TF claiming 16391 bytes; the body never comes, the reader must not wait for it.
    try client.write([0x04, 0x00, 0x00, 0x00, 0x40, 0x07])
    #expect(throws: AssociationError.pduTooLarge(type: 4, length: 16391, limit: 16384)) {
        try server.readPDU(limits: testLimits, timeout: .seconds(5))
    }
}

@Test func giantAssociateRequestIsRefused() throws {
    let (listener, client, server) = try connectedPair()
    defer { listener.close() }
    try client.write([0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF])
    #expect(throws: AssociationError.pduTooLarge(type: 1, length: 0xFFFF_FFFF, limit: 1 << 20)) {
        try server.readPDU(limits: testLimits, timeout: .seconds(5))
    }
}

@Test func garbageIsAnUnrecognizedPDU() throws {
    let (listener, client, server) = try connectedPair()
    defer { listener.close() }
    try client.write(Array("GET / HTTP/1.0\r\n\r\n".utf8))
    #expect(throws: AssociationError.invalidPDU(.unrecognizedPDUType(0x47))) {
        try server.readPDU(limits: testLimits, timeout: .seconds(5))
    }
}

@Test func pduCutShortByThePeerIsClosed() throws {
    let (listener, client, server) = try connectedPair()
    defer { listener.close() }
    try client.write(Array(Golden.associateRQ.prefix(100)))
    client.close()
    #expect(throws: AssociationError.transport(.closed)) { try server.readPDU(limits: testLimits, timeout: .seconds(5)) }
}
