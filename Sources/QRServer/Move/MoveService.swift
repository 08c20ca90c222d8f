import Archive
import DICOM
import DICOMNetwork

/// The Query/Retrieve Move service as SCP (PS3.4 §C.4.2) for the three models
/// (spec §7): each C-MOVE-RQ answered by a `MoveOperation`.
package struct MoveService: DIMSEServiceProvider {
    package init() {}

    package var commandFields: Set<CommandField> { [.cMoveRQ] }
    package var abstractSyntaxes: Set<String> {
        Set(QueryRetrieveInformationModel.all.filter { $0.service == .move }.map(\.sopClassUID))
    }

    package func handle(_ command: IncomingCommand, context: ServiceContext) throws {
        guard case .cMoveRQ(let request) = command.message else { return }
        try MoveOperation(environment: QueryRetrieveEnvironment(context), request: request, command: command).run()
    }
}
