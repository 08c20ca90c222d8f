import DICOM

/// An A-ASSOCIATE-RQ as the acceptor's policy sees it: the decoded PDU and
/// where it came from.
package struct AssociationRequest: Sendable, Equatable {
    package var pdu: AAssociateRQ
    package var peer: PeerAddress

    package init(pdu: AAssociateRQ, peer: PeerAddress) { (self.pdu, self.peer) = (pdu, peer) }

    package var callingAETitle: String { pdu.callingAETitle }
    package var calledAETitle: String { pdu.calledAETitle }
    package var applicationContextName: String { pdu.applicationContextName }
    package var presentationContexts: [PresentationContextRQItem] { pdu.presentationContexts }
    package var userInformation: UserInformation { pdu.userInformation }
    package var implementationClassUID: String? { pdu.userInformation.implementationClassUID }
    package var implementationVersionName: String? { pdu.userInformation.implementationVersionName }
    /// The requestor's Maximum Length; 0 or absent means no limit.
    package var maximumLength: UInt32 { pdu.userInformation.maximumLength ?? 0 }

    /// The SCP/SCU role the requestor proposed for an abstract syntax, if it did.
    package func proposedRoles(for abstractSyntax: String) -> SCPSCURoles? {
        pdu.userInformation.roleSelection(for: abstractSyntax).map { SCPSCURoles(scu: $0.scuRole, scp: $0.scpRole) }
    }
}

/// What the acceptor's policy answers (spec §3.1): accept, with an answer per
/// proposed presentation context, or reject with the A-ASSOCIATE-RJ fields.
package enum AssociationDecision: Sendable, Equatable {
    case accept([PresentationContextAnswer])
    case reject(AAssociateRJ)
}

/// The answer to one proposed presentation context.
package struct PresentationContextAnswer: Sendable, Equatable {
    package var id: UInt8
    package var result: PresentationContextResult
    /// The transfer syntax accepted (one of those proposed); nil when rejected.
    package var transferSyntax: String?
    /// The SCP/SCU Role Selection answer for this context's abstract syntax, sent
    /// only when the requestor proposed one (PS3.7 §D.3.3.4).
    package var roles: SCPSCURoles?

    package init(id: UInt8, result: PresentationContextResult, transferSyntax: String? = nil, roles: SCPSCURoles? = nil) {
        (self.id, self.result, self.transferSyntax, self.roles) = (id, result, transferSyntax, roles)
    }

    package static func accept(_ id: UInt8, transferSyntax: String, roles: SCPSCURoles? = nil) -> Self {
        Self(id: id, result: .acceptance, transferSyntax: transferSyntax, roles: roles)
    }

    package static func reject(_ id: UInt8, _ result: PresentationContextResult) -> Self {
        Self(id: id, result: result)
    }
}

/// The two role flags of an SCP/SCU Role Selection (PS3.7 §D.3.3.4).
package struct SCPSCURoles: Sendable, Hashable, CustomStringConvertible {
    package var scu: Bool
    package var scp: Bool
    package init(scu: Bool, scp: Bool) { (self.scu, self.scp) = (scu, scp) }

    package static let scuOnly = Self(scu: true, scp: false)
    package static let scpOnly = Self(scu: false, scp: true)
    package static let both = Self(scu: true, scp: true)

    /// DCMTK's wording in its association dumps.
    package var description: String {
        switch (scu, scp) {
        case (true, true): "SCP/SCU"
        case (true, false): "SCU"
        case (false, true): "SCP"
        case (false, false): "None"
        }
    }
}
