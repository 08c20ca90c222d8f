import Archive
import DICOM
import DICOMNetwork

/// One C-FIND (PS3.4 §C.4.1; spec §6): the identifier turned into a query, the
/// query run over a snapshot of the called AE's index, and one pending response
/// (0xFF00) sent per match as it is found — checking for C-CANCEL before each —
/// then Success (0x0000) or Cancel (0xFE00). A bad identifier is answered
/// 0xA900 or 0xC000 with an Error Comment. No object file is opened; no lock is
/// held while responses go out, so a slow peer never holds up a store.
///
/// Logs as dcmqrscp (spec §10): `Received Find SCP:` with the request dumped,
/// `Find SCP Request Identifiers:` with the identifier, `Find SCP Response <n>
/// [status: …]` for each response, the response identifiers at debug level.
struct FindOperation {
    let environment: QueryRetrieveEnvironment
    let request: CFindRQ
    let command: IncomingCommand

    private var log: Log { environment.log }
    private var association: Association { environment.association }

    func run() throws {
        log.info("Received Find SCP:\n" + command.message.dcmtkDump(direction: .incoming, hasDataSet: command.hasDataSet))
        guard let model = QueryRetrieveRequest.model(environment, .find) else {
            try finish(.sopClassNotSupported, number: 1, comment: "Not a C-FIND SOP class")
            return
        }
        let identifier: DataSet
        switch try QueryRetrieveRequest.identifier(command, in: environment) {
        case .success(let dataSet): identifier = dataSet
        case .failure(let failure): return try fail(failure)
        }
        log.info("Find SCP Request Identifiers:\n" + identifier.dcmtkDump(transferSyntax: environment.transferSyntax))
        let query: Query
        do {
            query = try Query.decodingText(model: model, identifier: identifier,
                                           options: environment.queryOptions(for: .find), log: log)
        } catch {
            return try fail(error)
        }
        for notice in query.notices { log(notice.level, notice.message) }
        let snapshot: IndexSnapshot
        do {
            snapshot = try environment.index.snapshot()
        } catch {
            log.error("findSCP: Database: index read failed: \(error)")
            return try finish(.failedUnableToProcess, number: 1, comment: "Index read failed")
        }
        try stream(FindResponses(query: query, snapshot: snapshot, retrieveAETitle: environment.calledAETitle,
                                 policy: environment.responseCharacterSetPolicy))
    }

    /// Sends the pending responses, then the final one.
    private func stream(_ responses: FindResponses) throws {
        var matches = responses.makeIterator()
        var number = 0
        while true {
            if try CancelCheck.cancelRequested(association, messageID: request.messageID, log: log) {
                return try finish(.cancel, number: number + 1)
            }
            guard let response = matches.next() else { return try finish(.success, number: number + 1) }
            number += 1
            response.log(to: log)
            let bytes = try response.identifier.encoded(transferSyntax: environment.transferSyntax)
            let pending = CFindRSP(messageIDBeingRespondedTo: request.messageID,
                                   affectedSOPClassUID: request.affectedSOPClassUID, status: .pending)
            try association.send(pending, presentationContextID: command.presentationContextID, dataSet: bytes)
            log.info("Find SCP Response \(number) [status: \(Status.pending.dcmtkText(for: .cFindRSP))]")
            log.debug("Find SCP Response Identifiers:\n"
                      + response.identifier.dcmtkDump(transferSyntax: environment.transferSyntax))
        }
    }

    /// A request that cannot be answered with matches: its log lines, then the status.
    private func fail(_ failure: QueryFailure) throws {
        failure.log(to: log)
        try finish(Status(failure.status), number: 1, comment: failure.errorComment)
    }

    /// The final response (no identifier).
    private func finish(_ status: Status, number: Int, comment: String? = nil) throws {
        let response = CFindRSP(messageIDBeingRespondedTo: request.messageID,
                                affectedSOPClassUID: request.affectedSOPClassUID, status: status,
                                errorComment: comment.map { String($0.prefix(64)) })
        try association.send(response, presentationContextID: command.presentationContextID)
        log.info("Find SCP Response \(number) [status: \(status.dcmtkText(for: .cFindRSP))]")
    }
}
