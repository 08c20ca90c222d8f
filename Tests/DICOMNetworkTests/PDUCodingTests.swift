import DICOM
@testable import DICOMNetwork
import Testing

/// The values the golden PDUs carry, built independently of the bytes.
enum Expected {
    static let fullUserInformationRQ = UserInformation(
        maximumLength: 16384, implementationClassUID: "1.2.3.4.5", implementationVersionName: "QUARRY_TEST",
        asynchronousOperationsWindow: AsynchronousOperationsWindow(maximumNumberOperationsInvoked: 5,
                                                                   maximumNumberOperationsPerformed: 3),
        roleSelections: [RoleSelection(sopClassUID: "1.2.840.10008.5.1.4.1.1.2", scuRole: true, scpRole: true)],
        extendedNegotiations: [SOPClassExtendedNegotiation(sopClassUID: "1.2.840.10008.5.1.4.1.2.2.1",
                                                           serviceClassApplicationInformation: [1, 1, 1])],
        commonExtendedNegotiations: [SOPClassCommonExtendedNegotiation(
            sopClassUID: "1.2.840.10008.5.1.4.1.1.2", serviceClassUID: "1.2.840.10008.4.2",
            relatedGeneralSOPClassUIDs: ["1.2.840.10008.5.1.4.1.1.2.1"])],
        userIdentityRequest: UserIdentityRequest(identityType: .usernameAndPasscode, positiveResponseRequested: true,
                                                 primaryField: ascii("user"), secondaryField: ascii("pass")))

    static let associateRQ = AAssociateRQ(
        calledAETitle: "ANY-SCP", callingAETitle: "ECHOSCU",
        presentationContexts: [PresentationContextRQItem(id: 1, abstractSyntax: "1.2.840.10008.1.1",
                                                         transferSyntaxes: ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1"])],
        userInformation: fullUserInformationRQ)

    static let associateAC = AAssociateAC(
        calledAETitle: "ANY-SCP", callingAETitle: "ECHOSCU",
        presentationContexts: [
            PresentationContextACItem(id: 1, result: .acceptance, transferSyntax: "1.2.840.10008.1.2"),
            PresentationContextACItem(id: 3, result: .abstractSyntaxNotSupported, transferSyntax: "1.2.840.10008.1.2"),
        ],
        userInformation: UserInformation(
            maximumLength: 16384, implementationClassUID: "1.2.3.4.5", implementationVersionName: "QUARRY_TEST",
            asynchronousOperationsWindow: AsynchronousOperationsWindow(maximumNumberOperationsInvoked: 5,
                                                                       maximumNumberOperationsPerformed: 3),
            roleSelections: [RoleSelection(sopClassUID: "1.2.840.10008.5.1.4.1.1.2", scuRole: true, scpRole: true)],
            userIdentityResponse: UserIdentityResponse(serverResponse: ascii("ok"))))

    static let pDataTF = PDataTF(values: [
        PresentationDataValue(presentationContextID: 1, header: MessageControlHeader(isCommand: true, isLast: true),
                              value: [0xAA, 0xBB, 0xCC]),
        PresentationDataValue(presentationContextID: 1, header: MessageControlHeader(isCommand: false, isLast: false),
                              value: [0x01, 0x02, 0x03]),
    ])
}

struct GoldenCase: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var pdu: PDU
    var testDescription: String { name }
}

let goldenCases: [GoldenCase] = [
    GoldenCase(name: "A-ASSOCIATE-RQ", bytes: Golden.associateRQ, pdu: .associateRQ(Expected.associateRQ)),
    GoldenCase(name: "A-ASSOCIATE-AC", bytes: Golden.associateAC, pdu: .associateAC(Expected.associateAC)),
    GoldenCase(name: "A-ASSOCIATE-RJ", bytes: Golden.associateRJ,
               pdu: .associateRJ(AAssociateRJ(result: .rejectedPermanent, source: .serviceUser,
                                              reason: .calledAETitleNotRecognized))),
    GoldenCase(name: "P-DATA-TF", bytes: Golden.pDataTF, pdu: .pDataTF(Expected.pDataTF)),
    GoldenCase(name: "A-RELEASE-RQ", bytes: Golden.releaseRQ, pdu: .releaseRQ(AReleaseRQ())),
    GoldenCase(name: "A-RELEASE-RP", bytes: Golden.releaseRP, pdu: .releaseRP(AReleaseRP())),
    GoldenCase(name: "A-ABORT", bytes: Golden.abort, pdu: .abort(AAbort(source: .serviceProvider, reason: .unexpectedPDU))),
]

@Test(arguments: goldenCases)
func goldenPDUDecodesAndReencodesByteForByte(_ golden: GoldenCase) throws {
    let decoded = try PDU(bytes: golden.bytes)
    #expect(decoded == golden.pdu)
    #expect(decoded.encoded == golden.bytes)
    #expect(golden.pdu.encoded == golden.bytes)
}

/// Cut anywhere before its end, a PDU whose header promises more bytes is an error, never a trap.
@Test(arguments: goldenCases)
func truncatedPDUThrows(_ golden: GoldenCase) {
    for length in 0..<golden.bytes.count {
        #expect(throws: PDUDecodingError.self, "cut at \(length)") { try PDU(bytes: Array(golden.bytes.prefix(length))) }
    }
}

/// A body cut at every length with the PDU length adjusted to match: the inner
/// item lengths now lie. Each cut decodes to something or throws a typed error.
@Test(arguments: goldenCases)
func bodyCutAtEveryLengthNeverTraps(_ golden: GoldenCase) {
    let body = Array(golden.bytes.dropFirst(PDU.headerLength))
    var failures = 0
    for length in 0..<body.count {
        do { _ = try PDU(type: golden.bytes[0], body: Array(body.prefix(length))) } catch { failures += 1 }
    }
    // Cutting inside the fixed fields always fails; only item boundaries can decode.
    #expect(failures >= min(body.count, 4))
}

struct SubItemCase: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var expected: UserInformation
    var testDescription: String { name }
}

