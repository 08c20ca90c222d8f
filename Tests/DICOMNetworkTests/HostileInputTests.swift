import DICOM
@testable import DICOMNetwork
import Foundation
import QuarryTestSupport
import Testing

/// A raw client that writes `bytes` (then optionally closes its side) and
/// collects whatever the acceptor sends back until it closes.
func rawExchange(_ bytes: [UInt8], closeAfterWriting: Bool = false, acse: Duration = .milliseconds(300),
                 policy: @escaping @Sendable (AssociationRequest) -> AssociationDecision = acceptingPolicy([verification]))
    throws -> (outcome: Result<String, AssociationError>, reply: [UInt8]) {
    let listener = try TCPListener(port: 0)
    defer { listener.close() }
    let client = try TCPConnection.connect(host: "127.0.0.1", port: listener.port, timeout: .seconds(5))
    let server = Background { () throws -> Result<String, AssociationError> in
        guard let connection = try listener.accept(timeout: .seconds(5)) else { throw TestTimeout() }
        do throws(AssociationError) {
            switch try AssociationAcceptor(configuration: testConfiguration(acse: acse)).negotiate(connection, policy: policy) {
            case .rejected(_, let rj): return .success("rejected \(rj.result.rawValue),\(rj.source.rawValue),\(rj.reason.rawValue)")
            case .established(let association):
                do throws(AssociationError) {
                    let message = try association.receive()
                    return .success("established, then \(message)")
                } catch { return .failure(error) }
            }
        } catch { return .failure(error) }
    }
    if !bytes.isEmpty { try client.write(bytes) }
    if closeAfterWriting { client.close() }
    var reply: [UInt8] = []
    if !closeAfterWriting {
        while let byte = try? client.read(1, timeout: .seconds(5)) { reply += byte }
    }
    return (try server.value(), reply)
}

/// A-ABORT with the given source and reason.
func abortPDU(_ source: UInt8, _ reason: UInt8) -> [UInt8] { [0x07, 0, 0, 0, 0, 4, 0, 0, source, reason] }

@Test func silentPeerIsDroppedWhenTheACSETimeoutExpires() throws {
    let (outcome, reply) = try rawExchange([])
    #expect(outcome == .failure(.transport(.readTimeout)))
    #expect("\(AssociationError.transport(.readTimeout))" == "0006:031a DUL network read timeout")
    #expect(reply.isEmpty)   // AA-2: nothing sent, connection closed
}

