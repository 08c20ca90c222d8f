/// The DICOM Upper Layer protocol machine (PS3.8 §9.2): states Sta1–Sta13,
/// events Evt1–Evt19 and the actions of Tables 9-6 to 9-9, driven by the
/// transition table of Table 9-10 (`+Table.swift`). The machine decides; the
/// connection performs what the returned action says (send, ARTIM, close),
/// so it is tested without a socket.
package struct UpperLayerStateMachine: Sendable {
    /// PS3.8 §9.2.1, Table 9-10's columns.
    package enum State: Int, Sendable, CaseIterable, CustomStringConvertible {
        /// Idle
        case sta1 = 1
        /// Transport connection open (awaiting A-ASSOCIATE-RQ PDU)
        case sta2
        /// Awaiting local A-ASSOCIATE response primitive (from local user)
        case sta3
        /// Awaiting transport connection opening to complete (from local transport service)
        case sta4
        /// Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU
        case sta5
        /// Association established and ready for data transfer
        case sta6
        /// Awaiting A-RELEASE-RP PDU
        case sta7
        /// Awaiting local A-RELEASE response primitive (from local user)
        case sta8
        /// Release collision requestor side; awaiting A-RELEASE response (from local user)
        case sta9
        /// Release collision acceptor side; awaiting A-RELEASE-RP PDU
        case sta10
        /// Release collision requestor side; awaiting A-RELEASE-RP PDU
        case sta11
        /// Release collision acceptor side; awaiting A-RELEASE response primitive (from local user)
        case sta12
        /// Awaiting Transport Connection Close Indication (Association no longer exists)
        case sta13

        package var description: String { "Sta\(rawValue)" }
    }

    /// PS3.8 §9.2.2, Table 9-10's rows; `rawValue` is the N of EvtN.
    package enum Event: Int, Sendable, CaseIterable, CustomStringConvertible {
        /// A-ASSOCIATE request (local user)
        case associateRequest = 1
        /// Transport connect confirmation (local transport service)
        case transportConnectConfirmation = 2
        /// A-ASSOCIATE-AC PDU (received on transport connection)
        case associateACPDU = 3
        /// A-ASSOCIATE-RJ PDU (received on transport connection)
        case associateRJPDU = 4
        /// Transport connection indication (local transport service)
        case transportIndication = 5
        /// A-ASSOCIATE-RQ PDU (received on transport connection)
        case associateRQPDU = 6
        /// A-ASSOCIATE response primitive (accept)
        case associateAcceptResponse = 7
        /// A-ASSOCIATE response primitive (reject)
        case associateRejectResponse = 8
        /// P-DATA request primitive
        case pDataRequest = 9
        /// P-DATA-TF PDU
        case pDataTFPDU = 10
        /// A-RELEASE request primitive
        case releaseRequest = 11
        /// A-RELEASE-RQ PDU (received on open transport connection)
        case releaseRQPDU = 12
        /// A-RELEASE-RP PDU (received on transport connection)
        case releaseRPPDU = 13
        /// A-RELEASE response primitive
        case releaseResponse = 14
        /// A-ABORT request primitive
        case abortRequest = 15
        /// A-ABORT PDU (received on open transport connection)
        case abortPDU = 16
        /// Transport connection closed indication (local transport service)
        case transportClosed = 17
        /// ARTIM timer expired (Association reject/release timer)
        case artimExpired = 18
        /// Unrecognized or invalid PDU received
        case invalidPDU = 19

        package var description: String { "Evt\(rawValue)" }
    }

    /// Whether this end requested the association (AR-8 branches on it).
    package let isRequestor: Bool
    package private(set) var state: State
    /// The ARTIM timer as the actions left it (PS3.8 §9.1.5).
    package private(set) var isARTIMRunning = false

    package init(isRequestor: Bool, state: State = .sta1) {
        (self.isRequestor, self.state) = (isRequestor, state)
    }

    /// The action Table 9-10 gives `event` in the current state, after which the
    /// machine is in the action's next state; nil for a blank cell (nothing
    /// happens, the state is unchanged — for a local primitive, a caller error).
    package mutating func handle(_ event: Event) -> Action? {
        guard let action = Self.action(for: event, in: state) else { return nil }
        state = action.nextState(isRequestor: isRequestor)
        switch action.artim {
        case .start?: isARTIMRunning = true
        case .stop?: isARTIMRunning = false
        case nil: if action.closesTransport { isARTIMRunning = false }
        }
        return action
    }

    /// The cell of Table 9-10 for `event` and `state`.
    package static func action(for event: Event, in state: State) -> Action? {
        guard let row = table[event], row.count == State.allCases.count else { return nil }
        return row[state.rawValue - 1]
    }
}
