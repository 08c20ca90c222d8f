import DICOMNetwork

/// Why dcmqrscp refuses an association, with the A-ASSOCIATE-RJ it sends
/// (PS3.8 Table 9-21) and the word it logs in `Refusing Association (…)`
/// (spec §3.2; DCMTK's dcmqrsrv.cc `refuseAssociation`).
package enum AssociationRefusal: Sendable, Equatable, CaseIterable {
    /// MaxAssociations reached: (2,3,2) rejected-transient, service-provider
    /// (presentation), local-limit-exceeded.
    case tooManyAssociations
    /// No thread could be started for the association: (1,3,1) permanent,
    /// service-provider (presentation), temporary-congestion.
    case cannotFork
    /// Application context name not the DICOM one: (2,1,2) transient,
    /// service-user, application-context-name-not-supported.
    case badAppContext
    /// Called AE title unknown or the peer not admitted: (1,1,7), whatever the
    /// cause, as dcmqrscp sends it (the real reason goes to the log).
    case badAEService
    /// `--refuse`, `--reject`, the private shutdown class: (1,1,1) no-reason.
    case noReason

    /// The A-ASSOCIATE-RJ fields.
    package var reject: AAssociateRJ {
        switch self {
        case .tooManyAssociations:
            AAssociateRJ(result: .rejectedTransient, source: .serviceProviderPresentation, reason: .localLimitExceeded)
        case .cannotFork:
            AAssociateRJ(result: .rejectedPermanent, source: .serviceProviderPresentation, reason: .temporaryCongestion)
        case .badAppContext:
            AAssociateRJ(result: .rejectedTransient, source: .serviceUser, reason: .applicationContextNameNotSupported)
        case .badAEService:
            AAssociateRJ(result: .rejectedPermanent, source: .serviceUser, reason: .calledAETitleNotRecognized)
        case .noReason:
            AAssociateRJ(result: .rejectedPermanent, source: .serviceUser, reason: .noReasonGiven)
        }
    }

    /// dcmqrscp's name in `I: Refusing Association (<name>)`.
    package var logName: String {
        switch self {
        case .tooManyAssociations: "TooManyAssociations"
        case .cannotFork: "CannotFork"
        case .badAppContext: "BadAppContext"
        case .badAEService: "BadAEService"
        case .noReason: "NoReason"
        }
    }
}
