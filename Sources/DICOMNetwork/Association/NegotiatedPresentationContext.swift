/// A presentation context after negotiation: what was proposed, the result,
/// the transfer syntax and the roles each end plays for it.
package struct NegotiatedPresentationContext: Sendable, Equatable {
    package var id: UInt8
    package var abstractSyntax: String
    package var proposedTransferSyntaxes: [String]
    package var result: PresentationContextResult
    /// The accepted transfer syntax; nil unless accepted.
    package var transferSyntax: String?
    /// Whether the association-requestor may act as SCU / as SCP on this
    /// context (PS3.7 §D.3.3.4; default: requestor SCU, acceptor SCP).
    package var requestorIsSCU: Bool
    package var requestorIsSCP: Bool

    package init(id: UInt8, abstractSyntax: String, proposedTransferSyntaxes: [String], result: PresentationContextResult,
                 transferSyntax: String?, requestorIsSCU: Bool = true, requestorIsSCP: Bool = false) {
        self.id = id
        self.abstractSyntax = abstractSyntax
        self.proposedTransferSyntaxes = proposedTransferSyntaxes
        self.result = result
        self.transferSyntax = transferSyntax
        self.requestorIsSCU = requestorIsSCU
        self.requestorIsSCP = requestorIsSCP
    }

    package var isAccepted: Bool { result.isAccepted }
}
