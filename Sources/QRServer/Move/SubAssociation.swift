import Archive
import DICOM
import DICOMNetwork

/// The association a C-MOVE opens to its destination (spec §7.4, issue 6).
enum SubAssociation {
    /// The connect timeout when `-to` is not given: a silent address ends the move
    /// after this long instead of hanging (issue 6).
    static let defaultConnectTimeout = Duration.seconds(30)

    /// Connects to `destination` (`-to` connect timeout, `-ta` ACSE timeout, `-td` DIMSE
    /// timeout), calling AE title = the called AE title of the C-MOVE, proposing the SOP
    /// classes of `list` with their stored syntaxes and the `-x…` uncompressed ones — or,
    /// with `-xf`, the "out" profile's contexts.
    static func open(to destination: Peer, list: RetrieveList, environment: QueryRetrieveEnvironment)
        throws(AssociationError) -> Association {
        let options = environment.options
        let configuration = AssociationConfiguration(
            implementationClassUID: QuarryIdentity.implementationClassUID,
            implementationVersionName: QuarryIdentity.implementationVersionName,
            maximumPDULength: 16384,   // dcmqrscp offers 16384 whatever MaxPDUSize says (spec §7.4)
            acseTimeout: .seconds(options.acseTimeout),
            dimseTimeout: options.dimseTimeout.map { .seconds($0) },
            connectTimeout: options.connectionTimeout.map { .seconds($0) } ?? defaultConnectTimeout,
            log: environment.log)
        let contexts: [ProposedPresentationContext]
        if let profile = environment.outgoingProfile {
            contexts = profile.presentationContexts.prefix(StoragePresentationContextProposal.maximumContexts).map {
                ProposedPresentationContext(abstractSyntax: $0.abstractSyntax, transferSyntaxes: $0.transferSyntaxes,
                                            roles: profile.roles[$0.abstractSyntax])
            }
        } else {
            let proposal = StoragePresentationContextProposal(
                stored: list.storedSyntaxes, uncompressed: options.proposedTransferSyntaxes.subAssociationUncompressedProposal)
            contexts = proposal.contexts.map {
                ProposedPresentationContext(abstractSyntax: $0.sopClassUID, transferSyntaxes: $0.transferSyntaxUIDs)
            }
        }
        guard (1...65535).contains(destination.port) else {
            throw .transport(TransportError(.initialization, message: "TCP Initialization Error: invalid port \(destination.port)"))
        }
        let requestor = AssociationRequestor(callingAETitle: environment.calledAETitle, configuration: configuration)
        return try requestor.request(calledAETitle: destination.aeTitle, host: destination.hostName,
                                     port: UInt16(destination.port), presentationContexts: contexts)
    }
}
