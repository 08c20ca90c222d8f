import DICOM

/// C-STORE-RQ (PS3.7 §9.3.1.1, Table 9.3-1). A data set always follows.
package struct CStoreRQ: DIMSECommand {
    package static let commandField = CommandField.cStoreRQ
    package var messageID: UInt16
    package var affectedSOPClassUID: String
    package var affectedSOPInstanceUID: String
    package var priority: Priority
    /// Set when the store is a C-MOVE sub-operation.
    package var moveOriginatorApplicationEntityTitle: String?
    package var moveOriginatorMessageID: UInt16?

    package init(messageID: UInt16, affectedSOPClassUID: String, affectedSOPInstanceUID: String,
                 priority: Priority = .medium, moveOriginatorApplicationEntityTitle: String? = nil,
                 moveOriginatorMessageID: UInt16? = nil) {
        self.messageID = messageID
        self.affectedSOPClassUID = affectedSOPClassUID
        self.affectedSOPInstanceUID = affectedSOPInstanceUID
        self.priority = priority
        self.moveOriginatorApplicationEntityTitle = moveOriginatorApplicationEntityTitle
        self.moveOriginatorMessageID = moveOriginatorMessageID
    }

    package init(commandSet c: DataSet) throws(DIMSEError) {
        messageID = try c.required(.messageID, Self.commandField)
        affectedSOPClassUID = try c.requiredString(.affectedSOPClassUID, Self.commandField)
        affectedSOPInstanceUID = try c.requiredString(.affectedSOPInstanceUID, Self.commandField)
        priority = Priority(rawValue: try c.required(.priority, Self.commandField))
        moveOriginatorApplicationEntityTitle = c.commandString(.moveOriginatorApplicationEntityTitle)
        moveOriginatorMessageID = c.uint16(.moveOriginatorMessageID)
    }

    package func encodeFields(into c: inout DataSet) {
        c.setString(.affectedSOPClassUID, .UI, affectedSOPClassUID)
        c.setUInt16(.messageID, messageID)
        c.setUInt16(.priority, priority.rawValue)
        c.setString(.affectedSOPInstanceUID, .UI, affectedSOPInstanceUID)
        c.setOptionalString(.moveOriginatorApplicationEntityTitle, .AE, moveOriginatorApplicationEntityTitle)
        c.setOptionalUInt16(.moveOriginatorMessageID, moveOriginatorMessageID)
    }
}

/// C-STORE-RSP (PS3.7 §9.3.1.2, Table 9.3-2).
package struct CStoreRSP: DIMSECommand {
    package static let commandField = CommandField.cStoreRSP
    package var messageIDBeingRespondedTo: UInt16
    package var affectedSOPClassUID: String?
    package var affectedSOPInstanceUID: String?
    package var status: Status
    package var errorComment: String?
    package var offendingElements: [Tag]?

    package init(messageIDBeingRespondedTo: UInt16, affectedSOPClassUID: String?, affectedSOPInstanceUID: String?,
                 status: Status, errorComment: String? = nil, offendingElements: [Tag]? = nil) {
        self.messageIDBeingRespondedTo = messageIDBeingRespondedTo
        self.affectedSOPClassUID = affectedSOPClassUID
        self.affectedSOPInstanceUID = affectedSOPInstanceUID
        self.status = status
        self.errorComment = errorComment
        self.offendingElements = offendingElements
    }

    package init(commandSet c: DataSet) throws(DIMSEError) {
        messageIDBeingRespondedTo = try c.required(.messageIDBeingRespondedTo, Self.commandField)
        affectedSOPClassUID = c.commandString(.affectedSOPClassUID)
        affectedSOPInstanceUID = c.commandString(.affectedSOPInstanceUID)
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
        c.setOptionalString(.affectedSOPInstanceUID, .UI, affectedSOPInstanceUID)
    }
}
