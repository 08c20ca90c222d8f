import Archive
import DICOM
import DICOMNetwork

/// What the Find, Move and Get services work with for one request: the
/// association it came on, the called AE's storage area and index, the server's
/// configuration and options. Built by the service providers from the server's
/// per-request context.
package struct QueryRetrieveEnvironment {
    package var association: Association
    package var presentationContext: NegotiatedPresentationContext
    /// The called AE's index (queries take a snapshot of it) and its folder of files.
    package var index: any StorageAreaIndex
    package var storage: StorageArea
    package var configuration: Configuration
    package var options: ServerOptions
    package var log: Log
    /// The requestor's host as dcmqrscp names it (reverse-DNS name, or the address with `-dhl`).
    package var peerHost: String
    package var stopRequested: @Sendable () -> Bool
    /// `-xf`'s "out" profile: what a C-MOVE sub-association proposes instead of the
    /// matched objects' classes (dcmqrscp's `--assoc-config-file`, spec §1.2).
    package var outgoingProfile: AssociationProfile?

    package init(association: Association, presentationContext: NegotiatedPresentationContext,
                 index: any StorageAreaIndex, storage: StorageArea, configuration: Configuration,
                 options: ServerOptions, log: Log, peerHost: String,
                 stopRequested: @escaping @Sendable () -> Bool = { false }, outgoingProfile: AssociationProfile? = nil) {
        self.association = association
        self.presentationContext = presentationContext
        self.index = index
        self.storage = storage
        self.configuration = configuration
        self.options = options
        self.log = log
        self.peerHost = peerHost
        self.stopRequested = stopRequested
        self.outgoingProfile = outgoingProfile
    }

    package var callingAETitle: String { association.callingAETitle }
    package var calledAETitle: String { association.calledAETitle }

    /// The transfer syntax of the request's presentation context (identifiers are
    /// read and written in it).
    var transferSyntax: TransferSyntax {
        presentationContext.transferSyntax.flatMap { TransferSyntax(uid: $0) } ?? .implicitVRLittleEndian
    }

    /// How identifiers become queries: `-XF` for C-FIND, `-XM` for C-MOVE and C-GET,
    /// the PN matching option, Quarry's keys.
    func queryOptions(for service: QueryRetrieveInformationModel.Service) -> QueryOptions {
        let personNames: PersonNameMatching = options.personNameMatching == .insensitive ? .insensitive : .exact
        return QueryOptions(checkIdentifier: service == .find ? options.checkFind : options.checkMove,
                            personNameMatching: personNames, keys: .quarry)
    }

    /// The C-FIND response character set policy: the config's SpecificCharacterSet
    /// line, then `+Cr`/`-Cr`, `+A7`/`+U8`/`+L1`/`+C`, `-Ct`, `-Cd` (spec §6.6).
    var responseCharacterSetPolicy: ResponseCharacterSetPolicy {
        ResponseCharacterSetPolicy(
            configurationTerms: configuration.specificCharacterSet?.terms,
            commandLine: .init(overridesRequest: options.overrideRequestCharacterSet,
                               characterSet: options.convertCharacterSet?.specificCharacterSet,
                               transliterates: options.transliterate,
                               discardsIllegalCharacters: options.discardIllegalCharacters))
    }
}
