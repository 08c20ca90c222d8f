import Archive
import DICOM
import DICOMNetwork

extension AssociationPolicy {
    /// The answer to one proposed context, before the access rules (spec §3.4):
    ///
    /// - Verification, the Q/R models enabled (`-QP`/`-QS`/`-QO`, GET unless
    ///   `--disable-get`) and, with `--allow-shutdown`, the private shutdown
    ///   class: the transfer syntax preference (`+x…`), result 4 when none of
    ///   those proposed is acceptable; default roles.
    /// - Storage SOP classes: the same preference; with no acceptable syntax
    ///   result 3, as dcmqrscp leaves such a context unanswered, or 4 with
    ///   `--disable-get`; the roles proposed are echoed (default roles with
    ///   `--disable-get`). With an `-xf` profile, the profile's list and
    ///   order of transfer syntaxes and its roles instead.
    /// - Anything else, or anything no registered provider serves: result 3.
    func answer(for proposal: PresentationContextRQItem, request: AssociationRequest) -> PresentationContextAnswer {
        let uid = proposal.abstractSyntax, proposed = proposal.transferSyntaxes
        let proposedRoles = request.proposedRoles(for: uid)
        let kind = AbstractSyntaxKind(uid)
        if isSelectedNonStorage(kind, uid) {
            guard let syntax = options.acceptedTransferSyntaxes.choose(from: proposed) else {
                return .reject(proposal.id, .transferSyntaxesNotSupported)
            }
            return .accept(proposal.id, transferSyntax: syntax)
        }
        if let profile = incomingProfile {
            guard let preference = profile.transferSyntaxes(for: uid), kind == .storage || kind == .other,
                  let acceptable = storageRoles(uid, proposed: proposedRoles) else {
                return .reject(proposal.id, .abstractSyntaxNotSupported)
            }
            guard let syntax = preference.first(where: { proposed.contains($0) }) else {
                return .reject(proposal.id, .transferSyntaxesNotSupported)
            }
            let roles = profile.roles[uid].map {
                SCPSCURoles(scu: $0.scu && acceptable.scu, scp: $0.scp && acceptable.scp)
            }
            return .accept(proposal.id, transferSyntax: syntax, roles: roles)
        }
        guard kind == .storage, let acceptable = storageRoles(uid, proposed: proposedRoles) else {
            return .reject(proposal.id, .abstractSyntaxNotSupported)
        }
        guard let syntax = options.acceptedTransferSyntaxes.choose(from: proposed) else {
            return .reject(proposal.id, options.disableGet ? .transferSyntaxesNotSupported : .abstractSyntaxNotSupported)
        }
        return .accept(proposal.id, transferSyntax: syntax, roles: options.disableGet ? nil : acceptable)
    }

    /// dcmqrscp's "non-storage syntaxes" this server accepts: the options
    /// select them, and a registered provider must serve them (the shutdown
    /// class is the server's own).
    func isSelectedNonStorage(_ kind: AbstractSyntaxKind, _ uid: String) -> Bool {
        switch kind {
        case .verification:
            return services.serves(uid)
        case .shutdown:
            return options.allowShutdown
        case .queryRetrieve(let model):
            let rootEnabled = switch model.root {
            case .patientRoot: options.supportPatientRoot
            case .studyRoot: options.supportStudyRoot
            case .patientStudyOnly: options.supportPatientStudyOnly
            }
            return rootEnabled && !(model.service == .get && options.disableGet) && services.serves(uid)
        case .storage, .other:
            return false
        }
    }

    /// The roles this server can take for a storage SOP class context, as
    /// role-selection accept flags; nil when nothing stands behind it. The
    /// requestor may be SCU (send C-STORE) when a provider handles C-STORE
    /// for the class; it may be SCP (receive C-GET sub-operations) when a
    /// C-GET provider is registered and it proposed that role.
    func storageRoles(_ uid: String, proposed: SCPSCURoles?) -> SCPSCURoles? {
        let canStore = services.handles(.cStoreRQ) && services.serves(uid)
        let canGet = services.handles(.cGetRQ) && !options.disableGet && proposed?.scp == true
        guard canStore || canGet else { return nil }
        return SCPSCURoles(scu: canStore, scp: canGet || canStore)
    }
}