@Test func garbageGetsAnAbort() throws {
    let (outcome, reply) = try rawExchange(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
    #expect(outcome == .failure(.invalidPDU(.unrecognizedPDUType(0x47))))
    #expect(reply == abortPDU(0, 0))   // Sta2 + Evt19 = AA-1: A-ABORT, service-user source
}

@Test func pDataBeforeTheAssociationGetsAnAbort() throws {
    let (outcome, reply) = try rawExchange(Golden.pDataTF)
    #expect(outcome == .failure(.unexpectedPDU(type: 4, state: .sta2)))
    #expect(reply == abortPDU(0, 0))
}

@Test func itemRunningPastItsPDUGetsAnAbort() throws {
    // The golden RQ with the presentation context item's length raised past the PDU's end.
    var rq = Golden.associateRQ
    rq[6 + 68 + 25 + 3] = 0xFF
    let (outcome, reply) = try rawExchange(rq)
    guard case .failure(.invalidPDU(.malformed(let m))) = outcome else {
        Issue.record("\(outcome)")
        return
    }
    #expect(m.field.contains("Presentation Context Sub-Item") || m.field.contains("A-ASSOCIATE-RQ"))
    #expect(reply == abortPDU(0, 0))
}

@Test func pduLengthLongerThanTheDataThenSilence() throws {
    var rq = Golden.associateRQ
    rq[5] &+= 50   // 50 more bytes promised than sent
    let (outcome, reply) = try rawExchange(rq)
    #expect(outcome == .failure(.transport(.readTimeout)))
    #expect(reply.isEmpty)
}

@Test func pduLengthShorterThanTheData() throws {
    // Only the fixed fields are inside the PDU; the items that follow read as a new PDU of type 10H.
    var rq = Golden.associateRQ
    (rq[4], rq[5]) = (0, 68)
    let (outcome, reply) = try rawExchange(rq)
    #expect(outcome == .failure(.invalidPDU(.unrecognizedPDUType(0x10))))
    #expect(reply.first == 0x02)                       // the A-ASSOCIATE-AC for the 68-byte RQ …
    #expect(Array(reply.suffix(10)) == abortPDU(2, 1))  // … then, in Sta6, AA-8: provider, unrecognized-PDU
}

@Test func peerVanishingMidPDU() throws {
    let (outcome, _) = try rawExchange(Array(Golden.associateRQ.prefix(40)), closeAfterWriting: true)
    #expect(outcome == .failure(.transport(.closed)))
}

@Test func pDataLargerThanOurMaximumGetsAnAbort() throws {
    let rq = PDU.associateRQ(AAssociateRQ(calledAETitle: "SCP", callingAETitle: "SCU", presentationContexts: [
        PresentationContextRQItem(id: 1, abstractSyntax: verification, transferSyntaxes: [implicitLittleEndian]),
    ], userInformation: UserInformation(maximumLength: 16384))).encoded
    let oversize: [UInt8] = [0x04, 0x00, 0x00, 0x01, 0x00, 0x00]   // 65536 > 16384
    let (outcome, reply) = try rawExchange(rq + oversize)
    #expect(outcome == .failure(.pduTooLarge(type: 4, length: 65536, limit: 16384)))
    #expect(reply.first == 0x02)
    #expect(Array(reply.suffix(10)) == abortPDU(2, 6))   // Sta6 + Evt19 = AA-8: service-provider, invalid parameter
}

@Test func dataSetFragmentWhereACommandBelongsAborts() throws {
    let rq = PDU.associateRQ(AAssociateRQ(calledAETitle: "SCP", callingAETitle: "SCU", presentationContexts: [
        PresentationContextRQItem(id: 1, abstractSyntax: verification, transferSyntaxes: [implicitLittleEndian]),
    ], userInformation: UserInformation(maximumLength: 16384))).encoded
    let dataPDV = PDU.pDataTF(PDataTF(values: [PresentationDataValue(
        presentationContextID: 1, header: MessageControlHeader(isCommand: false, isLast: true), value: [1, 2])])).encoded
    let (outcome, reply) = try rawExchange(rq + dataPDV)
    #expect(outcome == .failure(.dimse("data set fragment received where a command was expected")))
    #expect(Array(reply.suffix(10)) == abortPDU(0, 0))
}

@Test func commandOnAContextNeverAcceptedAborts() throws {
    let rq = PDU.associateRQ(AAssociateRQ(calledAETitle: "SCP", callingAETitle: "SCU", presentationContexts: [
        PresentationContextRQItem(id: 1, abstractSyntax: verification, transferSyntaxes: [implicitLittleEndian]),
    ], userInformation: UserInformation(maximumLength: 16384))).encoded
    let echo = CommandSetCoding.encode(CEchoRQ(messageID: 1).commandSet(hasDataSet: false))
    let onContext3 = PDU.pDataTF(PDataTF(values: [PresentationDataValue(
        presentationContextID: 3, header: MessageControlHeader(isCommand: true, isLast: true), value: echo[...])])).encoded
    let (outcome, _) = try rawExchange(rq + onContext3)
    #expect(outcome == .failure(.dimse("DIMSE No valid Presentation Context ID: 3")))
}

@Test func unsupportedProtocolVersionIsRejected() throws {
    var rq = Golden.associateRQ
    rq[7] = 0x02   // protocol version 2: bit 0 clear
    let (outcome, reply) = try rawExchange(rq)
    #expect(outcome == .success("rejected 1,2,2"))
    #expect(reply == [0x03, 0, 0, 0, 0, 4, 0, 1, 2, 2])
}

// MARK: release and abort, both ways

@Test func acceptorMayReleaseToo() throws {
    let listener = try TCPListener(port: 0)
    defer { listener.close() }
    let server = Background { () throws -> String in
        guard let connection = try listener.accept(timeout: .seconds(5)) else { throw TestTimeout() }
        guard case .established(let association) = try AssociationAcceptor(configuration: testConfiguration())
            .negotiate(connection, policy: acceptingPolicy([verification])) else { return "rejected" }
        try association.release()
        return "\(association.state)"
    }
    let association = try AssociationRequestor(callingAETitle: "SCU", configuration: testConfiguration()).request(
        calledAETitle: "SCP", host: "127.0.0.1", port: listener.port,
        presentationContexts: [ProposedPresentationContext(abstractSyntax: verification, transferSyntaxes: [implicitLittleEndian])])
    #expect(try association.receive() == .released)
    #expect(association.state == .sta1)
    #expect(try server.value() == "Sta1")
}

@Test func requestorAbortReachesTheAcceptor() throws {
    let listener = try TCPListener(port: 0)
    defer { listener.close() }
    let server = serveOneAssociation(listener, configuration: testConfiguration(), policy: acceptingPolicy([verification]))
    let association = try AssociationRequestor(callingAETitle: "SCU", configuration: testConfiguration()).request(
        calledAETitle: "SCP", host: "127.0.0.1", port: listener.port,
        presentationContexts: [ProposedPresentationContext(abstractSyntax: verification, transferSyntaxes: [implicitLittleEndian])])
    association.abort()
    #expect(association.state == .sta1)
    #expect(try server.value() == ["error \(AssociationError.peerAborted(AAbort(source: .serviceUser)))"])
}

@Test func rejectionReachesTheRequestor() throws {
    let listener = try TCPListener(port: 0)
    defer { listener.close() }
    let rj = AAssociateRJ(result: .rejectedTransient, source: .serviceProviderPresentation, reason: .localLimitExceeded)
    let server = serveOneAssociation(listener, configuration: testConfiguration(), policy: { _ in .reject(rj) })
    #expect(throws: AssociationError.rejected(rj)) {
        try AssociationRequestor(callingAETitle: "SCU", configuration: testConfiguration()).request(
            calledAETitle: "SCP", host: "127.0.0.1", port: listener.port,
            presentationContexts: [ProposedPresentationContext(abstractSyntax: verification, transferSyntaxes: [implicitLittleEndian])])
    }
    #expect(try server.value() == ["rejected 2,3,2"])
}

