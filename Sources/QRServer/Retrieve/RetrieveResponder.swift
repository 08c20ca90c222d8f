import Archive
import DICOM
import DICOMNetwork

/// Sends the responses of one C-MOVE or C-GET on the requesting association and logs
/// them as dcmqrscp (`Move SCP Response 3 [status: Pending]`, spec §10).
struct RetrieveResponder<Response: RetrieveResponse> {
    let environment: QueryRetrieveEnvironment
    let messageID: UInt16
    let sopClassUID: String
    let presentationContextID: UInt8
    /// "Move" or "Get".
    let serviceName: String
    private(set) var number = 0

    init(environment: QueryRetrieveEnvironment, messageID: UInt16, sopClassUID: String, presentationContextID: UInt8,
         serviceName: String) {
        (self.environment, self.messageID, self.sopClassUID) = (environment, messageID, sopClassUID)
        (self.presentationContextID, self.serviceName) = (presentationContextID, serviceName)
    }

    /// A pending response with the counters after a sub-operation.
    mutating func pending(_ counts: SubOperationCounts) throws {
        try send(counts.response(Response.self, to: messageID, sopClassUID: sopClassUID, status: .pending), identifier: nil)
    }

    /// The final response for `counts` (status and Failed SOP Instance UID List from them).
    mutating func final(_ counts: SubOperationCounts, cancelled: Bool) throws {
        let status = counts.finalStatus(cancelled: cancelled)
        try send(counts.response(Response.self, to: messageID, sopClassUID: sopClassUID, status: status),
                 identifier: counts.finalIdentifier(status: status))
    }

    /// A final response that is not about sub-operations (0xA801, 0xA900, 0xC000): the
    /// counters all 0, Remaining absent, no identifier.
    mutating func refuse(_ status: Status, errorComment: String? = nil) throws {
        let response = SubOperationCounts(total: 0).response(Response.self, to: messageID, sopClassUID: sopClassUID,
                                                             status: status, errorComment: errorComment.map { String($0.prefix(64)) })
        try send(response, identifier: nil)
    }

    private mutating func send(_ response: Response, identifier: DataSet?) throws {
        number += 1
        let bytes = try identifier?.encoded(transferSyntax: environment.transferSyntax)
        try environment.association.send(response, presentationContextID: presentationContextID, dataSet: bytes)
        let command = Response.commandField
        environment.log.info("\(serviceName) SCP Response \(number) [status: \(response.status.dcmtkText(for: command))]")
        if let identifier {
            environment.log.debug("\(serviceName) SCP Response Identifiers:\n"
                                  + identifier.dcmtkDump(transferSyntax: environment.transferSyntax))
        }
    }
}
