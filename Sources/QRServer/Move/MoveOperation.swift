import Archive
import DICOM
import DICOMNetwork

/// One C-MOVE (PS3.4 §C.4.2; spec §7): the identifier matched at instance level
/// against a snapshot of the index; no match → 0x0000 at once, the destination not
/// even looked up; the Move Destination resolved only through the configuration
/// (`MoveDestinationResolution`), unknown → 0xA801 with nothing sent; one
/// sub-association to it, calling AE title = our AE title, proposing the SOP classes
/// of the objects to send (`StoragePresentationContextProposal`); a pending response
/// after each C-STORE sub-operation; the final status from the counters. A
/// destination that cannot be reached, or rejects the association, ends in 0xA702
/// with every instance failed.
struct MoveOperation {
    let environment: QueryRetrieveEnvironment
    let request: CMoveRQ
    let command: IncomingCommand

    func run() throws {
        let log = environment.log
        var responder = RetrieveResponder<CMoveRSP>(environment: environment, messageID: request.messageID,
                                                    sopClassUID: request.affectedSOPClassUID,
                                                    presentationContextID: command.presentationContextID, serviceName: "Move")
        let reader = RetrieveRequestReader<CMoveRSP>(environment: environment, command: command, service: .move)
        guard let list = try reader.read(&responder) else { return }
        var counts = SubOperationCounts(total: list.count)
        guard !list.isEmpty else { return try responder.final(counts, cancelled: false) }

        let resolution = MoveDestinationResolution(configuration: environment.configuration, options: environment.options)
        let destination: Peer
        switch resolution.resolve(request.moveDestination, callingAETitle: environment.callingAETitle,
                                  peerHost: environment.peerHost) {
        case .success(let peer): destination = peer
        case .failure(let refusal):
            log.info(refusal.logLine)
            return try responder.refuse(.refusedMoveDestinationUnknown)
        }

        log.info("Requesting Sub-Association")
        let subAssociation: Association
        do {
            subAssociation = try SubAssociation.open(to: destination, list: list, environment: environment)
        } catch {
            log.error("moveSCP: Sub-Association Request Failed: \(error)")
            counts.failed = list.count
            counts.failedSOPInstanceUIDs = list.map(\.sopInstanceUID)
            return try responder.final(counts, cancelled: false)
        }
        let target = StoreSubOperationTarget(association: subAssociation,
                                             accepted: StoreSubOperationTarget.moveContexts(of: subAssociation),
                                             moveOriginator: (environment.callingAETitle, request.messageID),
                                             priority: request.priority, requestMessageID: request.messageID,
                                             serviceName: "Move")
        let loop = SubOperationLoop<CMoveRSP>(environment: environment, list: list, requestMessageID: request.messageID)
        let cancelled: Bool
        do {
            cancelled = try loop.run(target: target, counts: &counts, responder: &responder)
        } catch {
            subAssociation.abort()
            throw error
        }
        if subAssociation.isEstablished {
            log.info("Releasing Sub-Association")
            do { try subAssociation.release() } catch {
                log.error("moveSCP: Sub-Association Release Failed: \(error)")
                subAssociation.abort()
            }
        }
        try responder.final(counts, cancelled: cancelled)
    }
}
