import Archive
import DICOM
import DICOMNetwork
import QRServer
import Testing

/// `quarryscp --explain` (issue 8): the association policy's answers, read
/// offline, with the line that decides each.
@Suite struct ExplainTests {
    /// Line numbers matter: the answers name them.
    static let configuration = policyConfiguration("""
        MaxAssociations = 4
        HostTable BEGIN
        viewer1 = (VIEWER1, localhost, 11201)
        viewer2 = (VIEWER2, 127.0.0.1, 11202)
        viewers = viewer1, viewer2
        mod1 = (MOD1, ct.example, 11301)
        other = (OTHER, other.example, 11400)
        HostTable END
        VendorTable BEGIN
        "Reading Room" = viewers
        "Acme" = mod1
        VendorTable END
        AETable BEGIN
        STORE      /nonexistent/store  RW  (200, 1024mb)  viewers
        READONLY   /nonexistent/ro     R   (200, 1024mb)  ANY
        WRITEONLY  /nonexistent/wo     W   (200, 1024mb)  ANY
        MODS       /nonexistent/mods   RW  (10, 10mb)     mod1, (ARCHIVE2, archive2.example, 104)
        AETable END

        """)

    /// The reverse DNS of the test: 127.0.0.1 is localhost, nothing else has a name.
    static func hostName(_ address: String) -> String { address == "127.0.0.1" ? "localhost" : address }

    static func explain(_ calling: String, _ called: String, moveTo: String? = nil, options: ServerOptions = ServerOptions(),
                        services: ServiceCapabilities = allServices,
                        configuration: Configuration = configuration) -> AssociationExplanation {
        let parts = calling.split(separator: "@", maxSplits: 1).map(String.init)
        let request = ServerOptions.ExplainRequest(callingAETitle: parts[0], callingHost: parts.count > 1 ? parts[1] : nil,
                                                   calledAETitle: called, moveDestination: moveTo)
        return AssociationExplanation.explain(request, configuration: configuration, options: options, services: services,
                                              hostName: hostName)
    }

    // MARK: accepted or refused, and the line that decides

    struct AssociationCase: Sendable, CustomStringConvertible {
        var calling: String
        var called: String
        var options = ServerOptions()
        var accepted: Bool
        /// Every reason, as printed.
        var reasons: [String]
        var description: String { "\(calling) -> \(called)" }
    }

