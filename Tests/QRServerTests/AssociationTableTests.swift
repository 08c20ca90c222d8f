import DICOMNetwork
import QRServer
import Testing

/// The table MaxAssociations and `--no-parallel-store` are decided against.
@Suite struct AssociationTableTests {
    let listener: TCPListener

    init() throws { listener = try TCPListener(port: 0) }

    func connection() throws -> TCPConnection {
        try TCPConnection.connect(host: "127.0.0.1", port: listener.port, timeout: .seconds(5))
    }

    func accepted(_ live: LiveAssociations, holdsStorage: Bool = false) -> PolicyEvaluation {
        PolicyEvaluation(decision: .accept([]), log: [], holdsStorageContexts: holdsStorage)
    }

    @Test func admittedAssociationsAreCountedForTheNextDecision() throws {
        let table = AssociationTable()
        let a = try #require(table.add(try connection()))
        let b = try #require(table.add(try connection()))
        var seen: [LiveAssociations] = []
        _ = table.admit(a, calledAETitle: "STORE") { seen.append($0); return accepted($0, holdsStorage: true) }
        _ = table.admit(b, calledAETitle: "OTHER") { seen.append($0); return accepted($0) }
        #expect(seen == [LiveAssociations(count: 0), LiveAssociations(count: 1, storingAETitles: ["STORE"])])
        #expect(table.liveCount == 2)
        table.remove(a)
        #expect(table.liveCount == 1)
        #expect(table.count == 1)
    }

    @Test func rejectedAssociationsAreNotCounted() throws {
        let table = AssociationTable()
        let a = try #require(table.add(try connection()))
        _ = table.admit(a, calledAETitle: "STORE") { _ in
            PolicyEvaluation(decision: .reject(AssociationRefusal.badAEService.reject), log: [])
        }
        #expect(table.liveCount == 0)
        #expect(table.count == 1)   // still negotiating until its thread forgets it
    }

    @Test func connectionsWaitingToNegotiateAreBounded() throws {
        let table = AssociationTable()
        #expect(table.add(try connection(), negotiationLimit: 2) != nil)
        let second = try #require(table.add(try connection(), negotiationLimit: 2))
        #expect(table.add(try connection(), negotiationLimit: 2) == nil)
        _ = table.admit(second, calledAETitle: "STORE") { accepted($0) }   // now an association, no longer waiting
        #expect(table.add(try connection(), negotiationLimit: 2) != nil)
    }

    @Test func stoppingClosesNegotiationsAndAdmitsNothing() throws {
        let table = AssociationTable()
        let waiting = try #require(table.add(try connection()))
        let live = try #require(table.add(try connection()))
        _ = table.admit(live, calledAETitle: "STORE") { accepted($0) }
        #expect(table.beginStopping().count == 1)
        #expect(table.isStopping)
        let late = table.admit(waiting, calledAETitle: "STORE") { accepted($0) }
        #expect(!late.isAccepted)
        #expect(table.add(try connection()) == nil)
    }
}
