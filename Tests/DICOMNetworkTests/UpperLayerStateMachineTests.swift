@testable import DICOMNetwork
import Testing

typealias Machine = UpperLayerStateMachine

/// PS3.8 Table 9-10 read a second way, row by row as the standard prints its
/// non-blank cells ("Sta5-12" spans states); every cell not named is blank.
let table910Rows: [(event: Int, cells: String)] = [
    (1, "Sta1 AE-1"),
    (2, "Sta4 AE-2"),
    (3, "Sta2 AA-1, Sta3 AA-8, Sta5 AE-3, Sta6-12 AA-8, Sta13 AA-6"),
    (4, "Sta2 AA-1, Sta3 AA-8, Sta5 AE-4, Sta6-12 AA-8, Sta13 AA-6"),
    (5, "Sta1 AE-5"),
    (6, "Sta2 AE-6, Sta3 AA-8, Sta5-12 AA-8, Sta13 AA-7"),
    (7, "Sta3 AE-7"),
    (8, "Sta3 AE-8"),
    (9, "Sta6 DT-1, Sta8 AR-7"),
    (10, "Sta2 AA-1, Sta3 AA-8, Sta5 AA-8, Sta6 DT-2, Sta7 AR-6, Sta8-12 AA-8, Sta13 AA-6"),
    (11, "Sta6 AR-1"),
    (12, "Sta2 AA-1, Sta3 AA-8, Sta5 AA-8, Sta6 AR-2, Sta7 AR-8, Sta8-12 AA-8, Sta13 AA-6"),
    (13, "Sta2 AA-1, Sta3 AA-8, Sta5-6 AA-8, Sta7 AR-3, Sta8-9 AA-8, Sta10 AR-10, Sta11 AR-3, Sta12 AA-8, Sta13 AA-6"),
    (14, "Sta8 AR-4, Sta9 AR-9, Sta12 AR-4"),
    (15, "Sta3 AA-1, Sta4 AA-2, Sta5-12 AA-1"),
    (16, "Sta2 AA-2, Sta3 AA-3, Sta5-12 AA-3, Sta13 AA-2"),
    (17, "Sta2 AA-5, Sta3-12 AA-4, Sta13 AR-5"),
    (18, "Sta2 AA-2, Sta13 AR-5"),
    (19, "Sta2 AA-1, Sta3 AA-8, Sta5-12 AA-8, Sta13 AA-7"),
]

func expectedCells(_ row: String) -> [Int: String] {
    var cells: [Int: String] = [:]
    for cell in row.split(separator: ",") {
        let parts = cell.split(separator: " ")
        let states = parts[0].dropFirst(3).split(separator: "-").compactMap { Int($0) }
        for state in (states.first ?? 0)...(states.last ?? 0) { cells[state] = String(parts[1]) }
    }
    return cells
}

@Test(arguments: table910Rows.map(\.event))
func transitionTableRowMatchesStandard(event number: Int) throws {
    let event = try #require(Machine.Event(rawValue: number))
    let cells = expectedCells(table910Rows[number - 1].cells)
    for state in Machine.State.allCases {
        let action = Machine.action(for: event, in: state)
        #expect(action?.rawValue == cells[state.rawValue], "Evt\(number) in Sta\(state.rawValue)")
    }
}

@Test func everyEventHasARowOfThirteenCells() {
    #expect(Set(Machine.table.keys) == Set(Machine.Event.allCases))
    #expect(Machine.table.values.allSatisfy { $0.count == 13 })
}

/// Next states of Tables 9-6 to 9-9.
@Test(arguments: [
    ("AE-1", 4), ("AE-2", 5), ("AE-3", 6), ("AE-4", 1), ("AE-5", 2), ("AE-6", 3), ("AE-7", 6), ("AE-8", 13),
    ("DT-1", 6), ("DT-2", 6), ("AR-1", 7), ("AR-2", 8), ("AR-3", 1), ("AR-4", 13), ("AR-5", 1), ("AR-6", 7),
    ("AR-7", 8), ("AR-9", 11), ("AR-10", 12), ("AA-1", 13), ("AA-2", 1), ("AA-3", 1), ("AA-4", 1), ("AA-5", 1),
    ("AA-6", 13), ("AA-7", 13), ("AA-8", 13),
])
func actionLeadsToItsNextState(action name: String, state: Int) throws {
    let action = try #require(Machine.Action(rawValue: name))
    #expect(action.nextState(isRequestor: true).rawValue == state)
    #expect(action.nextState(isRequestor: false).rawValue == state)
}

@Test func releaseCollisionBranchesOnTheRequestingEnd() {
    #expect(Machine.Action.ar8.nextState(isRequestor: true) == .sta9)
    #expect(Machine.Action.ar8.nextState(isRequestor: false) == .sta10)
}

struct Walk: Sendable, CustomTestStringConvertible {
    var name: String
    var isRequestor: Bool
    var steps: [(Machine.Event, String, Machine.State)]
    var testDescription: String { name }
}

