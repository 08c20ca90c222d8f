import DICOM

/// C-FIND-RQ (PS3.7 §9.3.2.1, Table 9.3-3). The identifier follows as a data set.
package struct CFindRQ: DIMSECommand {
    package static let commandField = CommandField.cFindRQ
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

/// C-FIND-RSP (PS3.7 §9.3.2.2, Table 9.3-4). Pending responses carry an identifier.
package struct CFindRSP: DIMSECommand {
    package static let commandField = CommandField.cFindRSP
    package var messageIDBeingRespondedTo: UInt16
    package var affectedSOPClassUID: String?
    package var status: Status
    package var errorComment: String?
    package var offendingElements: [Tag]?

    package init(messageIDBeingRespondedTo: UInt16, affectedSOPClassUID: String?, status: Status,
                 errorComment: String? = nil, offendingElements: [Tag]? = nil) {
        self.messageIDBeingRespondedTo = messageIDBeingRespondedTo
        self.affectedSOPClassUID = affectedSOPClassUID
        self.status = status
        self.errorComment = errorComment
        self.offendingElements = offendingElements
    }

    package init(commandSet c: DataSet) throws(DIMSEError) {
        messageIDBeingRespondedTo = try c.required(.messageIDBeingRespondedTo, Self.commandField)
        affectedSOPClassUID = c.commandString(.affectedSOPClassUID)
        status = Status(try c.required(.status, Self.commandField))
        errorComment = c.string(.errorComment)
        offendingElements = c.tags(.offendingElement)
    }

    package func encodeFields(into c: inout DataSet) {
        c.setOptionalString(.affectedSOPClassUID, .UI, affectedSOPClassUID)
        c.setUInt16(.messageIDBeingRespondedTo, messageIDBeingRespondedTo)
        c.setUInt16(.status, status.rawValue)
        if let offendingElements { c.setTags(.offendingElement, offendingElements) }
        c.setOptionalString(.errorComment, .LO, errorComment)
    }
}
