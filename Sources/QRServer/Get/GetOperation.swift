import Archive
import DICOM
import DICOMNetwork

/// One C-GET (PS3.4 §C.4.3; spec §8): matched as a C-MOVE is, the instances sent as
/// C-STORE sub-operations on the requesting association itself, on the storage
/// contexts whose accepted role lets the requestor be the SCP; an instance whose SOP
/// class has none fails ("No presentation context"); the same counters, pending
/// responses and final statuses as C-MOVE; C-CANCEL honoured between sub-operations
/// and while a C-STORE-RSP is awaited.
struct GetOperation {
    let environment: QueryRetrieveEnvironment
    let request: CGetRQ
    let command: IncomingCommand

    func run() throws {
        var responder = RetrieveResponder<CGetRSP>(environment: environment, messageID: request.messageID,
                                                   sopClassUID: request.affectedSOPClassUID,
                                                   presentationContextID: command.presentationContextID, serviceName: "Get")
        let reader = RetrieveRequestReader<CGetRSP>(environment: environment, command: command, service: .get)
        guard let list = try reader.read(&responder) else { return }
        var counts = SubOperationCounts(total: list.count)
        guard !list.isEmpty else { return try responder.final(counts, cancelled: false) }
        let association = environment.association
        let target = StoreSubOperationTarget(association: association,
                                             accepted: StoreSubOperationTarget.getContexts(of: association),
                                             moveOriginator: nil, priority: request.priority,
                                             requestMessageID: request.messageID, serviceName: "Get")
        let loop = SubOperationLoop<CGetRSP>(environment: environment, list: list, requestMessageID: request.messageID)
        let cancelled = try loop.run(target: target, counts: &counts, responder: &responder)
        try responder.final(counts, cancelled: cancelled)
    }
}