let walks: [Walk] = [
    Walk(name: "acceptor: accept, data, peer releases", isRequestor: false, steps: [
        (.transportIndication, "AE-5", .sta2), (.associateRQPDU, "AE-6", .sta3),
        (.associateAcceptResponse, "AE-7", .sta6), (.pDataTFPDU, "DT-2", .sta6), (.pDataRequest, "DT-1", .sta6),
        (.releaseRQPDU, "AR-2", .sta8), (.releaseResponse, "AR-4", .sta13), (.transportClosed, "AR-5", .sta1),
    ]),
    Walk(name: "acceptor: reject, ARTIM expires", isRequestor: false, steps: [
        (.transportIndication, "AE-5", .sta2), (.associateRQPDU, "AE-6", .sta3),
        (.associateRejectResponse, "AE-8", .sta13), (.artimExpired, "AR-5", .sta1),
    ]),
    Walk(name: "acceptor: silent peer, ARTIM expires", isRequestor: false, steps: [
        (.transportIndication, "AE-5", .sta2), (.artimExpired, "AA-2", .sta1),
    ]),
    Walk(name: "acceptor: P-DATA before the association", isRequestor: false, steps: [
        (.transportIndication, "AE-5", .sta2), (.pDataTFPDU, "AA-1", .sta13), (.transportClosed, "AR-5", .sta1),
    ]),
    Walk(name: "requestor: accepted, data, release", isRequestor: true, steps: [
        (.associateRequest, "AE-1", .sta4), (.transportConnectConfirmation, "AE-2", .sta5),
        (.associateACPDU, "AE-3", .sta6), (.pDataRequest, "DT-1", .sta6), (.pDataTFPDU, "DT-2", .sta6),
        (.releaseRequest, "AR-1", .sta7), (.pDataTFPDU, "AR-6", .sta7), (.releaseRPPDU, "AR-3", .sta1),
    ]),
    Walk(name: "requestor: rejected", isRequestor: true, steps: [
        (.associateRequest, "AE-1", .sta4), (.transportConnectConfirmation, "AE-2", .sta5),
        (.associateRJPDU, "AE-4", .sta1),
    ]),
    Walk(name: "requestor: release collision", isRequestor: true, steps: [
        (.associateRequest, "AE-1", .sta4), (.transportConnectConfirmation, "AE-2", .sta5),
        (.associateACPDU, "AE-3", .sta6), (.releaseRequest, "AR-1", .sta7), (.releaseRQPDU, "AR-8", .sta9),
        (.releaseResponse, "AR-9", .sta11), (.releaseRPPDU, "AR-3", .sta1),
    ]),
    Walk(name: "acceptor: release collision", isRequestor: false, steps: [
        (.transportIndication, "AE-5", .sta2), (.associateRQPDU, "AE-6", .sta3),
        (.associateAcceptResponse, "AE-7", .sta6), (.releaseRequest, "AR-1", .sta7), (.releaseRQPDU, "AR-8", .sta10),
        (.releaseRPPDU, "AR-10", .sta12), (.releaseResponse, "AR-4", .sta13), (.transportClosed, "AR-5", .sta1),
    ]),
    Walk(name: "established: peer aborts", isRequestor: false, steps: [
        (.transportIndication, "AE-5", .sta2), (.associateRQPDU, "AE-6", .sta3),
        (.associateAcceptResponse, "AE-7", .sta6), (.abortPDU, "AA-3", .sta1),
    ]),
    Walk(name: "established: unexpected A-ASSOCIATE-RQ", isRequestor: false, steps: [
        (.transportIndication, "AE-5", .sta2), (.associateRQPDU, "AE-6", .sta3),
        (.associateAcceptResponse, "AE-7", .sta6), (.associateRQPDU, "AA-8", .sta13), (.associateRQPDU, "AA-7", .sta13),
        (.pDataTFPDU, "AA-6", .sta13), (.artimExpired, "AR-5", .sta1),
    ]),
]

@Test(arguments: walks)
func machineWalksThroughTheStandardsStates(_ walk: Walk) {
    var machine = Machine(isRequestor: walk.isRequestor)
    for (event, action, state) in walk.steps {
        #expect(machine.handle(event)?.rawValue == action, "\(event) → \(action)")
        #expect(machine.state == state, "\(event) → \(state)")
    }
}

@Test func blankCellChangesNothing() {
    var machine = Machine(isRequestor: false)
    #expect(machine.handle(.pDataRequest) == nil)
    #expect(machine.state == .sta1)
    _ = machine.handle(.transportIndication)
    #expect(machine.handle(.releaseRequest) == nil)
    #expect(machine.state == .sta2)
}

@Test func artimRunsWhileTheStandardSaysSo() {
    var machine = Machine(isRequestor: false)
    _ = machine.handle(.transportIndication)
    #expect(machine.isARTIMRunning)                  // AE-5 starts it
    _ = machine.handle(.associateRQPDU)
    #expect(!machine.isARTIMRunning)                 // AE-6 stops it
    _ = machine.handle(.associateRejectResponse)
    #expect(machine.isARTIMRunning)                  // AE-8 starts it
    _ = machine.handle(.transportClosed)
    #expect(!machine.isARTIMRunning)                 // AR-5 stops it
}

@Test func sendingActionsNameTheirPDU() {
    let expected: [Machine.Action: Machine.Action.Output] = [
        .ae2: .associateRQ, .ae7: .associateAC, .ae8: .associateRJ, .dt1: .pDataTF, .ar7: .pDataTF,
        .ar1: .releaseRQ, .ar4: .releaseRP, .ar9: .releaseRP,
        .aa1: .abort(.serviceUser), .aa8: .abort(.serviceProvider), .aa7: .abort(nil),
    ]
    for action in Machine.Action.allCases { #expect(action.sends == expected[action], "\(action)") }
}

@Test func transportIsClosedByTheStandardsActions() {
    let closers = Set(Machine.Action.allCases.filter(\.closesTransport).map(\.rawValue))
    #expect(closers == ["AE-4", "AR-3", "AA-2", "AA-3"])
}
