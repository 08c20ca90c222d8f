import Archive
import DICOM
import DICOMNetwork

/// The first steps of a C-MOVE or C-GET (spec §7.1, §8): the request logged, the
/// identifier read and turned into a query (`-XM` for the strict checks), the
/// instances to send collected from a snapshot of the index. A failure is answered
/// here (0xA900, 0xC000) and nil returned.
struct RetrieveRequestReader<Response: RetrieveResponse> {
    let environment: QueryRetrieveEnvironment
    let command: IncomingCommand
    let service: QueryRetrieveInformationModel.Service

    /// dcmqrscp's names: `Move SCP` / `moveSCP`, `Get SCP` / `getSCP`.
    var serviceName: String { service == .move ? "Move" : "Get" }

    func read(_ responder: inout RetrieveResponder<Response>) throws -> RetrieveList? {
        let log = environment.log
        log.info("Received \(serviceName) SCP:\n" + command.message.dcmtkDump(direction: .incoming, hasDataSet: command.hasDataSet))
        guard let model = QueryRetrieveRequest.model(environment, service) else {
            try responder.refuse(.sopClassNotSupported, errorComment: "Not a C-\(serviceName.uppercased()) SOP class")
            return nil
        }
        let identifier: DataSet
        switch try QueryRetrieveRequest.identifier(command, in: environment) {
        case .success(let dataSet): identifier = dataSet
        case .failure(let failure):
            failure.log(to: log)
            try responder.refuse(Status(failure.status), errorComment: failure.errorComment)
            return nil
        }
        log.info("\(serviceName) SCP Request Identifiers:\n" + identifier.dcmtkDump(transferSyntax: environment.transferSyntax))
        let query: Query
        do {
            query = try Query.decodingText(model: model, identifier: identifier,
                                           options: environment.queryOptions(for: service), log: log)
        } catch {
            error.log(to: log)
            try responder.refuse(Status(error.status), errorComment: error.errorComment)
            return nil
        }
        for notice in query.notices { log(notice.level, notice.message) }
        do {
            return try environment.index.snapshot().retrieveList(for: query)
        } catch {
            log.error("\(serviceName.lowercased())SCP: Database: index read failed: \(error)")
            try responder.refuse(.failedUnableToProcess, errorComment: "Index read failed")
            return nil
        }
    }
}
