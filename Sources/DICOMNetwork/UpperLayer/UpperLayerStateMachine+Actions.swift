extension UpperLayerStateMachine {
    /// The actions of PS3.8 Tables 9-6 (AE), 9-7 (DT), 9-8 (AR) and 9-9 (AA).
    package enum Action: String, Sendable, CaseIterable, CustomStringConvertible {
        case ae1 = "AE-1", ae2 = "AE-2", ae3 = "AE-3", ae4 = "AE-4", ae5 = "AE-5", ae6 = "AE-6", ae7 = "AE-7", ae8 = "AE-8"
        case dt1 = "DT-1", dt2 = "DT-2"
        case ar1 = "AR-1", ar2 = "AR-2", ar3 = "AR-3", ar4 = "AR-4", ar5 = "AR-5"
        case ar6 = "AR-6", ar7 = "AR-7", ar8 = "AR-8", ar9 = "AR-9", ar10 = "AR-10"
        case aa1 = "AA-1", aa2 = "AA-2", aa3 = "AA-3", aa4 = "AA-4", aa5 = "AA-5", aa6 = "AA-6", aa7 = "AA-7", aa8 = "AA-8"

        package var description: String { rawValue }

        /// The PDU the action sends, if any.
        package enum Output: Sendable, Equatable {
            case associateRQ, associateAC, associateRJ, pDataTF, releaseRQ, releaseRP
            /// A-ABORT; AA-1 names the service-user as source, AA-8 the service-provider,
            /// AA-7 leaves it to the sender (nil).
            case abort(AAbort.Source?)
        }

        package enum ARTIMChange: Sendable, Equatable { case start, stop }

        /// The next state (Tables 9-6 to 9-9). AE-6 goes to Sta3: its reject branch
        /// runs as Sta3 + Evt8 (AE-8). AR-8 depends on which end requested.
        package func nextState(isRequestor: Bool) -> State {
            switch self {
            case .ae1: .sta4
            case .ae2: .sta5
            case .ae3, .ae7, .dt1, .dt2: .sta6
            case .ae4, .ar3, .ar5, .aa2, .aa3, .aa4, .aa5: .sta1
            case .ae5: .sta2
            case .ae6: .sta3
            case .ae8, .ar4, .aa1, .aa6, .aa7, .aa8: .sta13
            case .ar1, .ar6: .sta7
            case .ar2, .ar7: .sta8
            case .ar8: isRequestor ? .sta9 : .sta10
            case .ar9: .sta11
            case .ar10: .sta12
            }
        }

        package var sends: Output? {
            switch self {
            case .ae2: .associateRQ
            case .ae7: .associateAC
            case .ae8: .associateRJ
            case .dt1, .ar7: .pDataTF
            case .ar1: .releaseRQ
            case .ar4, .ar9: .releaseRP
            case .aa1: .abort(.serviceUser)
            case .aa7: .abort(nil)
            case .aa8: .abort(.serviceProvider)
            default: nil
            }
        }

        package var artim: ARTIMChange? {
            switch self {
            case .ae5, .ae8, .ar4, .aa1, .aa8: .start
            case .ae6, .ar5, .aa2, .aa5: .stop
            default: nil
            }
        }

        /// AE-1 issues a TRANSPORT CONNECT request.
        package var opensTransport: Bool { self == .ae1 }

        /// Actions that close the transport connection.
        package var closesTransport: Bool {
            switch self {
            case .ae4, .ar3, .aa2, .aa3: true
            default: false
            }
        }

        /// The primitive issued to the local user, in the standard's words.
        package var indication: String? {
            switch self {
            case .ae3: "A-ASSOCIATE confirmation (accept)"
            case .ae4: "A-ASSOCIATE confirmation (reject)"
            case .ae6: "A-ASSOCIATE indication"
            case .dt2, .ar6: "P-DATA indication"
            case .ar2: "A-RELEASE indication"
            case .ar8: "A-RELEASE indication (release collision)"
            case .ar3, .ar10: "A-RELEASE confirmation"
            case .aa3: "A-ABORT or A-P-ABORT indication"
            case .aa4, .aa8: "A-P-ABORT indication"
            default: nil
            }
        }
    }
}
