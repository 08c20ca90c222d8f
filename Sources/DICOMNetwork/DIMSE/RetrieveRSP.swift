import DICOM

/// C-MOVE-RSP (PS3.7 §9.3.4.2, Table 9.3-10) and C-GET-RSP (§9.3.3.2, Table 9.3-8):
/// the same fields, told apart only by their Command Field.
package typealias CMoveRSP = RetrieveRSP<CMoveRSPCommand>
package typealias CGetRSP = RetrieveRSP<CGetRSPCommand>

/// Which of the two retrieve responses a `RetrieveRSP` is.
package protocol RetrieveRSPCommand: Sendable {
    static var commandField: CommandField { get }
}

package enum CMoveRSPCommand: RetrieveRSPCommand {
    package static var commandField: CommandField { .cMoveRSP }
}

package enum CGetRSPCommand: RetrieveRSPCommand {
    package static var commandField: CommandField { .cGetRSP }
}

/// A C-MOVE-RSP or C-GET-RSP.
package struct RetrieveRSP<Command: RetrieveRSPCommand>: DIMSECommand, RetrieveResponse {
    package static var commandField: CommandField { Command.commandField }
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

/// The fields C-MOVE-RSP and C-GET-RSP share.
package protocol RetrieveResponse: DIMSECommand {
    var messageIDBeingRespondedTo: UInt16 { get set }
    var affectedSOPClassUID: String? { get set }
    var status: Status { get set }
    var numberOfRemainingSuboperations: UInt16? { get set }
    var numberOfCompletedSuboperations: UInt16? { get set }
    var numberOfFailedSuboperations: UInt16? { get set }
    var numberOfWarningSuboperations: UInt16? { get set }
    var errorComment: String? { get set }
    var offendingElements: [Tag]? { get set }
    init(messageIDBeingRespondedTo: UInt16, affectedSOPClassUID: String?, status: Status,
         remaining: UInt16?, completed: UInt16?, failed: UInt16?, warning: UInt16?,
         errorComment: String?, offendingElements: [Tag]?)
}

extension RetrieveResponse {
    init(retrieveResponse c: DataSet, _ command: CommandField) throws(DIMSEError) {
        self.init(messageIDBeingRespondedTo: try c.required(.messageIDBeingRespondedTo, command),
                  affectedSOPClassUID: c.commandString(.affectedSOPClassUID),
                  status: Status(try c.required(.status, command)),
                  remaining: c.uint16(.numberOfRemainingSuboperations),
                  completed: c.uint16(.numberOfCompletedSuboperations),
                  failed: c.uint16(.numberOfFailedSuboperations),
                  warning: c.uint16(.numberOfWarningSuboperations),
                  errorComment: c.string(.errorComment), offendingElements: c.tags(.offendingElement))
    }

    package func encodeFields(into c: inout DataSet) {
        c.setOptionalString(.affectedSOPClassUID, .UI, affectedSOPClassUID)
        c.setUInt16(.messageIDBeingRespondedTo, messageIDBeingRespondedTo)
        c.setUInt16(.status, status.rawValue)
        if let offendingElements { c.setTags(.offendingElement, offendingElements) }
        c.setOptionalString(.errorComment, .LO, errorComment)
        c.setOptionalUInt16(.numberOfRemainingSuboperations, numberOfRemainingSuboperations)
        c.setOptionalUInt16(.numberOfCompletedSuboperations, numberOfCompletedSuboperations)
        c.setOptionalUInt16(.numberOfFailedSuboperations, numberOfFailedSuboperations)
        c.setOptionalUInt16(.numberOfWarningSuboperations, numberOfWarningSuboperations)
    }
}
