/// Pure rules of presentation context negotiation, for the acceptor's policy.
package enum PresentationContextNegotiation {
    /// The transfer syntax to accept: the first of `preference` the requestor
    /// proposed, whatever order it proposed them in (dcmqrscp's `+x=` etc., spec
    /// §3.4); nil when none is acceptable.
    package static func selectTransferSyntax(proposed: [String], preference: [String]) -> String? {
        preference.first { proposed.contains($0) }
    }

    /// The acceptor's Role Selection answer (PS3.7 §D.3.3.4): each proposed role
    /// returned as 1 if the acceptor accepts it, 0 otherwise; a role not proposed
    /// is never returned as 1. nil when the requestor proposed none (then none is sent).
    package static func answerRoles(proposed: SCPSCURoles?, acceptSCU: Bool, acceptSCP: Bool) -> SCPSCURoles? {
        guard let proposed else { return nil }
        return SCPSCURoles(scu: proposed.scu && acceptSCU, scp: proposed.scp && acceptSCP)
    }

    /// The roles that result (PS3.7 §D.3.3.4): without a proposal or without an
    /// answer, the requestor is SCU and the acceptor SCP; otherwise a role holds
    /// when proposed and accepted.
    package static func negotiatedRoles(proposed: SCPSCURoles?, answered: SCPSCURoles?) -> (requestorIsSCU: Bool, requestorIsSCP: Bool) {
        guard let proposed, let answered else { return (true, false) }
        return (proposed.scu && answered.scu, proposed.scp && answered.scp)
    }
}