/// Each sub-item alone in a User Information item (50H).
let subItemCases: [SubItemCase] = [
    SubItemCase(name: "Maximum Length (51H)", bytes: Golden.maximumLengthSubItem,
                expected: UserInformation(maximumLength: 16384)),
    SubItemCase(name: "Implementation Class UID (52H)", bytes: Golden.implementationClassUIDSubItem,
                expected: UserInformation(implementationClassUID: "1.2.3.4.5")),
    SubItemCase(name: "Asynchronous Operations Window (53H)", bytes: Golden.asynchronousOperationsWindowSubItem,
                expected: UserInformation(asynchronousOperationsWindow: AsynchronousOperationsWindow(
                    maximumNumberOperationsInvoked: 5, maximumNumberOperationsPerformed: 3))),
    SubItemCase(name: "SCP/SCU Role Selection (54H)", bytes: Golden.roleSelectionSubItem,
                expected: UserInformation(roleSelections: Expected.fullUserInformationRQ.roleSelections)),
    SubItemCase(name: "Implementation Version Name (55H)", bytes: Golden.implementationVersionNameSubItem,
                expected: UserInformation(implementationVersionName: "QUARRY_TEST")),
    SubItemCase(name: "SOP Class Extended Negotiation (56H)", bytes: Golden.extendedNegotiationSubItem,
                expected: UserInformation(extendedNegotiations: Expected.fullUserInformationRQ.extendedNegotiations)),
    SubItemCase(name: "SOP Class Common Extended Negotiation (57H)", bytes: Golden.commonExtendedNegotiationSubItem,
                expected: UserInformation(commonExtendedNegotiations: Expected.fullUserInformationRQ.commonExtendedNegotiations)),
    SubItemCase(name: "User Identity RQ (58H)", bytes: Golden.userIdentityRQSubItem,
                expected: UserInformation(userIdentityRequest: Expected.fullUserInformationRQ.userIdentityRequest)),
    SubItemCase(name: "User Identity AC (59H)", bytes: Golden.userIdentityACSubItem,
                expected: UserInformation(userIdentityResponse: UserIdentityResponse(serverResponse: ascii("ok")))),
]

@Test(arguments: subItemCases)
func userInformationSubItemRoundTrips(_ golden: SubItemCase) throws {
    let item: [UInt8] = [0x50, 0x00, 0x00, UInt8(golden.bytes.count)] + golden.bytes
    var value = ByteReader(Array(item.dropFirst(4)))
    #expect(try UserInformation(value: &value) == golden.expected)
    #expect(golden.expected.encoded == item)
}

