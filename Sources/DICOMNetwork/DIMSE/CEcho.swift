import DICOM

/// C-ECHO-RQ (PS3.7 §9.3.5.1, Table 9.3-12).
package struct CEchoRQ: DIMSECommand {
    package static let commandField = CommandField.cEchoRQ
    package var messageID: UInt16
    package var affectedSOPClassUID: String

    package init(messageID: UInt16, affectedSOPClassUID: String = SOPClass.verificationUID) {
        (self.messageID, self.affectedSOPClassUID) = (messageID, affectedSOPClassUID)
    }

    package init(commandSet c: DataSet) throws(DIMSEError) {
        messageID = try c.required(.messageID, Self.commandField)
        affectedSOPClassUID = try c.requiredString(.affectedSOPClassUID, Self.commandField)
    }

    package func encodeFields(into c: inout DataSet) {
        c.setString(.affectedSOPClassUID, .UI, affectedSOPClassUID)
        c.setUInt16(.messageID, messageID)
    }
}

/// C-ECHO-RSP (PS3.7 §9.3.5.2, Table 9.3-13).
package struct CEchoRSP: DIMSECommand {
    package static let commandField = CommandField.cEchoRSP
    package var messageIDBeingRespondedTo: UInt16
    package var affectedSOPClassUID: String?
    package var status: Status

    package init(messageIDBeingRespondedTo: UInt16, affectedSOPClassUID: String? = SOPClass.verificationUID,
                 status: Status = .success) {
        (self.messageIDBeingRespondedTo, self.affectedSOPClassUID, self.status) =
            (messageIDBeingRespondedTo, affectedSOPClassUID, status)
    }

    package init(commandSet c: DataSet) throws(DIMSEError) {
        messageIDBeingRespondedTo = try c.required(.messageIDBeingRespondedTo, Self.commandField)
        affectedSOPClassUID = c.commandString(.affectedSOPClassUID)
        status = Status(try c.required(.status, Self.commandField))
    }

    package func encodeFields(into c: inout DataSet) {
        c.setOptionalString(.affectedSOPClassUID, .UI, affectedSOPClassUID)
        c.setUInt16(.messageIDBeingRespondedTo, messageIDBeingRespondedTo)
        c.setUInt16(.status, status.rawValue)
    }
}

/// C-CANCEL-RQ (PS3.7 §9.3.2.3, Table 9.3-3, also §9.3.3.3 and §9.3.4.3).
package struct CCancelRQ: DIMSECommand {
    package static let commandField = CommandField.cCancelRQ
    package var messageIDBeingRespondedTo: UInt16

    package init(messageIDBeingRespondedTo: UInt16) { self.messageIDBeingRespondedTo = messageIDBeingRespondedTo }

    package init(commandSet c: DataSet) throws(DIMSEError) {
        messageIDBeingRespondedTo = try c.required(.messageIDBeingRespondedTo, Self.commandField)
    }

    package func encodeFields(into c: inout DataSet) {
        c.setUInt16(.messageIDBeingRespondedTo, messageIDBeingRespondedTo)
    }
}
