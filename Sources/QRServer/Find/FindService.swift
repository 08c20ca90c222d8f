import Archive
import DICOM
import DICOMNetwork

/// The Query/Retrieve Find service as SCP (PS3.4 §C.4.1) for the three models
/// dcmqrscp serves (spec §6): each C-FIND-RQ answered by a `FindOperation` over
/// the called AE's index.
package struct FindService: DIMSEServiceProvider {
    package init() {}

    package var commandFields: Set<CommandField> { [.cFindRQ] }
    package var abstractSyntaxes: Set<String> {
        Set(QueryRetrieveInformationModel.all.filter { $0.service == .find }.map(\.sopClassUID))
    }

    package func handle(_ command: IncomingCommand, context: ServiceContext) throws {
        guard case .cFindRQ(let request) = command.message else { return }
        try FindOperation(environment: QueryRetrieveEnvironment(context), request: request, command: command).run()
    }
}
