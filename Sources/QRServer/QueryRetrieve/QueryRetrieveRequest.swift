import Archive
import DICOM
import DICOMNetwork

/// The parts of a C-FIND, C-MOVE or C-GET request every service reads the same
/// way: the information model of its presentation context, and the identifier.
enum QueryRetrieveRequest {
    /// The request's identifier, decoded in the context's transfer syntax; a
    /// failure is the Error Comment to answer with (0xA900: the identifier cannot
    /// be the query the SOP class asks for).
    static func identifier(_ command: IncomingCommand,
                           in environment: QueryRetrieveEnvironment) throws(AssociationError) -> Result<DataSet, QueryFailure> {
        guard command.hasDataSet else {
            return .failure(QueryFailure(status: QueryFailure.identifierDoesNotMatchSOPClass,
                                         errorComment: "No identifier", logLines: []))
        }
        let bytes = try environment.association.receiveDataSet()
        do {
            return .success(try DataSet(decoding: bytes, transferSyntax: environment.transferSyntax))
        } catch {
            let comment = "Identifier does not decode: \(error)"
            return .failure(QueryFailure(status: QueryFailure.identifierDoesNotMatchSOPClass, errorComment: comment,
                                         logLines: [QueryLogLine(.error, comment)]))
        }
    }

    /// The model of the request's presentation context, if it is a Q/R one of `service`.
    static func model(_ environment: QueryRetrieveEnvironment,
                      _ service: QueryRetrieveInformationModel.Service) -> QueryRetrieveInformationModel? {
        guard let model = QueryRetrieveInformationModel(sopClassUID: environment.presentationContext.abstractSyntax),
              model.service == service else { return nil }
        return model
    }
}

/// What the peer asked between two responses of a running operation (PS3.7
/// §9.3.2.3: C-CANCEL-RQ), read without waiting.
enum CancelCheck {
    /// True when a C-CANCEL-RQ for `messageID` has arrived. A C-CANCEL for another
    /// message is logged and ignored; any other command while the operation runs
    /// breaks PS3.7 (no asynchronous operations are negotiated): it throws, and the
    /// association is aborted. A release request throws `peerReleased`.
    static func cancelRequested(_ association: Association, messageID: UInt16, log: Log) throws -> Bool {
        while let message = try association.receiveIfAvailable() {
            guard case .command(let command) = message else { throw AssociationError.peerReleased }
            guard case .cCancelRQ(let cancel) = command.message else {
                throw AssociationError.dimse("\(command.message.commandField) received while message \(messageID) is answered")
            }
            if cancel.messageIDBeingRespondedTo == messageID { return true }
            log.info("dispatch: C-CANCEL-RQ for message \(cancel.messageIDBeingRespondedTo), not \(messageID): ignoring")
        }
        return false
    }
}
