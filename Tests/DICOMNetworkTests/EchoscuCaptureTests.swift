import DICOM
@testable import DICOMNetwork
import Foundation
import QuarryTestSupport
import Testing

/// DCMTK's echoscu connects to a bare listener; its A-ASSOCIATE-RQ is read as it
/// came and decoded, checked against what DCMTK 3.6.7 is known to send, and
/// re-encoded byte for byte.
@Test func echoscuAssociateRequestDecodes() throws {
    let listener = try TCPListener(port: freeTCPPort())
    defer { listener.close() }
    let client = Background {
        try runProcess(TestEnvironment.dcmtk("echoscu"), ["-aet", "A", "-aec", "B", "-ta", "5", "127.0.0.1", String(listener.port)],
                       timeout: 30)
    }
    let connection = try #require(try listener.accept(timeout: .seconds(20)))
    let header = try connection.read(6, timeout: .seconds(10))
    let length = Int(header[2]) << 24 | Int(header[3]) << 16 | Int(header[4]) << 8 | Int(header[5])
    let captured = header + (try connection.read(length, timeout: .seconds(10)))
    // Let echoscu go: a rejection it understands.
    try connection.write(AAssociateRJ(result: .rejectedPermanent, source: .serviceUser, reason: .noReasonGiven).encoded)
    connection.close()

    guard case .associateRQ(let rq) = try PDU(bytes: captured) else {
        Issue.record("not an A-ASSOCIATE-RQ: \(captured.prefix(16))")
        return
    }
    #expect(rq.callingAETitle == "A")
    #expect(rq.calledAETitle == "B")
    #expect(rq.protocolVersion == 1)
    #expect(rq.applicationContextName == dicomApplicationContextName)
    #expect(rq.presentationContexts == [PresentationContextRQItem(id: 1, abstractSyntax: verification,
                                                                  transferSyntaxes: [implicitLittleEndian])])
    #expect(rq.userInformation.implementationClassUID == "1.2.276.0.7230010.3.0.3.6.7")
    #expect(rq.userInformation.implementationVersionName == "OFFIS_DCMTK_367")
    #expect(rq.userInformation.maximumLength == 16384)
    // DCMTK sends FFH in the second reserved byte of the Presentation Context
    // Item (PS3.8 Table 9-13, item byte 7: "sent with a value 00H but not tested");
    // everything else re-encodes to the very bytes echoscu sent.
    let contextItem = 6 + 68 + 25
    #expect(captured[contextItem] == PresentationContextRQItem.itemType && captured[contextItem + 6] == 0xFF)
    var normalized = captured
    normalized[contextItem + 6] = 0
    #expect(PDU.associateRQ(rq).encoded == normalized)

    let result = try client.value(within: 30)
    #expect(result.status != 0)
    #expect(result.stderr.contains("Association Rejected"))
}
