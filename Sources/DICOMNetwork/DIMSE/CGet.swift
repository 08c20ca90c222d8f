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

/// C-GET-RSP (PS3.7 §9.3.3.2, Table 9.3-8).
package struct CGetRSP: DIMSECommand, RetrieveResponse {
    package static let commandField = CommandField.cGetRSP
    package var messageIDBeingRespondedTo: UInt16
    package var affectedSOPClassUID: String?
    package var status: Status
    package var numberOfRemainingSuboperations: UInt16?
    package var numberOfCompletedSuboperations: UInt16?
    package var numberOfFailedSuboperations: UInt16?
    package var numberOfWarningSuboperations: UInt16?
    package var errorComment: String?
    package var offendingElements: [Tag]?

    package init(messageIDBeingRespondedTo: UInt16, affectedSOPClassUID: String?, status: Status,
                 remaining: UInt16? = nil, completed: UInt16? = nil, failed: UInt16? = nil, warning: UInt16? = nil,
                 errorComment: String? = nil, offendingElements: [Tag]? = nil) {
        self.messageIDBeingRespondedTo = messageIDBeingRespondedTo
        self.affectedSOPClassUID = affectedSOPClassUID
        self.status = status
        (numberOfRemainingSuboperations, numberOfCompletedSuboperations) = (remaining, completed)
        (numberOfFailedSuboperations, numberOfWarningSuboperations) = (failed, warning)
        self.errorComment = errorComment
        self.offendingElements = offendingElements
    }

    package init(commandSet c: DataSet) throws(DIMSEError) {
        try self.init(retrieveResponse: c, Self.commandField)
    }
}