/// A sub-item whose inner length runs past the sub-item throws, naming the field.
@Test(arguments: subItemCases)
func truncatedSubItemThrows(_ golden: SubItemCase) {
    for cut in 4..<golden.bytes.count {
        // The sub-item's own length is shortened to `cut - 4` so the reader stops inside its fields.
        var sub = Array(golden.bytes.prefix(cut))
        sub[2] = 0
        sub[3] = UInt8(cut - 4)
        var value = ByteReader(sub)
        let result = Result { () throws(MalformedData) in try UserInformation(value: &value) }
        // A text sub-item (a UID, a name) is whatever bytes remain, as is the application
        // information closing an extended negotiation (from byte 4 + 2 + 27); every other cut fails.
        let decodableFrom = switch golden.bytes[0] { case 0x52, 0x55: 4; case 0x56: 33; default: Int.max }
        switch result {
        case .failure(let error): #expect(cut < decodableFrom && !error.field.isEmpty, "cut at \(cut)")
        case .success: #expect(cut >= decodableFrom, "cut at \(cut) decoded")
        }
    }
}

@Test func unknownItemsAndSubItemsAreSkipped() throws {
    // The RQ of the golden with an item of type 7FH before the user information item
    // and a sub-item of type 5FH inside it (PS3.8 §9.3.1: unrecognized items are ignored).
    let unknownItem: [UInt8] = [0x7F, 0x00, 0x00, 0x02, 0xDE, 0xAD]
    let unknownSubItem: [UInt8] = [0x5F, 0x00, 0x00, 0x01, 0x42]
    let userInformation: [UInt8] = [0x50, 0x00, 0x00, 0xD4 + 5] + Array(Golden.userInformationRQItem.dropFirst(4)) + unknownSubItem
    let body = Array(Golden.associateRQ.dropFirst(6).prefix(68 + 25 + 73)) + unknownItem + userInformation
    let decoded = try PDU(type: 0x01, body: body)
    #expect(decoded == .associateRQ(Expected.associateRQ))
}

@Test func unrecognizedPDUTypeIsNamed() {
    #expect(throws: PDUDecodingError.unrecognizedPDUType(0x09)) { try PDU(bytes: [0x09, 0, 0, 0, 0, 0]) }
}

@Test func malformedDataNamesFieldAndOffset() {
    // A-ASSOCIATE-RQ whose body stops inside the Calling-AE-title (offset 6 + 4 + 16 = 26).
    let cut = Array(Golden.associateRQ.prefix(30))
    var patched = cut
    (patched[4], patched[5]) = (0, 24)
    #expect(throws: PDUDecodingError.malformed(MalformedData(field: "Calling-AE-title", offset: 26, needed: 16))) {
        try PDU(bytes: patched)
    }
}

@Test func pDataTFWithoutPDVsIsMalformed() {
    #expect(throws: PDUDecodingError.self) { try PDU(bytes: [0x04, 0, 0, 0, 0, 0]) }
    // A PDV item length of 1 cannot hold the context ID and the message control header.
    #expect(throws: PDUDecodingError.self) { try PDU(bytes: [0x04, 0, 0, 0, 0, 5, 0, 0, 0, 1, 1]) }
}

@Test func associateRJDescriptionReadsLikeDCMTK() {
    let rj = AAssociateRJ(result: .rejectedPermanent, source: .serviceUser, reason: .calledAETitleNotRecognized)
    #expect(rj.description == "Result: Rejected Permanent, Source: Service User\nReason: Called AE Title Not Recognized")
    let busy = AAssociateRJ(result: .rejectedTransient, source: .serviceProviderPresentation, reason: .localLimitExceeded)
    #expect(busy.description == "Result: Rejected Transient, Source: Service Provider (Presentation Related)\nReason: Local Limit Exceeded")
}

@Test func pduDumpReadsLikeDCMTKDebugOutput() {
    #expect(dcmtkPDUHeaderDump(Golden.associateRJ) == """
        PDU Type: Associate Reject, PDU Length: 4 + 6 bytes PDU header
          03  00  00  00  00  04  00  01  01  07
        """)
    let lines = dcmtkPDUHeaderDump(Golden.associateRQ).split(separator: "\n")
    #expect(lines[0] == "PDU Type: Associate Request, PDU Length: 382 + 6 bytes PDU header")
    #expect(lines[1] == "  01  00  00  00  01  7e  00  01  00  00  41  4e  59  2d  53  43")
    #expect(lines.count == 1 + (388 + 15) / 16)
}
