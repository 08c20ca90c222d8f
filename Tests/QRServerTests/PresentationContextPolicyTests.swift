import Archive
import DICOM
import DICOMNetwork
import QRServer
import Testing

/// Spec §3.4: proposals → answers, per option (measured against dcmqrscp 3.6.7
/// where the spec says so).
@Suite struct PresentationContextPolicyTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var options = ServerOptions()
        var services = allServices
        var called = "STORE"
        var proposals: [Proposal]
        var expected: [Outcome]
        var description: String { name }
    }

    static let cases: [Case] = [
        // Transfer syntax preference (+x…): applies to every context, proposal order never matters.
        Case(name: "+x= {ILE,ELE,EBE} → ELE", proposals: [.init(abstractSyntax: UID.verification)],
             expected: [.accepted(UID.ele)]),
        Case(name: "+x= {EBE,ILE} → EBE", proposals: [.init(abstractSyntax: UID.verification, transferSyntaxes: [UID.ebe, UID.ile])],
             expected: [.accepted(UID.ebe)]),
        Case(name: "+x= {ILE} → ILE", proposals: [.init(abstractSyntax: UID.ct, transferSyntaxes: [UID.ile])],
             expected: [.accepted(UID.ile)]),
        Case(name: "+xe", options: options { $0.acceptedTransferSyntaxes = .explicitLittleEndian },
             proposals: [.init(abstractSyntax: UID.studyFind, transferSyntaxes: [UID.ebe, UID.ile, UID.ele])],
             expected: [.accepted(UID.ele)]),
        Case(name: "+xb", options: options { $0.acceptedTransferSyntaxes = .explicitBigEndian },
             proposals: [.init(abstractSyntax: UID.verification), .init(abstractSyntax: UID.studyFind)],
             expected: [.accepted(UID.ebe), .accepted(UID.ebe)]),
        Case(name: "+xi: implicit only", options: options { $0.acceptedTransferSyntaxes = .implicitLittleEndianOnly },
             proposals: [.init(abstractSyntax: UID.verification), .init(abstractSyntax: UID.ct),
                         .init(abstractSyntax: UID.verification, transferSyntaxes: [UID.ele])],
             expected: [.accepted(UID.ile), .accepted(UID.ile), .rejected(4)]),
        Case(name: "+xs puts JPEG Lossless first", options: options { $0.acceptedTransferSyntaxes = .jpegLossless },
             proposals: [.init(abstractSyntax: UID.ct, transferSyntaxes: [UID.ile, UID.jpegLossless, UID.ele]),
                         .init(abstractSyntax: UID.mr, transferSyntaxes: [UID.ile, UID.ele])],
             expected: [.accepted(UID.jpegLossless), .accepted(UID.ele)]),
        Case(name: "+xd deflate first, Verification too", options: options { $0.acceptedTransferSyntaxes = .deflatedExplicitLittleEndian },
             proposals: [.init(abstractSyntax: UID.verification, transferSyntaxes: [UID.ele, UID.deflate])],
             expected: [.accepted(UID.deflate)]),
        Case(name: "+xa: the requestor's first standard syntax", options: options { $0.acceptedTransferSyntaxes = .acceptAll },
             proposals: [.init(abstractSyntax: UID.ct, transferSyntaxes: [UID.privateSyntax, UID.jpegBaseline, UID.ele]),
                         .init(abstractSyntax: UID.verification, transferSyntaxes: [UID.ile, UID.ele]),
                         .init(abstractSyntax: UID.ct, transferSyntaxes: [UID.privateSyntax])],
             expected: [.accepted(UID.jpegBaseline), .accepted(UID.ile), .rejected(3)]),
        // No acceptable transfer syntax: 3 for storage by default, 4 with --disable-get; 4 for Verification and Q/R.
        Case(name: "storage, JPEG only → 3", proposals: [.init(abstractSyntax: UID.ct, transferSyntaxes: [UID.jpegBaseline])],
             expected: [.rejected(3)]),
        Case(name: "storage, JPEG only, --disable-get → 4", options: options { $0.disableGet = true },
             proposals: [.init(abstractSyntax: UID.ct, transferSyntaxes: [UID.jpegBaseline])], expected: [.rejected(4)]),
        Case(name: "Verification and FIND, JPEG only → 4",
             proposals: [.init(abstractSyntax: UID.verification, transferSyntaxes: [UID.jpegBaseline]),
                         .init(abstractSyntax: UID.studyFind, transferSyntaxes: [UID.jpegBaseline])],
             expected: [.rejected(4), .rejected(4)]),
        // Abstract syntaxes.
        Case(name: "unknown, worklist, composite instance root, shutdown → 3",
             proposals: [.init(abstractSyntax: "1.2.3.4.5"), .init(abstractSyntax: UID.worklistFind),
                         .init(abstractSyntax: UID.compositeInstanceRootGet), .init(abstractSyntax: SOPClass.privateShutdownUID)],
             expected: [.rejected(3), .rejected(3), .rejected(3), .rejected(3)]),
        Case(name: "all nine Q/R models", proposals: QueryRetrieveInformationModel.all.map { .init(abstractSyntax: $0.sopClassUID) },
             expected: Array(repeating: .accepted(UID.ele), count: 9)),
        Case(name: "-QP drops Patient Root", options: options { $0.supportPatientRoot = false },
             proposals: [.init(abstractSyntax: UID.patientFind), .init(abstractSyntax: UID.patientMove),
                         .init(abstractSyntax: UID.patientGet), .init(abstractSyntax: UID.studyFind)],
             expected: [.rejected(3), .rejected(3), .rejected(3), .accepted(UID.ele)]),
        Case(name: "-QS drops Study Root", options: options { $0.supportStudyRoot = false },
             proposals: [.init(abstractSyntax: UID.studyFind), .init(abstractSyntax: UID.patientFind)],
             expected: [.rejected(3), .accepted(UID.ele)]),
        Case(name: "--disable-get drops GET", options: options { $0.disableGet = true },
             proposals: [.init(abstractSyntax: UID.studyGet), .init(abstractSyntax: UID.studyMove), .init(abstractSyntax: UID.studyFind)],
             expected: [.rejected(3), .accepted(UID.ele), .accepted(UID.ele)]),
        // Nothing behind it: refused.
        Case(name: "only Verification registered", services: verificationOnly,
             proposals: [.init(abstractSyntax: UID.verification), .init(abstractSyntax: UID.ct),
                         .init(abstractSyntax: UID.studyFind), .init(abstractSyntax: UID.studyGet),
                         .init(abstractSyntax: UID.ct, roles: .scpOnly)],
             expected: [.accepted(UID.ele), .rejected(3), .rejected(3), .rejected(3), .rejected(3)]),
        Case(name: "a GET provider alone takes SCP-role storage contexts",
             services: ServiceCapabilities(abstractSyntaxes: [UID.studyGet], commandFields: [.cGetRQ]),
             proposals: [.init(abstractSyntax: UID.ct, roles: .scpOnly), .init(abstractSyntax: UID.mr),
                         .init(abstractSyntax: UID.studyGet)],
             expected: [.accepted(UID.ele, scu: false, scp: true), .rejected(3), .accepted(UID.ele)]),
        // Roles (PS3.7 §D.3.3.4): echoed for storage, default with --disable-get.
        Case(name: "storage roles echoed",
             proposals: [.init(abstractSyntax: UID.ct, roles: .scpOnly), .init(abstractSyntax: UID.mr, roles: .both)],
             expected: [.accepted(UID.ele, scu: false, scp: true), .accepted(UID.ele, scu: true, scp: true)]),
        Case(name: "--disable-get: default role", options: options { $0.disableGet = true },
             proposals: [.init(abstractSyntax: UID.ct, roles: .scpOnly)], expected: [.accepted(UID.ele)]),
        Case(name: "Q/R contexts keep the default role", proposals: [.init(abstractSyntax: UID.studyFind, roles: .both)],
             expected: [.accepted(UID.ele)]),
    ]

    @Test(arguments: cases) func answered(_ c: Case) {
        let rq = request(called: c.called, c.proposals)
        let evaluation = policy(c.options, services: c.services).evaluate(rq, peerHost: "localhost", live: LiveAssociations())
        #expect(outcomes(evaluation, rq) == c.expected)
    }

    @Test func noAcceptableContextStillAccepts() {
        let rq = request([.init(abstractSyntax: "1.2.3.4.5")])
        let evaluation = policy().evaluate(rq, peerHost: "localhost", live: LiveAssociations())
        #expect(outcomes(evaluation, rq) == [.rejected(3)])
    }

    @Test func shutdownClassWithAllowShutdownRejectsAndStops() {
        let rq = request([.init(abstractSyntax: SOPClass.privateShutdownUID), .init(abstractSyntax: UID.verification)])
        let evaluation = policy(options { $0.allowShutdown = true }).evaluate(rq, peerHost: "localhost", live: LiveAssociations())
        #expect(rejection(evaluation) == [1, 1, 1])
        #expect(evaluation.shutdownRequested)
        #expect(evaluation.lines.suffix(2) == [
            "I: Shutting down server ... (negotiated private \"shut down\" SOP class)", "I: Refusing Association (NoReason)"])
    }

    @Test func shutdownClassNeedsAnAdmittedPeer() {
        let rq = request(calling: "NOBODY", [.init(abstractSyntax: SOPClass.privateShutdownUID)])
        let evaluation = policy(options { $0.allowShutdown = true }).evaluate(rq, peerHost: "localhost", live: LiveAssociations())
        #expect(rejection(evaluation) == [1, 1, 7])
        #expect(!evaluation.shutdownRequested)
    }
}
