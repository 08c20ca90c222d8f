import Archive
import DICOM
import DICOMNetwork
import QRServer
import Testing

/// Spec §4 (and Quarry's write-only rule), `--require-find`, `--no-parallel-store`.
@Suite struct AccessRuleTests {
    static let everything: [Proposal] = [
        .init(abstractSyntax: UID.verification), .init(abstractSyntax: UID.ct), .init(abstractSyntax: UID.mr, roles: .scpOnly),
        .init(abstractSyntax: UID.studyFind), .init(abstractSyntax: UID.studyMove), .init(abstractSyntax: UID.studyGet),
        .init(abstractSyntax: "1.2.840.10008.5.1.4.1.1.7", roles: .both),
    ]

    struct Case: Sendable, CustomStringConvertible {
        var called: String
        var options = ServerOptions()
        var live = LiveAssociations()
        var expected: [Outcome]
        var description: String { "\(called) \(options.disableGet ? "--disable-get" : "")" }
    }

    static let cases: [Case] = [
        Case(called: "STORE", expected: [
            .accepted(UID.ele), .accepted(UID.ele), .accepted(UID.ele, scu: false, scp: true),
            .accepted(UID.ele), .accepted(UID.ele), .accepted(UID.ele), .accepted(UID.ele, scu: true, scp: true)]),
        // R: storage refused (user-rejection) unless the requestor is SCP only (a C-GET receiver).
        Case(called: "READONLY", expected: [
            .accepted(UID.ele), .rejected(1), .accepted(UID.ele, scu: false, scp: true),
            .accepted(UID.ele), .accepted(UID.ele), .accepted(UID.ele), .rejected(1)]),
        // R with --disable-get: default roles, so every storage context is refused.
        Case(called: "READONLY", options: options { $0.disableGet = true }, expected: [
            .accepted(UID.ele), .rejected(1), .rejected(1),
            .accepted(UID.ele), .accepted(UID.ele), .rejected(3), .rejected(1)]),
        // W (Quarry): FIND/MOVE/GET refused, storage kept.
        Case(called: "WRITEONLY", expected: [
            .accepted(UID.ele), .accepted(UID.ele), .accepted(UID.ele, scu: false, scp: true),
            .rejected(1), .rejected(1), .rejected(1), .accepted(UID.ele, scu: true, scp: true)]),
        // --no-parallel-store: another association already stores to STORE.
        Case(called: "STORE", options: options { $0.noParallelStore = true },
             live: LiveAssociations(count: 1, storingAETitles: ["STORE"]), expected: [
                .accepted(UID.ele), .rejected(1), .accepted(UID.ele, scu: false, scp: true),
                .accepted(UID.ele), .accepted(UID.ele), .accepted(UID.ele), .rejected(1)]),
        Case(called: "STORE", options: options { $0.noParallelStore = true },
             live: LiveAssociations(count: 1, storingAETitles: ["READONLY"]), expected: [
                .accepted(UID.ele), .accepted(UID.ele), .accepted(UID.ele, scu: false, scp: true),
                .accepted(UID.ele), .accepted(UID.ele), .accepted(UID.ele), .accepted(UID.ele, scu: true, scp: true)]),
    ]

    @Test(arguments: cases) func accessRules(_ c: Case) {
        let rq = request(called: c.called, calling: "VIEWER1", Self.everything)
        let evaluation = policy(c.options).evaluate(rq, peerHost: "localhost", live: c.live)
        #expect(outcomes(evaluation, rq) == c.expected)
    }

    @Test func writeOnlyRefusalIsLoggedWithItsRule() {
        let evaluation = policy().evaluate(request(called: "WRITEONLY", Self.everything), peerHost: "localhost",
                                           live: LiveAssociations())
        #expect(evaluation.lines.contains(
            "W: Refusing presentation contexts Study Root FIND, Study Root MOVE, Study Root GET: \"WRITEONLY\" has access \"W\" "
                + "(write only, AETable line 10); Quarry refuses C-FIND, C-MOVE and C-GET on a write-only AE"))
    }

    @Test func holdsStorageOnlyWhenTheRequestorMaySend() {
        let p = policy()
        let sending = p.evaluate(request([.init(abstractSyntax: UID.ct)]), peerHost: "localhost", live: LiveAssociations())
        let receiving = p.evaluate(request([.init(abstractSyntax: UID.ct, roles: .scpOnly)]), peerHost: "localhost",
                                   live: LiveAssociations())
        #expect(sending.holdsStorageContexts)
        #expect(!receiving.holdsStorageContexts)
    }

    @Test func moveWithoutFind() {
        let rq = request([.init(abstractSyntax: UID.studyMove), .init(abstractSyntax: UID.patientMove),
                          .init(abstractSyntax: UID.patientFind)])
        let lenient = policy().evaluate(rq, peerHost: "localhost", live: LiveAssociations())
        #expect(outcomes(lenient, rq) == [.accepted(UID.ele), .accepted(UID.ele), .accepted(UID.ele)])
        #expect(lenient.lines.filter { $0.hasPrefix("E: ") } == ["E: Move Presentation Context but no Find (accepting for now)"])
        let strict = policy(options { $0.requireFind = true }).evaluate(rq, peerHost: "localhost", live: LiveAssociations())
        #expect(outcomes(strict, rq) == [.rejected(1), .accepted(UID.ele), .accepted(UID.ele)])
        #expect(!strict.lines.contains { $0.hasPrefix("E: ") })
    }

    @Test func getIsNotAffectedByRequireFind() {
        let rq = request([.init(abstractSyntax: UID.studyGet)])
        let evaluation = policy(options { $0.requireFind = true }).evaluate(rq, peerHost: "localhost", live: LiveAssociations())
        #expect(outcomes(evaluation, rq) == [.accepted(UID.ele)])
    }
}
