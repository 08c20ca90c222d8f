import DICOM

/// The command elements of PS3.7 §E.1 (Table E.1-1), group 0000.
extension Tag {
    package static let commandGroupLength = Tag(0x0000, 0x0000)
    package static let affectedSOPClassUID = Tag(0x0000, 0x0002)
    package static let requestedSOPClassUID = Tag(0x0000, 0x0003)
    package static let commandField = Tag(0x0000, 0x0100)
    package static let messageID = Tag(0x0000, 0x0110)
    package static let messageIDBeingRespondedTo = Tag(0x0000, 0x0120)
    package static let moveDestination = Tag(0x0000, 0x0600)
    package static let priority = Tag(0x0000, 0x0700)
    package static let commandDataSetType = Tag(0x0000, 0x0800)
    package static let status = Tag(0x0000, 0x0900)
    package static let offendingElement = Tag(0x0000, 0x0901)
    package static let errorComment = Tag(0x0000, 0x0902)
    package static let errorID = Tag(0x0000, 0x0903)
    package static let affectedSOPInstanceUID = Tag(0x0000, 0x1000)
    package static let requestedSOPInstanceUID = Tag(0x0000, 0x1001)
    package static let eventTypeID = Tag(0x0000, 0x1002)
    package static let attributeIdentifierList = Tag(0x0000, 0x1005)
    package static let actionTypeID = Tag(0x0000, 0x1008)
    package static let numberOfRemainingSuboperations = Tag(0x0000, 0x1020)
    package static let numberOfCompletedSuboperations = Tag(0x0000, 0x1021)
    package static let numberOfFailedSuboperations = Tag(0x0000, 0x1022)
    package static let numberOfWarningSuboperations = Tag(0x0000, 0x1023)
    package static let moveOriginatorApplicationEntityTitle = Tag(0x0000, 0x1030)
    package static let moveOriginatorMessageID = Tag(0x0000, 0x1031)
}

/// VRs of the command elements (PS3.7 Table E.1-1); implicit VR Little Endian
/// carries none on the wire. Unknown group-0000 tags read as UN.
enum CommandDictionary {
    static let entries: [Tag: (vr: VR, keyword: String)] = [
        .commandGroupLength: (.UL, "CommandGroupLength"),
        .affectedSOPClassUID: (.UI, "AffectedSOPClassUID"),
        .requestedSOPClassUID: (.UI, "RequestedSOPClassUID"),
        .commandField: (.US, "CommandField"),
        .messageID: (.US, "MessageID"),
        .messageIDBeingRespondedTo: (.US, "MessageIDBeingRespondedTo"),
        .moveDestination: (.AE, "MoveDestination"),
        .priority: (.US, "Priority"),
        .commandDataSetType: (.US, "CommandDataSetType"),
        .status: (.US, "Status"),
        .offendingElement: (.AT, "OffendingElement"),
        .errorComment: (.LO, "ErrorComment"),
        .errorID: (.US, "ErrorID"),
        .affectedSOPInstanceUID: (.UI, "AffectedSOPInstanceUID"),
        .requestedSOPInstanceUID: (.UI, "RequestedSOPInstanceUID"),
        .eventTypeID: (.US, "EventTypeID"),
        .attributeIdentifierList: (.AT, "AttributeIdentifierList"),
        .actionTypeID: (.US, "ActionTypeID"),
        .numberOfRemainingSuboperations: (.US, "NumberOfRemainingSuboperations"),
        .numberOfCompletedSuboperations: (.US, "NumberOfCompletedSuboperations"),
        .numberOfFailedSuboperations: (.US, "NumberOfFailedSuboperations"),
        .numberOfWarningSuboperations: (.US, "NumberOfWarningSuboperations"),
        .moveOriginatorApplicationEntityTitle: (.AE, "MoveOriginatorApplicationEntityTitle"),
        .moveOriginatorMessageID: (.US, "MoveOriginatorMessageID"),
    ]

    static func vr(for tag: Tag) -> VR { entries[tag]?.vr ?? .UN }
    static func keyword(for tag: Tag) -> String { entries[tag]?.keyword ?? "Unknown" }
}
