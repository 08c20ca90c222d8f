import DICOM

/// How an incoming association attempt ended up.
package enum AcceptorOutcome {
    case established(Association)
    /// The A-ASSOCIATE-RJ was sent and the connection closed.
    case rejected(AssociationRequest, AAssociateRJ)
}

/// The acceptor end: reads the A-ASSOCIATE-RQ within the ACSE timeout, hands it
/// to a policy, and answers A-ASSOCIATE-AC or -RJ (PS3.8 §9.2, Sta2 → Sta3 → Sta6).
/// Call it on the connection's own thread: a silent peer holds only that thread.
package struct AssociationAcceptor: Sendable {
    package var configuration: AssociationConfiguration

    package init(configuration: AssociationConfiguration) { self.configuration = configuration }

    /// Negotiates on an accepted connection. Throws when no A-ASSOCIATE-RQ came
    /// (timeout — `0006:031a DUL network read timeout` — garbage, abort, close);
    /// the connection is closed then.
    package func negotiate(_ connection: TCPConnection,
                           policy: (AssociationRequest) -> AssociationDecision) throws(AssociationError) -> AcceptorOutcome {
        let upperLayer = UpperLayerConnection(transport: connection, isRequestor: false, configuration: configuration)
        try upperLayer.perform(.transportIndication)
        let pdu = try upperLayer.receivePDU(timeout: configuration.acseTimeout)
        guard case .associateRQ(let rq) = pdu else {
            upperLayer.abort()
            throw .unexpectedPDU(type: pdu.type, state: .sta2)
        }
        let request = AssociationRequest(pdu: rq, peer: connection.peer)
        // PS3.8 §9.3.2: bit 0 of the protocol version must be set.
        let decision = rq.protocolVersion & 1 == 0
            ? .reject(AAssociateRJ(result: .rejectedPermanent, source: .serviceProviderACSE, reason: .protocolVersionNotSupported))
            : policy(request)
        switch decision {
        case .reject(let rj):
            try upperLayer.perform(.associateRejectResponse, sending: .associateRJ(rj))
            return .rejected(request, rj)
        case .accept(let answers):
            let (ac, contexts) = acceptance(of: rq, answers: answers)
            try upperLayer.perform(.associateAcceptResponse, sending: .associateAC(ac))
            return .established(Association(role: .acceptor, upperLayer: upperLayer, request: rq, acceptance: ac,
                                            presentationContexts: contexts))
        }
    }

    /// The A-ASSOCIATE-AC for `rq` and the policy's answers: every proposed
    /// context answered in order (one without an answer: no-reason), role
    /// selections only where proposed, our Maximum Length and identity.
    func acceptance(of rq: AAssociateRQ, answers: [PresentationContextAnswer]) -> (AAssociateAC, [NegotiatedPresentationContext]) {
        var items: [PresentationContextACItem] = []
        var contexts: [NegotiatedPresentationContext] = []
        var roleAnswers: [RoleSelection] = []
        for proposal in rq.presentationContexts {
            var answer = answers.first { $0.id == proposal.id } ?? .reject(proposal.id, .noReason)
            if answer.result.isAccepted, !proposal.transferSyntaxes.contains(answer.transferSyntax ?? "") {
                configuration.log.warn("Presentation context \(proposal.id) accepted with transfer syntax "
                    + "\(answer.transferSyntax ?? "(none)") not proposed: refusing it instead")
                answer = .reject(proposal.id, .transferSyntaxesNotSupported)
            }
            let proposedRoles = rq.userInformation.roleSelection(for: proposal.abstractSyntax)
                .map { SCPSCURoles(scu: $0.scuRole, scp: $0.scpRole) }
            var answeredRoles: SCPSCURoles?
            if answer.result.isAccepted, let proposedRoles, let roles = answer.roles {
                answeredRoles = PresentationContextNegotiation.answerRoles(proposed: proposedRoles, acceptSCU: roles.scu,
                                                                           acceptSCP: roles.scp)
                if let answered = answeredRoles, !roleAnswers.contains(where: { $0.sopClassUID == proposal.abstractSyntax }) {
                    roleAnswers.append(RoleSelection(sopClassUID: proposal.abstractSyntax, scuRole: answered.scu,
                                                     scpRole: answered.scp))
                }
            }
            let transferSyntax = answer.result.isAccepted ? answer.transferSyntax
                : proposal.transferSyntaxes.first ?? "1.2.840.10008.1.2"
            items.append(PresentationContextACItem(id: proposal.id, result: answer.result, transferSyntax: transferSyntax))
            let roles = PresentationContextNegotiation.negotiatedRoles(proposed: proposedRoles, answered: answeredRoles)
            contexts.append(NegotiatedPresentationContext(
                id: proposal.id, abstractSyntax: proposal.abstractSyntax, proposedTransferSyntaxes: proposal.transferSyntaxes,
                result: answer.result, transferSyntax: answer.result.isAccepted ? answer.transferSyntax : nil,
                requestorIsSCU: roles.requestorIsSCU, requestorIsSCP: roles.requestorIsSCP))
        }
        let userInformation = UserInformation(
            maximumLength: configuration.effectiveMaximumPDULength, implementationClassUID: configuration.implementationClassUID,
            implementationVersionName: configuration.implementationVersionName, roleSelections: roleAnswers)
        let ac = AAssociateAC(calledAETitle: rq.calledAETitle, callingAETitle: rq.callingAETitle,
                              presentationContexts: items, userInformation: userInformation)
        return (ac, contexts)
    }
}