/// Between pending responses an SCP looks for a C-CANCEL without waiting for one.
@Test func cancelIsSeenWithoutWaiting() throws {
    let listener = try TCPListener(port: 0)
    defer { listener.close() }
    let server = Background { () throws -> [String] in
        guard let connection = try listener.accept(timeout: .seconds(5)) else { throw TestTimeout() }
        guard case .established(let association) = try AssociationAcceptor(configuration: testConfiguration())
            .negotiate(connection, policy: acceptingPolicy([studyRootFind])) else { return ["rejected"] }
        var seen: [String] = []
        guard case .command(let find) = try association.receive() else { return ["no C-FIND"] }
        seen.append("identifier \(try association.receiveDataSet().count) bytes")
        seen.append("before: \(try association.receiveIfAvailable().map { "\($0)" } ?? "nothing")")
        try association.send(CFindRSP(messageIDBeingRespondedTo: 1, affectedSOPClassUID: studyRootFind, status: .pending),
                             presentationContextID: find.presentationContextID, dataSet: [0x08, 0x00, 0x52, 0x00, 0, 0, 0, 0])
        while true {
            if case .command(let cancel)? = try association.receiveIfAvailable() {
                seen.append("\(cancel.message.commandField)")
                break
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        try association.send(CFindRSP(messageIDBeingRespondedTo: 1, affectedSOPClassUID: studyRootFind, status: .cancel),
                             presentationContextID: find.presentationContextID)
        seen.append("\(try association.receive())")
        return seen
    }
    let association = try AssociationRequestor(callingAETitle: "SCU", configuration: testConfiguration()).request(
        calledAETitle: "SCP", host: "127.0.0.1", port: listener.port,
        presentationContexts: [ProposedPresentationContext(abstractSyntax: studyRootFind, transferSyntaxes: [implicitLittleEndian])])
    let context = try #require(association.acceptedPresentationContext(abstractSyntax: studyRootFind))
    try association.send(CFindRQ(messageID: 1, affectedSOPClassUID: studyRootFind), presentationContextID: context.id,
                         dataSet: [0x08, 0x00, 0x52, 0x00, 6, 0, 0, 0] + ascii("STUDY "))
    guard case .command(let pending) = try association.receive() else { throw TestTimeout() }
    #expect(pending.message.status == .pending && pending.hasDataSet)
    #expect(try association.receiveDataSet().count == 8)
    try association.send(CCancelRQ(messageIDBeingRespondedTo: 1), presentationContextID: context.id)
    guard case .command(let final) = try association.receive() else { throw TestTimeout() }
    #expect(final.message.status == .cancel)
    try association.release()
    let seen = try server.value()
    #expect(seen == ["identifier 14 bytes", "before: nothing", "C-CANCEL RQ", "released"], "\(seen)")
}
