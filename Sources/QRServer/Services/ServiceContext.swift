import Archive
import DICOM
import DICOMNetwork

/// What a `DIMSEServiceProvider` is given with each request: the association
/// and everything the server knows about it.
package struct ServiceContext {
    /// The association the request came on (owned by this thread).
    package let association: Association
    /// The presentation context of the request.
    package let presentationContext: NegotiatedPresentationContext
    /// The AETable entry of the called AE title (storage area, access, quota, peers).
    package let calledAE: AEEntry
    /// The called AE's storage area and its index, opened at server start.
    package let archiveArea: ArchiveArea
    /// The called AE's quota (its AETable line, `--quota-policy` applied).
    package let quota: StorageQuota
    package let configuration: Configuration
    package let options: ServerOptions
    /// The `-xf` profiles, when given: C-MOVE proposes the "out" profile's contexts.
    package let associationProfiles: LoadedAssociationProfiles?
    package let log: Log
    /// The peer's host as dcmqrscp names it: reverse-DNS name, or the dotted
    /// address with `-dhl` (spec §3.3).
    package let peerHost: String
    /// True once the server is stopping (SIGTERM, SIGINT, shutdown class).
    package let stopRequested: @Sendable () -> Bool

    package init(association: Association, presentationContext: NegotiatedPresentationContext, calledAE: AEEntry,
                 archiveArea: ArchiveArea, quota: StorageQuota = .unlimited, configuration: Configuration, options: ServerOptions,
                 associationProfiles: LoadedAssociationProfiles? = nil, log: Log, peerHost: String, stopRequested: @escaping @Sendable () -> Bool = { false }) {
        self.association = association
        self.presentationContext = presentationContext
        self.calledAE = calledAE
        self.archiveArea = archiveArea
        self.quota = quota
        self.configuration = configuration
        self.options = options
        self.associationProfiles = associationProfiles
        self.log = log
        self.peerHost = peerHost
        self.stopRequested = stopRequested
    }

    /// The called AE's folder of object files.
    package var storageArea: StorageArea { archiveArea.storage }
    /// The called AE's index.
    package var index: JournalIndex { archiveArea.index }

    /// The requestor's AE title.
    package var callingAETitle: String { association.callingAETitle }
    /// The called AE title (ours).
    package var calledAETitle: String { association.calledAETitle }
    /// The peer's dotted IP address.
    package var peerAddress: String { association.peer.ipAddress }
}
