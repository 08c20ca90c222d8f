import DICOM

/// The connection side of the upper layer: feeds events to the state machine
/// and performs the actions it returns — sends the PDU, runs ARTIM, closes.
/// One association's thread owns it.
final class UpperLayerConnection {
    typealias Event = UpperLayerStateMachine.Event
    typealias Action = UpperLayerStateMachine.Action

    let transport: TCPConnection
    let configuration: AssociationConfiguration
    private(set) var machine: UpperLayerStateMachine

    init(transport: TCPConnection, isRequestor: Bool, configuration: AssociationConfiguration) {
        self.transport = transport
        self.configuration = configuration
        machine = UpperLayerStateMachine(isRequestor: isRequestor)
    }

    var state: UpperLayerStateMachine.State { machine.state }
    var log: Log { configuration.log }

    /// Runs `event` and performs the action: sends `pdu` (or the A-ABORT the action
    /// names), closes the transport in Sta1, waits out Sta13 (ARTIM) and closes.
    @discardableResult
    func perform(_ event: Event, sending pdu: PDU? = nil,
                 abortReason: AAbort.Reason = .notSpecified) throws(AssociationError) -> Action {
        let before = machine.state
        guard let action = machine.handle(event) else {
            throw .illegalState("\(event) is not allowed in \(before)")
        }
        if let output = action.sends {
            let bytes: [UInt8]
            switch output {
            case .abort(let source):
                let source = source ?? .serviceProvider
                bytes = AAbort(source: source, reason: source == .serviceUser ? .notSpecified : abortReason).encoded
            default:
                guard let pdu else { throw .illegalState("\(action) needs a PDU to send") }
                bytes = pdu.encoded
            }
            do {
                try transport.write(bytes)
            } catch {
                if case .abort = output {} else {
                    _ = machine.handle(.transportClosed)
                    transport.close()
                    throw .transport(error)
                }
            }
        }
        settle()
        return action
    }

    /// Sta13 waits for the peer to close (or ARTIM to expire); Sta1 closes.
    private func settle() {
        if machine.state == .sta13 {
            transport.drainUntilClosed(timeout: configuration.artimTimeout)
            _ = machine.handle(.transportClosed)
        }
        if machine.state == .sta1 { transport.close() }
    }

    /// Reads the next PDU within `timeout` and runs its event. Returns the PDU when
    /// the action hands it to the user (AE-3, AE-4, AE-6, DT-2, AR-2, AR-3, AR-6,
    /// AR-8, AR-10); throws when the association ends instead.
    func receivePDU(timeout: Duration?) throws(AssociationError) -> PDU {
        let before = machine.state
        let pdu: PDU
        do {
            pdu = try transport.readPDU(limits: configuration.limits, timeout: timeout) { [log] header, body in
                // DCMTK's -d shows the A-ASSOCIATE PDUs as received.
                if header[0] <= AAssociateAC.pduType, log.isEnabled(.debug) {
                    log.debug(dcmtkPDUHeaderDump(header + body.prefix(512)))
                }
            }
        } catch {
            switch error {
            case .transport(.readTimeout):
                if machine.isARTIMRunning {
                    _ = try? perform(.artimExpired)
                } else {
                    log.debug("Network read timeout in \(before): aborting association")
                    _ = try? perform(.abortRequest)
                }
            case .transport:
                _ = try? perform(.transportClosed)
            case .pduTooLarge, .invalidPDU(.malformed):
                _ = try? perform(.invalidPDU, abortReason: .invalidPDUParameterValue)
            case .invalidPDU(.unrecognizedPDUType):
                _ = try? perform(.invalidPDU, abortReason: .unrecognizedPDU)
            default:
                _ = try? perform(.abortRequest)
            }
            if machine.state != .sta1 { transport.close() }
            throw error
        }
        let event: Event = switch pdu {
        case .associateRQ: .associateRQPDU
        case .associateAC: .associateACPDU
        case .associateRJ: .associateRJPDU
        case .pDataTF: .pDataTFPDU
        case .releaseRQ: .releaseRQPDU
        case .releaseRP: .releaseRPPDU
        case .abort: .abortPDU
        }
        let action = try perform(event, abortReason: .unexpectedPDU)
        switch action {
        case .ae3, .ae4, .ae6, .dt2, .ar2, .ar3, .ar6, .ar8, .ar10:
            return pdu
        case .aa3, .aa2:
            if case .abort(let abort) = pdu { throw .peerAborted(abort) }
            throw .unexpectedPDU(type: pdu.type, state: before)
        default:
            throw .unexpectedPDU(type: pdu.type, state: before)
        }
    }

    /// A-ABORT from this end (Evt15) where the state allows it; otherwise just close.
    func abort() {
        if UpperLayerStateMachine.action(for: .abortRequest, in: machine.state) != nil {
            _ = try? perform(.abortRequest)
        }
        transport.close()
    }
}
