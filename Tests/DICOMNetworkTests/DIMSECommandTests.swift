import DICOM
@testable import DICOMNetwork
import Testing

/// C-ECHO-RQ as PS3.7 Table 9.3-12 and §E.1 lay it out in Implicit VR Little Endian.
let echoRQGolden: [UInt8] =
    [0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x38, 0x00, 0x00, 0x00]        // (0000,0000) UL 56
    + [0x00, 0x00, 0x02, 0x00, 0x12, 0x00, 0x00, 0x00] + ascii("1.2.840.10008.1.1") + [0x00]  // (0000,0002) UI, NUL padded
    + [0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x30, 0x00]                  // (0000,0100) US 0030H
    + [0x00, 0x00, 0x10, 0x01, 0x02, 0x00, 0x00, 0x00, 0x07, 0x00]                  // (0000,0110) US 7
    + [0x00, 0x00, 0x00, 0x08, 0x02, 0x00, 0x00, 0x00, 0x01, 0x01]                  // (0000,0800) US 0101H

@Test func echoRequestMatchesTheStandardsLayout() throws {
    let encoded = CommandSetCoding.encode(CEchoRQ(messageID: 7).commandSet(hasDataSet: false))
    #expect(encoded == echoRQGolden)
    let decoded = try DIMSEMessage(commandSet: CommandSetCoding.decode(echoRQGolden))
    #expect(decoded == .cEchoRQ(CEchoRQ(messageID: 7)))
}

struct CommandCase: Sendable, CustomTestStringConvertible {
    var message: DIMSEMessage
    var command: any DIMSECommand
    var hasDataSet: Bool
    var testDescription: String { message.commandField.description }
}

let ctImage = "1.2.840.10008.5.1.4.1.1.2"
let studyRootFind = "1.2.840.10008.5.1.4.1.2.2.1"
let commandCases: [CommandCase] = {
    let commands: [(any DIMSECommand, Bool)] = [
        (CEchoRQ(messageID: 1), false),
        (CEchoRSP(messageIDBeingRespondedTo: 1), false),
        (CStoreRQ(messageID: 2, affectedSOPClassUID: ctImage, affectedSOPInstanceUID: "1.2.3.4", priority: .high,
                  moveOriginatorApplicationEntityTitle: "MOVESCU", moveOriginatorMessageID: 9), true),
        (CStoreRSP(messageIDBeingRespondedTo: 2, affectedSOPClassUID: ctImage, affectedSOPInstanceUID: "1.2.3.4",
                   status: .errorDataSetDoesNotMatchSOPClass, errorComment: "no SOP Instance UID",
                   offendingElements: [.sopInstanceUID]), false),
        (CFindRQ(messageID: 3, affectedSOPClassUID: studyRootFind, priority: .low), true),
        (CFindRSP(messageIDBeingRespondedTo: 3, affectedSOPClassUID: studyRootFind, status: .pending), true),
        (CMoveRQ(messageID: 4, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.2.2.2", moveDestination: "DEST"), true),
        (CMoveRSP(messageIDBeingRespondedTo: 4, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.2.2.2",
                  status: .warningSubOperationsCompleteOneOrMoreFailures, remaining: 0, completed: 5, failed: 1,
                  warning: 0), true),
        (CGetRQ(messageID: 5, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.2.2.3"), true),
        (CGetRSP(messageIDBeingRespondedTo: 5, affectedSOPClassUID: nil, status: .pending, remaining: 3, completed: 1,
                 failed: 0, warning: 0), false),
        (CCancelRQ(messageIDBeingRespondedTo: 3), false),
    ]
    return commands.map { CommandCase(message: DIMSEMessage($0.0), command: $0.0, hasDataSet: $0.1) }
}()

@Test(arguments: commandCases)
func commandSetRoundTrips(_ c: CommandCase) throws {
    let set = c.command.commandSet(hasDataSet: c.hasDataSet)
    let bytes = CommandSetCoding.encode(set)
    let decoded = try CommandSetCoding.decode(bytes)
    #expect(try DIMSEMessage(commandSet: decoded) == c.message)
    #expect(decoded.uint16(.commandDataSetType) == (c.hasDataSet ? 0x0001 : 0x0101))
    // The group length counts every byte after itself.
    #expect(decoded.uint32(.commandGroupLength) == UInt32(bytes.count - 12))
}

@Test(arguments: commandCases)
func commandSetCutShortNeverTraps(_ c: CommandCase) {
    let bytes = CommandSetCoding.encode(c.command.commandSet(hasDataSet: c.hasDataSet))
    for length in 0..<bytes.count {
        // Cuts inside an element throw; cuts between elements may lose a required one.
        if let set = try? CommandSetCoding.decode(Array(bytes.prefix(length))) { _ = try? DIMSEMessage(commandSet: set) }
    }
    #expect(throws: MalformedData.self) { try CommandSetCoding.decode(Array(bytes.prefix(bytes.count - 1))) }
}

@Test func missingRequiredFieldIsNamed() throws {
    var set = CStoreRQ(messageID: 1, affectedSOPClassUID: ctImage, affectedSOPInstanceUID: "1.2").commandSet(hasDataSet: true)
    set.remove(.affectedSOPInstanceUID)
    #expect(throws: DIMSEError.missingElement(.affectedSOPInstanceUID, .cStoreRQ)) { try DIMSEMessage(commandSet: set) }
    #expect(DIMSEError.missingElement(.affectedSOPInstanceUID, .cStoreRQ).description
        == "C-STORE RQ: missing AffectedSOPInstanceUID (0000,1000)")
}

@Test func otherCommandsKeepTheirField() throws {
    var set = DataSet()
    set.setUInt16(.commandField, 0x0110)
    set.setUInt16(.messageID, 1)
    #expect(try DIMSEMessage(commandSet: set) == .other(.nGetRQ))
    #expect(CommandField.nGetRQ.hexDescription == "0x110")
}

@Test func commandSetsHoldGroupZeroOnly() {
    let patientID: [UInt8] = [0x10, 0x00, 0x20, 0x00, 0x02, 0x00, 0x00, 0x00, 0x41, 0x42]
    #expect(throws: MalformedData.self) { try CommandSetCoding.decode(patientID) }
    let undefinedLength: [UInt8] = [0x00, 0x00, 0x00, 0x01, 0xFF, 0xFF, 0xFF, 0xFF]
    #expect(throws: MalformedData.self) { try CommandSetCoding.decode(undefinedLength) }
    let lyingLength: [UInt8] = [0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00, 0x30, 0x00]
    #expect(throws: MalformedData(field: "(0000,0100) value", offset: 8, needed: 65536)) {
        try CommandSetCoding.decode(lyingLength)
    }
}
