import Archive
import DICOM
import DICOMNetwork
import QRServer
import Foundation
import Testing

func options(_ edit: (inout ServerOptions) -> Void = { _ in }) -> ServerOptions {
    var o = ServerOptions()
    edit(&o)
    return o
}

/// Spec §3.1–§3.3: which requests are rejected, with which A-ASSOCIATE-RJ and log lines.
@Suite struct AssociationRejectionTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var options = ServerOptions()
        var called = "STORE"
        var calling = "VIEWER1"
        var peerHost = "localhost"
        var address = "127.0.0.1"
        var applicationContext = AssociationPolicy.dicomApplicationContextName
        var implementationClassUID: String? = "1.2.3.4"
        var live = LiveAssociations()
        /// (result, source, reason); nil: accepted.
        var expected: [UInt8]?
        /// Lines the log must hold, in order (other lines may come between).
        var lines: [String] = []
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "admitted peer", expected: nil, lines: [
            "I: Association Received (localhost:VIEWER1 -> STORE)"]),
        Case(name: "called AE unknown", called: "NOSUCH", expected: [1, 1, 7], lines: [
            "I: Association Received (localhost:VIEWER1 -> NOSUCH)",
            "W: Refusing association from localhost:VIEWER1 to NOSUCH: called AE title \"NOSUCH\" is not in the AETable",
            "D: Peer localhost:VIEWER1 is not not permitted to access NOSUCH (see configuration file)",
            "I: Refusing Association (BadAEService)"]),
        Case(name: "called AE differing in case", called: "store", expected: [1, 1, 7]),
        Case(name: "calling AE not a peer", calling: "NOBODY", expected: [1, 1, 7], lines: [
            "W: Refusing association from localhost:NOBODY to STORE: calling AE title \"NOBODY\" is not among the peers of \"STORE\" (AETable line 8)",
            "I: Refusing Association (BadAEService)"]),
        Case(name: "calling AE from another host", peerHost: "elsewhere.example.org", address: "10.1.2.3", expected: [1, 1, 7],
             lines: ["W: Refusing association from elsewhere.example.org:VIEWER1 to STORE: \"STORE\" admits VIEWER1 only from localhost, not from elsewhere.example.org (10.1.2.3) (AETable line 8)"]),
        Case(name: "IP-literal host matches the peer's address", calling: "VIEWER2", expected: nil),
        Case(name: "IP-literal host, other address", calling: "VIEWER2", peerHost: "otherhost", address: "10.0.0.9",
             expected: [1, 1, 7]),
        Case(name: "ANY admits anyone", called: "READONLY", calling: "WHOEVER", peerHost: "far.example.org",
             address: "192.0.2.7", expected: nil),
        Case(name: "--refuse", options: options { $0.refuseAssociations = true }, expected: [1, 1, 1], lines: [
            "I: Association Received (localhost:VIEWER1 -> STORE)",
            "I: Refusing Association (forced via command line)",
            "I: Refusing Association (NoReason)"]),
        Case(name: "--refuse before the AE check", options: options { $0.refuseAssociations = true }, called: "NOSUCH",
             expected: [1, 1, 1]),
        Case(name: "bad application context", applicationContext: "1.2.3.4.5", expected: [2, 1, 2], lines: [
            "I: Bad AppContextName: 1.2.3.4.5", "I: Refusing Association (BadAppContext)"]),
        Case(name: "--reject without Implementation Class UID", options: options { $0.rejectWithoutImplementationClassUID = true },
             implementationClassUID: nil, expected: [1, 1, 1], lines: [
                "I: No implementation Class UID provided", "I: Refusing Association (NoReason)"]),
        Case(name: "--reject with Implementation Class UID", options: options { $0.rejectWithoutImplementationClassUID = true },
             expected: nil),
        Case(name: "MaxAssociations reached", live: LiveAssociations(count: 2), expected: [2, 3, 2], lines: [
            "I: Refusing Association (TooManyAssociations)"]),
        Case(name: "one place left", live: LiveAssociations(count: 1), expected: nil),
        Case(name: "unknown peer when full gets (1,1,7)", calling: "NOBODY", live: LiveAssociations(count: 2),
             expected: [1, 1, 7]),
    ]

    @Test(arguments: cases) func decided(_ c: Case) {
        let rq = request(called: c.called, calling: c.calling, [Proposal(abstractSyntax: UID.verification)],
                         applicationContext: c.applicationContext, implementationClassUID: c.implementationClassUID,
                         address: c.address)
        let evaluation = policy(c.options).evaluate(rq, peerHost: c.peerHost, live: c.live)
        #expect(rejection(evaluation) == c.expected)
        #expect(evaluation.lines.first == "I: Association Received (\(c.peerHost):\(c.calling) -> \(c.called))")
        var rest = evaluation.lines[...]
        for line in c.lines {
            guard let i = rest.firstIndex(of: line) else {
                Issue.record("missing \(line) in \(evaluation.lines)")
                return
            }
            rest = rest[(i + 1)...]
        }
    }

    @Test func maxAssociationsZeroRejectsEveryone() {
        let config = policyConfiguration(policyConfigurationText.replacingOccurrences(of: "MaxAssociations = 2", with: "MaxAssociations = 0"))
        let evaluation = policy(configuration: config).evaluate(request([Proposal(abstractSyntax: UID.verification)]),
                                                                peerHost: "localhost", live: LiveAssociations())
        #expect(rejection(evaluation) == [2, 3, 2])
    }

    @Test func everyRefusalHasDcmqrscpsCodes() {
        let codes = AssociationRefusal.allCases.map { r in
            "\(r.logName) \(r.reject.result.rawValue),\(r.reject.source.rawValue),\(r.reject.reason.rawValue)"
        }
        #expect(codes == ["TooManyAssociations 2,3,2", "CannotFork 1,3,1", "BadAppContext 2,1,2", "BadAEService 1,1,7",
                          "NoReason 1,1,1"])
    }
}
