import DICOM
@testable import DICOMNetwork
import Foundation
import Synchronization
import QuarryTestSupport
import Testing

@Test(arguments: [(0, 10), (1, 10), (10, 10), (11, 10), (25, 10), (100, 1)])
func fragmentsStayWithinTheMaximum(size: Int, maximum: Int) {
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0) }
    let pdvs = MessageFragmenter.fragments(of: bytes, presentationContextID: 3, isCommand: false, maximumLength: maximum)
    #expect(pdvs.count == max(1, (size + maximum - 1) / maximum))
    #expect(pdvs.allSatisfy { $0.value.count <= maximum && $0.presentationContextID == 3 && !$0.isCommand })
    #expect(pdvs.dropLast().allSatisfy { !$0.isLast && $0.value.count == maximum })
    #expect(pdvs.last?.isLast == true)
    #expect(Array(pdvs.map(\.value).joined()) == bytes)
}

@Test func streamingFragmenterMatchesWholeMessageFragments() {
    let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    var streamed: [PresentationDataValue] = []
    var fragmenter = MessageFragmenter(presentationContextID: 1, isCommand: false, maximumLength: 1000)
    var offset = 0
    for size in [1, 999, 1000, 1001, 3, 2500, 4496] {       // uneven chunks, 10 000 bytes in all
        fragmenter.append(bytes[offset..<offset + size]) { streamed.append($0) }
        offset += size
    }
    fragmenter.finish { streamed.append($0) }
    #expect(streamed == MessageFragmenter.fragments(of: bytes, presentationContextID: 1, isCommand: false, maximumLength: 1000))
}

/// A C-STORE whose data set is streamed from chunks by our requestor, to our
/// acceptor advertising a small maximum: PDVs stay within it, arrive in order,
/// and reassemble to the bytes sent.
@Test func storeIsFragmentedWithinThePeersMaximumAndReassembled() throws {
    let listener = try TCPListener(port: 0)
    defer { listener.close() }
    let object = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 7) }
    let received = Mutex<[ArraySlice<UInt8>]>([])
    let server = serveOneAssociation(listener, configuration: testConfiguration(maximumPDULength: 4096),
                                     policy: acceptingPolicy([ctImage])) { _, fragments in
        received.withLock { $0 = fragments }
        return .success
    }
    let requestor = AssociationRequestor(callingAETitle: "SCU", configuration: testConfiguration())
    let association = try requestor.request(
        calledAETitle: "SCP", host: "127.0.0.1", port: listener.port,
        presentationContexts: [ProposedPresentationContext(abstractSyntax: ctImage, transferSyntaxes: [explicitLittleEndian])])
    #expect(association.maximumSendPDVLength == 4084)
    let context = try #require(association.acceptedPresentationContext(abstractSyntax: ctImage))
    var offset = 0
    try association.send(CStoreRQ(messageID: 1, affectedSOPClassUID: ctImage, affectedSOPInstanceUID: "1.2.3"),
                         presentationContextID: context.id) {
        guard offset < object.count else { return nil }
        defer { offset += 7000 }
        return object[offset..<min(offset + 7000, object.count)]
    }
    guard case .command(let response) = try association.receive(), case .cStoreRSP(let rsp) = response.message else {
        Issue.record("no C-STORE-RSP")
        return
    }
    #expect(rsp.status == .success && rsp.affectedSOPInstanceUID == "1.2.3")
    try association.release()
    #expect(try server.value() == ["C-STORE 1.2.3 25 fragments", "released"])
    let fragments = received.withLock { $0 }
    #expect(fragments.allSatisfy { $0.count <= 4084 })
    #expect(Array(fragments.joined()) == object)
}

/// Our acceptor and requestor agree on roles as PS3.7 §D.3.3.4 says.
@Test func roleSelectionIsNegotiated() throws {
    let listener = try TCPListener(port: 0)
    defer { listener.close() }
    let server = serveOneAssociation(listener, configuration: testConfiguration(), policy: acceptingPolicy([ctImage, verification]))
    let requestor = AssociationRequestor(callingAETitle: "GETSCU", configuration: testConfiguration())
    let association = try requestor.request(calledAETitle: "SCP", host: "127.0.0.1", port: listener.port, presentationContexts: [
        ProposedPresentationContext(abstractSyntax: verification, transferSyntaxes: [implicitLittleEndian]),
        ProposedPresentationContext(abstractSyntax: ctImage, transferSyntaxes: [implicitLittleEndian], roles: .scpOnly),
    ])
    let ct = try #require(association.acceptedPresentationContext(abstractSyntax: ctImage))
    #expect(!ct.requestorIsSCU && ct.requestorIsSCP)
    #expect(association.acceptance.userInformation.roleSelections == [RoleSelection(sopClassUID: ctImage, scuRole: false, scpRole: true)])
    let echo = try #require(association.acceptedPresentationContext(abstractSyntax: verification))
    #expect(echo.requestorIsSCU && !echo.requestorIsSCP)
    try association.release()
    #expect(try server.value() == ["released"])
}

@Test(arguments: [
    (nil, SCPSCURoles.both, SCPSCURoles?.none, true, false),               // not proposed: default, nothing answered
    (SCPSCURoles.scpOnly, .both, .scpOnly, false, true),                    // C-GET storage: accepted as proposed
    (SCPSCURoles.scpOnly, .scuOnly, SCPSCURoles(scu: false, scp: false), false, false),  // refused: no role left
    (SCPSCURoles.both, .scuOnly, .scuOnly, true, false),
    (SCPSCURoles.scuOnly, .both, .scuOnly, true, false),                    // a role not proposed is never granted
])
func roleAnswersFollowPS37(proposed: SCPSCURoles?, acceptable: SCPSCURoles, answer: SCPSCURoles?, scu: Bool, scp: Bool) {
    let answered = PresentationContextNegotiation.answerRoles(proposed: proposed, acceptSCU: acceptable.scu, acceptSCP: acceptable.scp)
    #expect(answered == answer)
    let roles = PresentationContextNegotiation.negotiatedRoles(proposed: proposed, answered: answered)
    #expect(roles.requestorIsSCU == scu && roles.requestorIsSCP == scp)
}

@Test(arguments: [
    ([implicitLittleEndian, explicitLittleEndian, "1.2.840.10008.1.2.2"], explicitLittleEndian),   // {ILE,ELE,EBE} → ELE
    (["1.2.840.10008.1.2.2", implicitLittleEndian], "1.2.840.10008.1.2.2"),                       // {EBE,ILE} → EBE
    ([implicitLittleEndian], implicitLittleEndian),
    (["1.2.840.10008.1.2.4.50"], nil),
])
func transferSyntaxFollowsOurPreferenceNotTheProposalOrder(proposed: [String], expected: String?) {
    let preference = [explicitLittleEndian, "1.2.840.10008.1.2.2", implicitLittleEndian]   // dcmqrscp's +x= (spec §3.4)
    #expect(PresentationContextNegotiation.selectTransferSyntax(proposed: proposed, preference: preference) == expected)
}
