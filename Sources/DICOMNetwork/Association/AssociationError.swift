/// Why an association (or the attempt at one) ended other than by an orderly
/// release. `description` is DCMTK's condition code and text where DCMTK has
/// one (`0006:031a DUL network read timeout`), so logs read like dcmqrscp's.
package enum AssociationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The TCP transport failed, timed out or was closed by the peer.
    case transport(TransportError)
    /// A PDU-length beyond what we accept (our maximum for P-DATA-TF).
    case pduTooLarge(type: UInt8, length: UInt32, limit: UInt32)
    /// Bytes that are not a PDU of PS3.8 §9.3.
    case invalidPDU(PDUDecodingError)
    /// A PDU Table 9-10 does not allow in the state the association was in.
    case unexpectedPDU(type: UInt8, state: UpperLayerStateMachine.State)
    /// The acceptor answered A-ASSOCIATE-RJ.
    case rejected(AAssociateRJ)
    /// The peer sent A-ABORT.
    case peerAborted(AAbort)
    /// The peer asked to release while a response was awaited; the release was answered.
    case peerReleased
    /// A DIMSE message that breaks PS3.7 (bad command set, fragments out of order, unknown context).
    case dimse(String)
    /// A call this end made in a state that does not allow it (e.g. send after release).
    case illegalState(String)

    package var description: String {
        switch self {
        case .transport(let e): e.dcmtkDescription
        case .pduTooLarge(let type, let length, let limit):
            "0006:0308 DUL Illegal PDU Length: \(PDU.name(ofType: type)) PDU of \(length) bytes exceeds the maximum of \(limit)"
        case .invalidPDU(.unrecognizedPDUType(let type)): "0006:0321 Unrecognized PDU type: \(type)"
        case .invalidPDU(.malformed(let m)): "0006:0307 DUL Illegal or ill-formed PDU: \(m)"
        case .unexpectedPDU(let type, let state):
            "0006:031f DUL Received unexpected PDU: \(PDU.name(ofType: type)) in \(state)"
        case .rejected(let rj): "0006:0301 DUL Association Rejected: \(rj.description.replacingNewlines)"
        case .peerAborted: "0006:0317 Peer aborted Association (or never connected)"
        case .peerReleased: "0006:0319 DUL Peer Requested Release"
        case .dimse(let text): "0006:020b DIMSE Failed to parse received message: \(text)"
        case .illegalState(let text): "0006:0205 DIMSE Caller passed in an illegal association: \(text)"
        }
    }

    /// True when the peer went away or stopped talking (nothing left to tell it).
    package var isTransportFailure: Bool {
        if case .transport = self { return true }
        return false
    }
}

extension String {
    var replacingNewlines: String { split(separator: "\n").joined(separator: ", ") }
}
