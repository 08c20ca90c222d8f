import Archive
import DICOM
import DICOMNetwork

/// Where C-STORE sub-operations go (PS3.4 §C.4.2.3, §C.4.3.3): the sub-association
/// of a C-MOVE (with Move Originator fields), or the C-GET's own association (its
/// storage contexts whose accepted role lets the requestor be the SCP).
struct StoreSubOperationTarget {
    let association: Association
    let accepted: [AcceptedStorageContext]
    /// Move Originator AE Title and Message ID (C-MOVE only).
    let moveOriginator: (aeTitle: String, messageID: UInt16)?
    let priority: Priority
    /// The request this target serves (its C-CANCEL may arrive while a C-GET waits for a C-STORE-RSP).
    let requestMessageID: UInt16
    /// "Move" or "Get", as dcmqrscp's log lines name the service.
    let serviceName: String

    /// The C-GET case: the requestor's accepted storage contexts in which it may act as SCP.
    static func getContexts(of association: Association) -> [AcceptedStorageContext] {
        association.acceptedPresentationContexts.compactMap { context in
            guard context.requestorIsSCP, let syntax = context.transferSyntax,
                  QueryRetrieveInformationModel(sopClassUID: context.abstractSyntax) == nil,
                  context.abstractSyntax != SOPClass.verificationUID else { return nil }
            return AcceptedStorageContext(contextID: context.id, sopClassUID: context.abstractSyntax, transferSyntaxUID: syntax)
        }
    }

    /// The C-MOVE case: every context the destination accepted.
    static func moveContexts(of association: Association) -> [AcceptedStorageContext] {
        association.acceptedPresentationContexts.compactMap { context in
            context.transferSyntax.map {
                AcceptedStorageContext(contextID: context.id, sopClassUID: context.abstractSyntax, transferSyntaxUID: $0)
            }
        }
    }
}

/// What became of one sub-operation.
enum SubOperationOutcome: Equatable {
    case completed
    case warning
    case failed
}

extension StoreSubOperationTarget {
    /// Sends one stored instance as a C-STORE-RQ and waits for its response. Failures of
    /// this instance (no context, file unreadable, refused by the peer) are logged and
    /// returned as `.failed`; an `AssociationError` of the target association throws.
    /// `cancelled` is set when a C-CANCEL for `requestMessageID` arrives meanwhile.
    func send(_ instance: IndexedInstanceFile, from storage: StorageArea, log: Log,
              cancelled: inout Bool) throws(AssociationError) -> SubOperationOutcome {
        let path = storage.path(of: instance.fileName)
        let modality = SOPClass.modalityPrefix(instance.sopClassUID)
        let storeSCU = "\(serviceName) SCP: storeSCU: [file: \(path)]"
        let stored: StoredDataSet
        do { stored = try StoredDataSet(name: instance.fileName, in: storage) } catch {
            log.error("\(storeSCU): \(error)")
            return .failed
        }
        let choice: OutgoingTransferSyntax
        switch OutgoingTransferSyntax.choose(sopClassUID: instance.sopClassUID,
                                             storedTransferSyntaxUID: stored.transferSyntax.uid, accepted: accepted) {
        case .success(let c): choice = c
        case .failure(let reason):
            log.error("\(storeSCU) \(reason)")
            return .failed
        }
        var chunks: StoredDataSet.Chunks
        do { chunks = try stored.chunks(in: choice.transferSyntaxUID) } catch {
            log.error("\(storeSCU): \(error)")
            return .failed
        }
        let messageID = association.nextMessageID()
        let request = CStoreRQ(messageID: messageID, affectedSOPClassUID: instance.sopClassUID,
                               affectedSOPInstanceUID: instance.sopInstanceUID, priority: priority,
                               moveOriginatorApplicationEntityTitle: moveOriginator?.aeTitle,
                               moveOriginatorMessageID: moveOriginator?.messageID)
        log.info("Store SCU RQ: MsgID \(messageID), (\(modality))")
        if choice.isConverted {
            log.debug("\(serviceName) SCP: converting \(path) from \(stored.transferSyntax.name) to "
                      + (TransferSyntax(uid: choice.transferSyntaxUID)?.name ?? choice.transferSyntaxUID))
        }
        var readFailure: (any Error)?
        do {
            try association.send(request, presentationContextID: choice.contextID) { () throws -> ArraySlice<UInt8>? in
                do { return try chunks.next().map { $0[...] } } catch {
                    readFailure = error
                    throw error
                }
            }
        } catch let error as AssociationError {
            throw error
        } catch {
            // The file could not be read or converted half-way: the message cannot be completed.
            log.error("\(storeSCU): \(readFailure ?? error)")
            association.abort()
            throw AssociationError.illegalState("\(serviceName) SCP: sending \(path) failed: \(readFailure ?? error)")
        }
        let response = try awaitResponse(to: messageID, cancelled: &cancelled)
        let text = response.status.dcmtkText(for: .cStoreRSP)
        log.info("\(serviceName) SCP: Received Store SCU RSP [Status=\(text)]")
        if response.status.isSuccess { return .completed }
        if response.status.isWarning {
            log.error("\(serviceName) SCP: Store Warning: Response Status: \(text)")
            return .warning
        }
        log.error("\(serviceName) SCP: Store Request Failed: Response Status: \(text)")
        return .failed
    }

    /// The C-STORE-RSP to `messageID`; a C-CANCEL-RQ for our request meanwhile is noted.
    private func awaitResponse(to messageID: UInt16, cancelled: inout Bool) throws(AssociationError) -> CStoreRSP {
        while true {
            guard case .command(let command) = try association.receive() else { throw .peerReleased }
            switch command.message {
            case .cStoreRSP(let response) where response.messageIDBeingRespondedTo == messageID:
                return response
            case .cCancelRQ(let cancel) where cancel.messageIDBeingRespondedTo == requestMessageID:
                cancelled = true
            default:
                association.abort()
                throw .dimse("\(command.message.commandField) received while awaiting C-STORE-RSP \(messageID)")
            }
        }
    }
}
