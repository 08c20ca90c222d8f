import Archive
import DICOM
import DICOMNetwork

extension QueryRetrieveEnvironment {
    /// The environment of a request the dispatch loop hands a service: the called AE's
    /// index and files from its archive area.
    init(_ context: ServiceContext) {
        self.init(association: context.association, presentationContext: context.presentationContext,
                  index: context.index, storage: context.storageArea, configuration: context.configuration,
                  options: context.options, log: context.log, peerHost: context.peerHost,
                  stopRequested: context.stopRequested, outgoingProfile: context.associationProfiles?.outgoing)
    }
}
