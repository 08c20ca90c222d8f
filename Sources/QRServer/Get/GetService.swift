import Archive
import DICOM
import DICOMNetwork

/// The Query/Retrieve Get service as SCP (PS3.4 §C.4.3) for the three models
/// (spec §8): each C-GET-RQ answered by a `GetOperation`. `--disable-get` keeps its
/// contexts from being accepted (the association policy).
package struct GetService: DIMSEServiceProvider {
    package init() {}

    package var commandFields: Set<CommandField> { [.cGetRQ] }
    package var abstractSyntaxes: Set<String> {
        Set(QueryRetrieveInformationModel.all.filter { $0.service == .get }.map(\.sopClassUID))
    }

    package func handle(_ command: IncomingCommand, context: ServiceContext) throws {
        guard case .cGetRQ(let request) = command.message else { return }
        try GetOperation(environment: QueryRetrieveEnvironment(context), request: request, command: command).run()
    }
}
