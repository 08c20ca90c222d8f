import Archive
import DICOM
import DICOMNetwork

extension AssociationExplanation {
    /// Decides `request` as the server would, offline.
    ///
    /// The association and each service are decided by `AssociationPolicy`
    /// itself, on A-ASSOCIATE-RQs built for the question (the calling and
    /// called AE titles, the peer's host, the uncompressed transfer syntaxes
    /// DCMTK's tools propose, no association in progress):
    ///
    /// 1. Verification and FIND, MOVE and GET of every model;
    /// 2. every storage SOP class, the requestor as SCU (C-STORE);
    /// 3. every storage SOP class, the requestor as SCP only (what a C-GET
    ///    requestor proposes to receive its sub-operations).
    ///
    /// The reason given for each answer names what decides it: the AETable
    /// line (peers, access), an option, the `-xf` profile, or this build's
    /// services.
    ///
    /// - Parameter hostName: the reverse-DNS lookup of an address (the
    ///   server's `PeerAddress.hostName()`; tests give a table).
    package static func explain(_ request: ServerOptions.ExplainRequest, configuration: Configuration,
                                options: ServerOptions, services: ServiceCapabilities,
                                profiles: LoadedAssociationProfiles? = nil,
                                hostName: (String) -> String = { PeerAddress(ipAddress: $0, port: 0).hostName() })
        -> AssociationExplanation {
        let peer = ExplainedPeer.resolve(request, configuration: configuration, options: options, hostName: hostName)
        let policy = AssociationPolicy(configuration: configuration, options: options, services: services,
                                       incomingProfile: profiles?.incoming)
        let evaluator = Evaluator(request: request, peer: peer, policy: policy, profiles: profiles)
        var explanation = AssociationExplanation(request: request, peerHost: peer.host, isAccepted: false,
                                                 associationReasons: peer.notes)
        let base = evaluator.evaluate(evaluator.baseProposals)
        explanation.isAccepted = base.isAccepted
        explanation.associationReasons += evaluator.associationReasons(base)
        if base.isAccepted, let entry = configuration.aeEntry(for: request.calledAETitle) {
            explanation.services = evaluator.serviceVerdicts(base: base, entry: entry)
        }
        if let destination = request.moveDestination {
            explanation.moveDestination = evaluator.moveDestination(destination)
        }
        return explanation
    }
}

/// The questions put to the policy, and the reading of its answers.
struct Evaluator {
    let request: ServerOptions.ExplainRequest
    let peer: ExplainedPeer
    let policy: AssociationPolicy
    let profiles: LoadedAssociationProfiles?

    var configuration: Configuration { policy.configuration }
    var options: ServerOptions { policy.options }
    var file: String { configuration.fileName }

    /// What DCMTK's tools propose by default.
    static let uncompressed = [TransferSyntax.explicitVRLittleEndian.uid, TransferSyntax.explicitVRBigEndian.uid,
                               TransferSyntax.implicitVRLittleEndian.uid]

    struct Proposal {
        var abstractSyntax: String
        var roles: SCPSCURoles?
    }

    /// The answers to one request: per abstract syntax, accepted or the result.
    struct Answers {
        var evaluation: PolicyEvaluation
        /// Abstract syntax → (result, requestor may be SCU, requestor may be SCP).
        var results: [String: (result: PresentationContextResult, scu: Bool, scp: Bool)] = [:]

        var isAccepted: Bool { evaluation.isAccepted }
        func result(_ uid: String) -> PresentationContextResult? { results[uid]?.result }
    }

    var baseProposals: [Proposal] {
        [Proposal(abstractSyntax: SOPClass.verificationUID)]
            + QueryRetrieveInformationModel.all.map { Proposal(abstractSyntax: $0.sopClassUID) }
    }

    /// Asks the policy; more than 100 contexts are asked in several requests
    /// (an A-ASSOCIATE-RQ holds at most 128), the first one deciding the
    /// association.
    func evaluate(_ proposals: [Proposal]) -> Answers {
        let chunks = stride(from: 0, to: max(proposals.count, 1), by: 100).map {
            Array(proposals[$0..<min($0 + 100, proposals.count)])
        }
        var answers: Answers?
        for chunk in chunks {
            let rq = associationRequest(chunk)
            let evaluation = policy.evaluate(rq, peerHost: peer.host ?? "", live: LiveAssociations())
            if answers == nil { answers = Answers(evaluation: evaluation) }
            guard case .accept(let contextAnswers) = evaluation.decision else { break }
            for (item, answer) in zip(rq.presentationContexts, contextAnswers) {
                let roles = AssociationPolicy.roles(of: answer, proposed: rq.proposedRoles(for: item.abstractSyntax))
                answers?.results[item.abstractSyntax] = (answer.result, roles.requestorIsSCU, roles.requestorIsSCP)
            }
        }
        return answers ?? Answers(evaluation: PolicyEvaluation(decision: .accept([]), log: []))
    }

    func associationRequest(_ proposals: [Proposal]) -> AssociationRequest {
        let items = proposals.enumerated().map { i, p in
            PresentationContextRQItem(id: UInt8(2 * i + 1), abstractSyntax: p.abstractSyntax, transferSyntaxes: Self.uncompressed)
        }
        let roles = proposals.compactMap { p in
            p.roles.map { RoleSelection(sopClassUID: p.abstractSyntax, scuRole: $0.scu, scpRole: $0.scp) }
        }
        let rq = AAssociateRQ(calledAETitle: request.calledAETitle, callingAETitle: request.callingAETitle,
                              applicationContextName: AssociationPolicy.dicomApplicationContextName,
                              presentationContexts: items,
                              userInformation: UserInformation(maximumLength: 16384,
                                                               implementationClassUID: QuarryIdentity.implementationClassUID,
                                                               roleSelections: roles))
        return AssociationRequest(pdu: rq, peer: PeerAddress(ipAddress: peer.address, port: 0))
    }

    /// Why the association is accepted or refused.
    func associationReasons(_ base: Answers) -> [ExplanationReason] {
        let check = configuration.peerCheck(called: request.calledAETitle, calling: request.callingAETitle,
                                            peerHost: peer.host ?? "", peerAddress: peer.address)
        let checkSource: ExplanationSource = check.line.map { .configurationLine(file: file, line: $0) }
            ?? .configurationFile(file)
        switch base.evaluation.refusal {
        case nil:
            var reasons = [ExplanationReason(checkSource, check.reason)]
            if let entry = configuration.aeEntry(for: request.calledAETitle), entry.line != check.line {
                reasons.append(ExplanationReason(.configurationLine(file: file, line: entry.line),
                    "storage area, access and quota of \"\(entry.aeTitle)\" come from its first AETable line"))
            }
            return reasons
        case .noReason where options.refuseAssociations:
            return [ExplanationReason(.commandLine("--refuse"), "every association is refused (1,1,1)")]
        case .badAEService:
            return [ExplanationReason(checkSource, check.reason + "; refused (1,1,7)")]
        case .tooManyAssociations:
            return [ExplanationReason(.configurationFile(file),
                "MaxAssociations = \(configuration.maxAssociations): every association is refused (2,3,2)")]
        case .some(let refusal):
            return [ExplanationReason(.build, "refused (\(refusal.logName))")]
        }
    }
}
