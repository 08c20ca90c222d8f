import Archive
import DICOM
import DICOMNetwork

/// dcmqrscp's association policy (spec §3.1–§3.4, §4; DCMTK's dcmqrsrv.cc
/// `waitForAssociation` and `negotiateAssociation`), decided in its order:
///
/// 1. log `Association Received (<host>:<calling> -> <called>)`;
/// 2. `--refuse` → (1,1,1);
/// 3. application context other than DICOM's → (2,1,2);
/// 4. `--reject` and no Implementation Class UID → (1,1,1);
/// 5. the called AE and the peer checked against the AETable → (1,1,7) for
///    every failure, the real reason logged at warning level (Quarry);
/// 6. MaxAssociations reached → (2,3,2) (so an unknown peer gets (1,1,7)
///    even when the server is full);
/// 7. presentation contexts (`+PresentationContexts.swift`), then the
///    shutdown class, the access rules, `--require-find`, `--no-parallel-store`;
/// 8. accept — even with no context accepted.
///
/// A pure value: the server gives it the request, the peer's host string
/// (reverse-DNS name, or the dotted address with `-dhl`) and the associations
/// in progress; tests give it tables.
package struct AssociationPolicy: Sendable {
    package var configuration: Configuration
    package var options: ServerOptions
    /// What the registered service providers serve: nothing else is accepted.
    package var services: ServiceCapabilities
    /// The `-xf` "in" profile: replaces the storage SOP classes accepted.
    package var incomingProfile: AssociationProfile?

    package init(configuration: Configuration, options: ServerOptions, services: ServiceCapabilities,
                 incomingProfile: AssociationProfile? = nil) {
        (self.configuration, self.options, self.services) = (configuration, options, services)
        self.incomingProfile = incomingProfile
    }

    /// PS3.7 Annex A.2.1: the DICOM Application Context Name.
    package static let dicomApplicationContextName = "1.2.840.10008.3.1.1.1"

    package func evaluate(_ request: AssociationRequest, peerHost: String, live: LiveAssociations) -> PolicyEvaluation {
        let calling = request.callingAETitle, called = request.calledAETitle
        var log: [PolicyEvaluation.LogLine] = [.init(.info, "Association Received (\(peerHost):\(calling) -> \(called))")]
        func refuse(_ refusal: AssociationRefusal, _ lines: [PolicyEvaluation.LogLine] = []) -> PolicyEvaluation {
            log += lines
            log.append(.init(.info, "Refusing Association (\(refusal.logName))"))
            return PolicyEvaluation(decision: .reject(refusal.reject), log: log, refusal: refusal)
        }
        if options.refuseAssociations {
            return refuse(.noReason, [.init(.info, "Refusing Association (forced via command line)")])
        }
        if request.applicationContextName != Self.dicomApplicationContextName {
            return refuse(.badAppContext, [.init(.info, "Bad AppContextName: \(request.applicationContextName)")])
        }
        if options.rejectWithoutImplementationClassUID, (request.implementationClassUID ?? "").isEmpty {
            return refuse(.noReason, [.init(.info, "No implementation Class UID provided")])
        }
        let check = configuration.peerCheck(called: called, calling: calling, peerHost: peerHost,
                                            peerAddress: request.peer.ipAddress)
        guard check.isAccepted, let entry = configuration.aeEntry(for: called) else {
            return refuse(.badAEService, [
                .init(.warn, "Refusing association from \(peerHost):\(calling) to \(called): \(check.reason)"),
                .init(.debug, "Peer \(peerHost):\(calling) is not not permitted to access \(called) (see configuration file)"),
            ])
        }
        if live.count >= configuration.maxAssociations {
            return refuse(.tooManyAssociations)
        }
        let negotiation = negotiatePresentationContexts(request, entry: entry, live: live)
        log += negotiation.log
        if negotiation.shutdownRequested {
            log.append(.init(.info, "Shutting down server ... (negotiated private \"shut down\" SOP class)"))
            var evaluation = refuse(.noReason)
            evaluation.shutdownRequested = true
            return evaluation
        }
        return PolicyEvaluation(decision: .accept(negotiation.answers), log: log,
                                holdsStorageContexts: negotiation.holdsStorageContexts)
    }
}
