import DICOM

/// C-MOVE-RQ (PS3.7 §9.3.4.1, Table 9.3-9). The identifier follows as a data set.
package struct CMoveRQ: DIMSECommand {
    package static let commandField = CommandField.cMoveRQ
    package var messageID: UInt16
    package var affectedSOPClassUID: String
    package var priority: Priority
    package var moveDestination: String

    package init(messageID: UInt16, affectedSOPClassUID: String, priority: Priority = .medium, moveDestination: String) {
        (self.messageID, self.affectedSOPClassUID, self.priority, self.moveDestination) =
            (messageID, affectedSOPClassUID, priority, moveDestination)
    }

    package init(commandSet c: DataSet) throws(DIMSEError) {
        messageID = try c.required(.messageID, Self.commandField)
        affectedSOPClassUID = try c.requiredString(.affectedSOPClassUID, Self.commandField)
        priority = Priority(rawValue: try c.required(.priority, Self.commandField))
        guard let destination = c.commandString(.moveDestination) else {
            throw .missingElement(.moveDestination, Self.commandField)
        }
        moveDestination = destination
    }

    package func encodeFields(into c: inout DataSet) {
        c.setString(.affectedSOPClassUID, .UI, affectedSOPClassUID)
        c.setUInt16(.messageID, messageID)
        c.setString(.moveDestination, .AE, moveDestination)
        c.setUInt16(.priority, priority.rawValue)
    }
}
