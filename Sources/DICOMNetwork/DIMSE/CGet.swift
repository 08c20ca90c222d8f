import DICOM

/// C-GET-RQ (PS3.7 §9.3.3.1, Table 9.3-7). The identifier follows as a data set.
package struct CGetRQ: DIMSECommand {
    package static let commandField = CommandField.cGetRQ
    package var messageID: UInt16
    package var affectedSOPClassUID: String
    package var priority: Priority

    package init(messageID: UInt16, affectedSOPClassUID: String, priority: Priority = .medium) {
        (self.messageID, self.affectedSOPClassUID, self.priority) = (messageID, affectedSOPClassUID, priority)
    }

    package init(commandSet c: DataSet) throws(DIMSEError) {
        messageID = try c.required(.messageID, Self.commandField)
        affectedSOPClassUID = try c.requiredString(.affectedSOPClassUID, Self.commandField)
        priority = Priority(rawValue: try c.required(.priority, Self.commandField))
    }

    package func encodeFields(into c: inout DataSet) {
        c.setString(.affectedSOPClassUID, .UI, affectedSOPClassUID)
        c.setUInt16(.messageID, messageID)
        c.setUInt16(.priority, priority.rawValue)
    }
}