    static let associationCases: [AssociationCase] = [
        .init(calling: "VIEWER1@localhost", called: "STORE", accepted: true,
              reasons: [#"policy.cfg:14: "STORE" admits VIEWER1 at localhost (AETable line 14)"#]),
        .init(calling: "VIEWER1@127.0.0.1", called: "STORE", accepted: true, reasons: [
            #"reverse DNS: the server sees 127.0.0.1 as "localhost" (with --disable-host-lookup: as 127.0.0.1)"#,
            #"policy.cfg:14: "STORE" admits VIEWER1 at localhost (AETable line 14)"#]),
        // -dhl: the dotted address is compared, and "localhost" is not 127.0.0.1 (spec §3.3).
        .init(calling: "VIEWER1@127.0.0.1", called: "STORE", options: options { $0.disableHostLookup = true }, accepted: false,
              reasons: [#"policy.cfg:14: "STORE" admits VIEWER1 only from localhost, not from 127.0.0.1 (AETable line 14); refused (1,1,7)"#]),
        // An IP-literal host matches the peer's address whatever its name.
        .init(calling: "VIEWER2@127.0.0.1", called: "STORE", accepted: true, reasons: [
            #"reverse DNS: the server sees 127.0.0.1 as "localhost" (with --disable-host-lookup: as 127.0.0.1)"#,
            #"policy.cfg:14: "STORE" admits VIEWER2 at 127.0.0.1 (AETable line 14)"#]),
        .init(calling: "VIEWER1", called: "STORE", accepted: true, reasons: [
            "policy.cfg:14: no host given: assuming localhost, the first host listed for VIEWER1",
            #"policy.cfg:14: "STORE" admits VIEWER1 at localhost (AETable line 14)"#]),
        .init(calling: "VIEWER1@10.1.1.1", called: "STORE", accepted: false,
              reasons: [#"policy.cfg:14: "STORE" admits VIEWER1 only from localhost, not from 10.1.1.1 (AETable line 14); refused (1,1,7)"#]),
        .init(calling: "VIEWER3@localhost", called: "STORE", accepted: false,
              reasons: [#"policy.cfg:14: calling AE title "VIEWER3" is not among the peers of "STORE" (AETable line 14); refused (1,1,7)"#]),
        .init(calling: "VIEWER1@localhost", called: "store", accepted: false,
              reasons: [#"policy.cfg: called AE title "store" is not in the AETable; refused (1,1,7)"#]),
        .init(calling: "ANYBODY", called: "READONLY", accepted: true,
              reasons: [#"policy.cfg:15: "READONLY" admits ANY peer (AETable line 15)"#]),
        .init(calling: "VIEWER1@localhost", called: "STORE", options: options { $0.refuseAssociations = true }, accepted: false,
              reasons: ["command line --refuse: every association is refused (1,1,1)"]),
    ]

    @Test(arguments: associationCases) func association(_ c: AssociationCase) {
        let explanation = Self.explain(c.calling, c.called, options: c.options)
        #expect(explanation.isAccepted == c.accepted)
        #expect(explanation.associationReasons.map(\.description) == c.reasons)
        #expect(explanation.exitStatus == (c.accepted ? 0 : 1))
        #expect(explanation.services.isEmpty == !c.accepted)
    }

    @Test func maxAssociationsZeroRefusesEveryone() {
        let configuration = policyConfiguration("MaxAssociations = 0\nAETable BEGIN\nA /x RW (1, 1mb) ANY\nAETable END\n")
        let explanation = Self.explain("X", "A", configuration: configuration)
        #expect(!explanation.isAccepted)
        #expect(explanation.associationReasons.map(\.description)
                == ["policy.cfg: MaxAssociations = 0: every association is refused (2,3,2)"])
    }

    @Test func duplicateTitlesNameTheLineThatGivesTheArea() {
        let configuration = policyConfiguration("""
            AETable BEGIN
            A /x R (1, 1mb) (B, localhost, 1)
            A /y RW (1, 1mb) ANY
            AETable END

            """)
        let explanation = Self.explain("C@elsewhere", "A", configuration: configuration)
        #expect(explanation.associationReasons.map(\.description) == [
            #"policy.cfg:3: "A" admits ANY peer (AETable line 3)"#,
            #"policy.cfg:2: storage area, access and quota of "A" come from its first AETable line"#])
        #expect(explanation.verdict(.store)?.isAllowed == false)
    }

    // MARK: services

    struct ServiceCase: Sendable, CustomStringConvertible {
        var called: String
        var options = ServerOptions()
        var services: ServiceCapabilities = allServices
        var label: String
        var echo = true
        var store: Bool
        /// Roots allowed, per service: "PSO" letters for Patient Root, Study Root, patient/study Only.
        var find: String, move: String, get: String
        /// The reason for each of store, find, move, get (the first model's), as printed.
        var reasons: [String]
        var description: String { "\(called) \(label)" }
    }

    static let storeLine14 = #"policy.cfg:14: access "RW" permits C-FIND, C-MOVE and C-GET"#
    static let serviceCases: [ServiceCase] = [
        .init(called: "STORE", label: "", store: true, find: "PSO", move: "PSO", get: "PSO", reasons: [
            #"policy.cfg:14: access "RW" is writable: all \#(SOPClass.allStorageUIDs.count) storage SOP classes"#,
            storeLine14, storeLine14, storeLine14]),
        .init(called: "READONLY", label: "", store: false, find: "PSO", move: "PSO", get: "PSO", reasons: [
            #"policy.cfg:15: access "R" is not writable (only RW, WR and W are): storage contexts refused"#,
            #"policy.cfg:15: access "R" permits C-FIND, C-MOVE and C-GET"#,
            #"policy.cfg:15: access "R" permits C-FIND, C-MOVE and C-GET"#,
            #"policy.cfg:15: access "R" permits C-FIND, C-MOVE and C-GET"#]),
        .init(called: "WRITEONLY", label: "", store: true, find: "", move: "", get: "", reasons: [
            #"policy.cfg:16: access "W" is writable: all \#(SOPClass.allStorageUIDs.count) storage SOP classes"#,
            #"policy.cfg:16: access "W" is write-only: Quarry refuses C-FIND, C-MOVE and C-GET"#,
            #"policy.cfg:16: access "W" is write-only: Quarry refuses C-FIND, C-MOVE and C-GET"#,
            #"policy.cfg:16: access "W" is write-only: Quarry refuses C-FIND, C-MOVE and C-GET"#]),
        .init(called: "STORE", options: options { $0.supportPatientRoot = false; $0.disableGet = true },
              label: "-QP --disable-get", store: true, find: "SO", move: "SO", get: "", reasons: [
                #"policy.cfg:14: access "RW" is writable: all \#(SOPClass.allStorageUIDs.count) storage SOP classes"#,
                "command line --no-patient-root: Patient Root models not supported",
                "command line --no-patient-root: Patient Root models not supported",
                "command line --no-patient-root: Patient Root models not supported"]),
        .init(called: "STORE", options: options { $0.disableGet = true }, label: "--disable-get",
              store: true, find: "PSO", move: "PSO", get: "", reasons: [
                #"policy.cfg:14: access "RW" is writable: all \#(SOPClass.allStorageUIDs.count) storage SOP classes"#,
                storeLine14, storeLine14, "command line --disable-get: C-GET not supported"]),
        // +xi: the implicit syntax DCMTK's tools also propose is still accepted.
        .init(called: "STORE", options: options { $0.acceptedTransferSyntaxes = .implicitLittleEndianOnly }, label: "+xi",
              store: true, find: "PSO", move: "PSO", get: "PSO", reasons: [
                #"policy.cfg:14: access "RW" is writable: all \#(SOPClass.allStorageUIDs.count) storage SOP classes"#,
                storeLine14, storeLine14, storeLine14]),
        .init(called: "STORE", options: options { $0.requireFind = true }, label: "--require-find",
              store: true, find: "PSO", move: "PSO", get: "PSO", reasons: [
                #"policy.cfg:14: access "RW" is writable: all \#(SOPClass.allStorageUIDs.count) storage SOP classes"#,
                storeLine14, storeLine14 + " (C-MOVE with its C-FIND context: --require-find)", storeLine14]),
        // What a build serving C-ECHO only answers.
        .init(called: "STORE", services: ServiceCapabilities(abstractSyntaxes: [UID.verification], commandFields: [.cEchoRQ]), label: "C-ECHO only", store: false, find: "", move: "", get: "",
              reasons: Array(repeating: "this quarryscp: not served (no service provider for it in this build)", count: 4)),
    ]

    @Test(arguments: serviceCases) func services(_ c: ServiceCase) {
        let explanation = Self.explain("VIEWER1@localhost", c.called, options: c.options, services: c.services)
        #expect(explanation.isAccepted)
        #expect(explanation.verdict(.echo)?.isAllowed == c.echo)
        #expect(explanation.verdict(.store)?.isAllowed == c.store)
        func roots(_ service: QueryRetrieveInformationModel.Service) -> String {
            let letters: [QueryRetrieveInformationModel.Root: Character] = [.patientRoot: "P", .studyRoot: "S", .patientStudyOnly: "O"]
            return String(QueryRetrieveInformationModel.Root.allCases.compactMap { root in
                explanation.verdict(.queryRetrieve(.init(root: root, service: service)))?.isAllowed == true ? letters[root] : nil
            })
        }
        #expect(roots(.find) == c.find)
        #expect(roots(.move) == c.move)
        #expect(roots(.get) == c.get)
        let first = QueryRetrieveInformationModel.Service.allCases.map {
            explanation.verdict(.queryRetrieve(.init(root: .patientRoot, service: $0)))?.reason.description ?? "-"
        }
        #expect([explanation.verdict(.store)?.reason.description ?? "-"] + first == c.reasons)
    }

    // MARK: --move-to

    struct MoveCase: Sendable, CustomStringConvertible {
        var destination: String
        var options = ServerOptions()
        var calling = "VIEWER1@localhost"
        var peer: Peer?
        var allowed: Bool
        var reasons: [String]
        var description: String { "\(calling) move to \(destination)" }
    }

    static let viewer2 = Peer(aeTitle: "VIEWER2", hostName: "127.0.0.1", port: 11202)
    static let viewer2Line = "policy.cfg:14: the AETable line of STORE lists (VIEWER2, 127.0.0.1, 11202); "
        + "the sub-association calls VIEWER2 at 127.0.0.1:11202 as STORE"
    static let moveCases: [MoveCase] = [
        // The AETable's peers first (symbolic names expanded), then the HostTable (spec §7.2).
        .init(destination: "VIEWER2", peer: viewer2, allowed: true, reasons: [viewer2Line]),
        .init(destination: "ARCHIVE2", peer: Peer(aeTitle: "ARCHIVE2", hostName: "archive2.example", port: 104), allowed: true,
              reasons: ["policy.cfg:17: the AETable line of MODS lists (ARCHIVE2, archive2.example, 104); "
                        + "the sub-association calls ARCHIVE2 at archive2.example:104 as STORE"]),
        .init(destination: "OTHER", peer: Peer(aeTitle: "OTHER", hostName: "other.example", port: 11400), allowed: true,
              reasons: ["policy.cfg:7: HostTable other lists (OTHER, other.example, 11400); "
                        + "the sub-association calls OTHER at other.example:11400 as STORE"]),
        .init(destination: "viewer2", allowed: false, reasons: [
            "policy.cfg: no peer triple with AE title viewer2 in the AETable or the HostTable: Move Destination unknown "
            + #"(0xA801; the server logs "mapMoveDestination: unknown AE: 'viewer2'")"#]),
        .init(destination: "VIEWER2", options: options { $0.restrictMoveToRequestingAETitle = true }, peer: viewer2,
              allowed: false, reasons: [viewer2Line,
                                        "command line --move-aetitle: the destination must be the requesting AE title VIEWER1 "
                                            + #"(0xA801; the server logs "mapMoveDestination: strictMove Reqs: 'VIEWER1' != 'VIEWER2'")"#]),
        // -ZH compares the host as written with the requesting host's name: 127.0.0.1 is not "localhost".
        .init(destination: "VIEWER2", options: options { $0.restrictMoveToRequestingHost = true }, peer: viewer2,
              allowed: false, reasons: [viewer2Line,
                                        "command line --move-host: 127.0.0.1 is not the requesting host localhost "
                                            + #"(0xA801; the server logs "mapMoveDestination: different hosts: 'localhost', '127.0.0.1'")"#]),
        .init(destination: "VIEWER2", options: options { $0.restrictMoveToRequestingHost = true; $0.disableHostLookup = true },
              calling: "VIEWER2@127.0.0.1", peer: viewer2, allowed: true,
              reasons: [viewer2Line, "command line --move-host: 127.0.0.1 is the requesting host"]),
        .init(destination: "VIEWER2", options: options { $0.restrictMoveToRequestingVendor = true }, peer: viewer2, allowed: true,
              reasons: [viewer2Line, #"policy.cfg:10: VendorTable "Reading Room" lists both VIEWER1 and VIEWER2"#]),
        .init(destination: "ARCHIVE2", options: options { $0.restrictMoveToRequestingVendor = true },
              peer: Peer(aeTitle: "ARCHIVE2", hostName: "archive2.example", port: 104), allowed: false,
              reasons: ["policy.cfg:17: the AETable line of MODS lists (ARCHIVE2, archive2.example, 104); "
                        + "the sub-association calls ARCHIVE2 at archive2.example:104 as STORE",
                        "command line --move-vendor: no VendorTable line lists both VIEWER1 and ARCHIVE2 "
                        + #"(0xA801; the server logs "mapMoveDestination: different vendors: 'VIEWER1', 'ARCHIVE2'")"#]),
    ]

    @Test(arguments: moveCases) func moveDestination(_ c: MoveCase) throws {
        let explanation = Self.explain(c.calling, "STORE", moveTo: c.destination, options: c.options)
        let move = try #require(explanation.moveDestination)
        #expect(move.peer == c.peer)
        #expect(move.isAllowed == c.allowed)
        #expect(move.reasons.map(\.description) == c.reasons)
        #expect(explanation.exitStatus == (c.allowed ? 0 : 1))
    }

    @Test func renderedExplanation() {
        let explanation = Self.explain("VIEWER1@127.0.0.1", "READONLY", moveTo: "VIEWER2",
                                       options: options { $0.supportPatientStudyOnly = false; $0.disableGet = true })
        #expect(explanation.rendered == """
            VIEWER1@127.0.0.1 -> READONLY: accepted
                reverse DNS: the server sees 127.0.0.1 as "localhost" (with --disable-host-lookup: as 127.0.0.1)
                policy.cfg:15: "READONLY" admits ANY peer (AETable line 15)
            C-ECHO: yes
                policy.cfg:15: any peer the AE admits may use it
            C-STORE: no
                policy.cfg:15: access "R" is not writable (only RW, WR and W are): storage contexts refused
            C-FIND: Patient Root, Study Root
                policy.cfg:15: access "R" permits C-FIND, C-MOVE and C-GET
                command line --no-patient-study: Patient/Study Only models not supported
            C-MOVE: Patient Root, Study Root
                policy.cfg:15: access "R" permits C-FIND, C-MOVE and C-GET
                command line --no-patient-study: Patient/Study Only models not supported
            C-GET: no
                command line --disable-get: C-GET not supported
                command line --no-patient-study: Patient/Study Only models not supported
            C-MOVE to VIEWER2: 127.0.0.1:11202
                policy.cfg:14: the AETable line of STORE lists (VIEWER2, 127.0.0.1, 11202); the sub-association calls VIEWER2 at 127.0.0.1:11202 as READONLY

            """)
        #expect(Self.explain("VIEWER9@localhost", "STORE").rendered == """
            VIEWER9@localhost -> STORE: refused
                policy.cfg:14: calling AE title "VIEWER9" is not among the peers of "STORE" (AETable line 14); refused (1,1,7)
            services: none (the association is refused)

            """)
        #expect(Self.explain("VIEWER1@localhost", "WRITEONLY", moveTo: "OTHER").rendered.hasSuffix("""
            C-MOVE to OTHER: other.example:11400
                policy.cfg:7: HostTable other lists (OTHER, other.example, 11400); the sub-association calls OTHER at other.example:11400 as WRITEONLY
                (but this association may not use C-MOVE: see above)

            """))
    }
}
