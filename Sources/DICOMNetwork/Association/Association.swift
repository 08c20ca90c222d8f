import DICOM

/// An established association (PS3.8 Sta6), from either end: what was
/// negotiated, and the DIMSE message exchange on it (`+DIMSE.swift`). One
/// thread owns it; `connection.shutdown()` may stop it from another.
package final class Association {
    package enum Role: Sendable, Equatable { case requestor, acceptor }

    package let role: Role
    package let request: AAssociateRQ
    package let acceptance: AAssociateAC
    /// Every proposed context with its result, in proposal order.
    package let presentationContexts: [NegotiatedPresentationContext]
    /// DIMSE timeout (`-td`) for each PDU of a message; nil waits.
    package var dimseTimeout: Duration?

    let upperLayer: UpperLayerConnection
    /// PDVs of the last P-DATA-TF not yet consumed.
    var inbox: [PresentationDataValue] = []
    var inboxIndex = 0
    /// Set after a command that announced a data set, until the data set is consumed.
    var pendingDataSetContextID: UInt8?
    private var lastMessageID: UInt16 = 0

    init(role: Role, upperLayer: UpperLayerConnection, request: AAssociateRQ, acceptance: AAssociateAC,
         presentationContexts: [NegotiatedPresentationContext]) {
        self.role = role
        self.upperLayer = upperLayer
        self.request = request
        self.acceptance = acceptance
        self.presentationContexts = presentationContexts
        dimseTimeout = upperLayer.configuration.dimseTimeout
    }

    deinit { if upperLayer.state != .sta1 { upperLayer.abort() } }

    package var connection: TCPConnection { upperLayer.transport }
    package var peer: PeerAddress { connection.peer }
    package var configuration: AssociationConfiguration { upperLayer.configuration }
    package var log: Log { upperLayer.log }
    package var callingAETitle: String { request.callingAETitle }
    package var calledAETitle: String { request.calledAETitle }
    /// The upper-layer state (Sta6 while established, Sta1 once over).
    package var state: UpperLayerStateMachine.State { upperLayer.state }
    package var isEstablished: Bool { state == .sta6 }

    /// The peer's Maximum Length (PS3.8 §D.1); 0 means no limit.
    package var peerMaximumLength: UInt32 {
        (role == .acceptor ? request.userInformation.maximumLength : acceptance.userInformation.maximumLength) ?? 0
    }

    /// The largest PDV value this end sends: the peer's maximum less 12, as DCMTK
    /// computes and logs it (`Max Send PDV: 16372` for 16384, spec §3.4); with no
    /// peer limit, 65524.
    package var maximumSendPDVLength: Int {
        let peerMaximum = peerMaximumLength == 0 ? 65536 : Int(peerMaximumLength)
        return max(peerMaximum - 12, 1)
    }

    package var acceptedPresentationContexts: [NegotiatedPresentationContext] {
        presentationContexts.filter(\.isAccepted)
    }

    package func presentationContext(id: UInt8) -> NegotiatedPresentationContext? {
        presentationContexts.first { $0.id == id }
    }

    /// The first accepted context for `abstractSyntax` (and `transferSyntax`, if given).
    package func acceptedPresentationContext(abstractSyntax: String, transferSyntax: String? = nil) -> NegotiatedPresentationContext? {
        presentationContexts.first {
            $0.isAccepted && $0.abstractSyntax == abstractSyntax && (transferSyntax == nil || $0.transferSyntax == transferSyntax)
        }
    }

    /// Message IDs for requests this end sends: 1, 2, 3… (wrapping, never 0).
    package func nextMessageID() -> UInt16 {
        lastMessageID = lastMessageID == UInt16.max ? 1 : lastMessageID + 1
        return lastMessageID
    }

    /// Orderly release from this end (A-RELEASE-RQ, wait for -RP within the ACSE
    /// timeout; release collisions handled as Table 9-10 says).
    package func release() throws(AssociationError) {
        try upperLayer.perform(.releaseRequest, sending: .releaseRQ(AReleaseRQ()))
        while true {
            switch upperLayer.state {
            case .sta1:
                return
            case .sta9, .sta12:
                try upperLayer.perform(.releaseResponse, sending: .releaseRP(AReleaseRP()))
            default:
                _ = try upperLayer.receivePDU(timeout: configuration.acseTimeout)
            }
        }
    }

    /// A-ABORT from this end (service-user source), then close. Never throws.
    package func abort() {
        upperLayer.abort()
    }
}
