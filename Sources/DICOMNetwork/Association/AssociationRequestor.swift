import DICOM

/// A presentation context to propose: an abstract syntax, its transfer
/// syntaxes in order of preference, and optionally the roles this end wants
/// (an SCP/SCU Role Selection sub-item, PS3.7 §D.3.3.4; C-GET needs SCP for storage).
package struct ProposedPresentationContext: Sendable, Equatable {
    package var abstractSyntax: String
    package var transferSyntaxes: [String]
    package var roles: SCPSCURoles?

    package init(abstractSyntax: String, transferSyntaxes: [String], roles: SCPSCURoles? = nil) {
        (self.abstractSyntax, self.transferSyntaxes, self.roles) = (abstractSyntax, transferSyntaxes, roles)
    }
}

/// The requestor end (the C-MOVE sub-association, tests): connects within the
/// connect timeout, proposes, and returns the established association, or
/// throws `.rejected(rj)` for an A-ASSOCIATE-RJ.
package struct AssociationRequestor: Sendable {
    package var callingAETitle: String
    package var configuration: AssociationConfiguration

    package init(callingAETitle: String, configuration: AssociationConfiguration) {
        (self.callingAETitle, self.configuration) = (callingAETitle, configuration)
    }

    /// Contexts get the odd IDs 1, 3, 5… in order; at most 128.
    package func request(calledAETitle: String, host: String, port: UInt16,
                         presentationContexts proposals: [ProposedPresentationContext],
                         userIdentity: UserIdentityRequest? = nil) throws(AssociationError) -> Association {
        guard !proposals.isEmpty, proposals.count <= 128 else {
            throw .illegalState("\(proposals.count) presentation contexts proposed; 1 to 128 are allowed")
        }
        let rq = associateRequest(calledAETitle: calledAETitle, proposals: proposals, userIdentity: userIdentity)
        let transport: TCPConnection
        do {
            transport = try TCPConnection.connect(host: host, port: port, timeout: configuration.connectTimeout)
        } catch {
            throw .transport(error)
        }
        let upperLayer = UpperLayerConnection(transport: transport, isRequestor: true, configuration: configuration)
        try upperLayer.perform(.associateRequest)                          // AE-1 (connected above)
        try upperLayer.perform(.transportConnectConfirmation, sending: .associateRQ(rq))  // AE-2
        switch try upperLayer.receivePDU(timeout: configuration.acseTimeout) {
        case .associateAC(let ac):
            return Association(role: .requestor, upperLayer: upperLayer, request: rq, acceptance: ac,
                               presentationContexts: negotiated(rq: rq, ac: ac))
        case .associateRJ(let rj):
            throw .rejected(rj)
        case let other:
            upperLayer.abort()
            throw .unexpectedPDU(type: other.type, state: .sta5)
        }
    }

    func associateRequest(calledAETitle: String, proposals: [ProposedPresentationContext],
                          userIdentity: UserIdentityRequest?) -> AAssociateRQ {
        var roles: [RoleSelection] = []
        for p in proposals {
            if let r = p.roles, !roles.contains(where: { $0.sopClassUID == p.abstractSyntax }) {
                roles.append(RoleSelection(sopClassUID: p.abstractSyntax, scuRole: r.scu, scpRole: r.scp))
            }
        }
        let items = proposals.enumerated().map { index, p in
            PresentationContextRQItem(id: UInt8(2 * index + 1), abstractSyntax: p.abstractSyntax,
                                      transferSyntaxes: p.transferSyntaxes)
        }
        return AAssociateRQ(calledAETitle: calledAETitle, callingAETitle: callingAETitle, presentationContexts: items,
                            userInformation: UserInformation(
                                maximumLength: configuration.effectiveMaximumPDULength,
                                implementationClassUID: configuration.implementationClassUID,
                                implementationVersionName: configuration.implementationVersionName,
                                roleSelections: roles, userIdentityRequest: userIdentity))
    }

    func negotiated(rq: AAssociateRQ, ac: AAssociateAC) -> [NegotiatedPresentationContext] {
        rq.presentationContexts.map { proposal in
            let item = ac.presentationContexts.first { $0.id == proposal.id }
            let result = item?.result ?? .noReason
            let accepted = result.isAccepted && proposal.transferSyntaxes.contains(item?.transferSyntax ?? "")
            let proposedRoles = rq.userInformation.roleSelection(for: proposal.abstractSyntax)
                .map { SCPSCURoles(scu: $0.scuRole, scp: $0.scpRole) }
            let answeredRoles = ac.userInformation.roleSelection(for: proposal.abstractSyntax)
                .map { SCPSCURoles(scu: $0.scuRole, scp: $0.scpRole) }
            let roles = PresentationContextNegotiation.negotiatedRoles(proposed: proposedRoles, answered: answeredRoles)
            return NegotiatedPresentationContext(
                id: proposal.id, abstractSyntax: proposal.abstractSyntax, proposedTransferSyntaxes: proposal.transferSyntaxes,
                result: accepted ? .acceptance : (result.isAccepted ? .transferSyntaxesNotSupported : result),
                transferSyntax: accepted ? item?.transferSyntax : nil,
                requestorIsSCU: roles.requestorIsSCU, requestorIsSCP: roles.requestorIsSCP)
        }
    }
}
