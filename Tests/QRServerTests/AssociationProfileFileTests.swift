import DICOM
import DICOMNetwork
import QRServer
import QuarryTestSupport
import Testing

/// `-xf` association configuration files (DCMTK's asconfig.txt format).
@Suite struct AssociationProfileFileTests {
    static let valid = """
        # comment
        [[TransferSyntaxes]]
        [Uncompressed]
        TransferSyntax1 = LocalEndianExplicit
        TransferSyntax2 = LittleEndianImplicit

        [JPEG]
        TransferSyntax1  = JPEGBaseline
        TransferSyntax2  = 1.2.840.10008.1.2.1

        [[PresentationContexts]]
        [InContexts]
        PresentationContext1 = VerificationSOPClass\\Uncompressed
        PresentationContext2 = CTImageStorage\\JPEG
        PresentationContext3 = 1.2.840.10008.5.1.4.1.1.4\\Uncompressed
        PresentationContext5 = SecondaryCaptureImageStorage\\Uncompressed

        [OutContexts]
        PresentationContext1 = CTImageStorage\\JPEG
        PresentationContext2 = CTImageStorage\\Uncompressed

        [[SCPSCURoleSelection]]
        [GetRoles]
        Role1 = CTImageStorage\\SCP
        Role2 = MRImageStorage\\BOTH

        [[Profiles]]
        [Incoming]
        PresentationContexts = InContexts
        SCPSCURoleSelection  = GetRoles

        [Outgoing]
        PresentationContexts = outcontexts

        """

    @Test func readsProfilesContextsAndRoles() throws {
        let file = try AssociationProfileFile(parsing: Self.valid)
        let incoming = try #require(file.profile(named: "incoming"))
        #expect(incoming.name == "Incoming")
        #expect(incoming.presentationContexts == [
            .init(abstractSyntax: SOPClass.verificationUID, transferSyntaxes: [UID.ele, UID.ile]),
            .init(abstractSyntax: UID.ct, transferSyntaxes: [UID.jpegBaseline, UID.ele]),
            .init(abstractSyntax: UID.mr, transferSyntaxes: [UID.ele, UID.ile]),
        ])   // PresentationContext5: after the gap at 4, not read
        #expect(incoming.roles == [UID.ct: .scpOnly, UID.mr: .both])
        #expect(incoming.isValidForIncomingUse)
        let outgoing = try #require(file.profile(named: "OUTGOING"))
        #expect(!outgoing.isValidForIncomingUse)
        #expect(file.profile(named: "nope") == nil)
    }

    /// The messages dcmqrscp 3.6.7 prints after `F: cannot read association config file: ` (measured).
    static let broken: [(String, String)] = [
        ("[[TransferSyntaxes]]\n[A]\nTransferSyntax1 = LittleEndianExplicit\n[[PresentationContexts]]\n[PC]\n"
            + "PresentationContext1 = CTImageStorage\\Missing\n[[Profiles]]\n[P]\nPresentationContexts = PC\n",
         "transfer syntax key undefined: MISSING"),
        ("[[TransferSyntaxes]]\n[A]\nTransferSyntax1 = NoSuchSyntax\n[[PresentationContexts]]\n[[Profiles]]\n",
         "not a valid transfer syntax UID: NoSuchSyntax"),
        ("[[TransferSyntaxes]]\n[A]\nTransferSyntax1 = LittleEndianExplicit\n[[PresentationContexts]]\n[PC]\n"
            + "PresentationContext1 = NoSuchClass\\A\n[[Profiles]]\n",
         "not a valid abstract syntax UID: NoSuchClass"),
        ("[[TransferSyntaxes]]\n[A]\nTransferSyntax1 = LittleEndianExplicit\n[[PresentationContexts]]\n[PC]\n"
            + "PresentationContext1 = CTImageStorage\\A\n[[Profiles]]\n[P]\nPresentationContexts = PC\nSCPSCURoleSelection = R\n"
            + "[[SCPSCURoleSelection]]\n[R]\nRole1 = CTImageStorage\\SCX\n",
         "syntax error: unknown role key in entry ROLE1 in config file"),
        ("[[TransferSyntaxes]]\n[A]\nTransferSyntax1 = LittleEndianExplicit\n[[PresentationContexts]]\n[PC]\n"
            + "PresentationContext1 = CTImageStorage\\A\n[[Profiles]]\n[P]\nPresentationContexts = PCX\n",
         "presentation context key undefined: PCX"),
        ("[[TransferSyntaxes]]\n[A]\nTransferSyntax1 = LittleEndianExplicit\n[[PresentationContexts]]\n[PC]\n"
            + "PresentationContext1 = CTImageStorage\\A\n[[Profiles]]\n[P]\nPresentationContexts = PC\nSCPSCURoleSelection = RX\n",
         "role selection key undefined: RX"),
        ("[[TransferSyntaxes]]\n[A]\nTransferSyntax1 = LittleEndianExplicit\n[[PresentationContexts]]\n[PC]\n"
            + "PresentationContext1 = CTImageStorage\\A\n[[Profiles]]\n[P]\nPresentationContexts = PC\nSCPSCURoleSelection = R\n"
            + "[[SCPSCURoleSelection]]\n[R]\nRole1 = CTImageStorage\\SCP\nRole2 = MRImageStorage\\BOTH\n",
         "abstract syntax defined in role selection list 'R' but not in presentation context list 'PC': 1.2.840.10008.5.1.4.1.1.4"),
        ("[[PresentationContexts]]\n[[Profiles]]\n", "cannot find section [[TRANSFERSYNTAXES]] in config file"),
        ("[[TransferSyntaxes]]\n[[Profiles]]\n", "cannot find section [[PRESENTATIONCONTEXTS]] in config file"),
        // Quarry's own: where DCMTK reads a file in surprising ways, say where.
        ("junk line\n[[TransferSyntaxes]]\n",
         "line 1: expected [[Supersection]], [Section] or Key = Value (key in column 1): junk line"),
        ("[[TransferSyntaxes]]\n[A]\n  TransferSyntax1 = LittleEndianExplicit\n",
         "line 3: expected [[Supersection]], [Section] or Key = Value (key in column 1): TransferSyntax1 = LittleEndianExplicit"),
    ]

    @Test(arguments: broken) func brokenFilesAreNamed(_ text: String, _ message: String) {
        #expect(throws: AssociationProfileError.unreadable(message)) { try AssociationProfileFile(parsing: text) }
    }

    @Test func dcmqrscpsProfileChecksInItsOrder() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("assoc.cfg", Self.valid)
        func load(_ file: String, _ incoming: String, _ outgoing: String) -> String {
            do {
                let loaded = try LoadedAssociationProfiles.load(.init(file: file, incomingProfile: incoming, outgoingProfile: outgoing))
                return "\(loaded.incoming.name) \(loaded.outgoing.name)"
            } catch { return error.fatalMessage }
        }
        #expect(load(path, "Incoming", "outgoing") == "Incoming Outgoing")
        #expect(load("/nonexistent/assoc.cfg", "Incoming", "Outgoing")
                == "cannot read association config file: unable to open configuration file: /nonexistent/assoc.cfg")
        #expect(load(path, "Nope", "Outgoing") == "unknown configuration profile name: Nope")
        #expect(load(path, "Incoming", "Nope") == "unknown configuration profile name: Nope")
        #expect(load(path, "Outgoing", "Incoming")
                == "profile 'Outgoing' is not valid for incoming use, duplicate abstract syntaxes found")
    }

    @Test func storescpsSampleFileReads() throws {
        guard let file = try? AssociationProfileFile.load(contentsOf: "/etc/dcmtk/storescp.cfg") else {
            Issue.record("DCMTK's /etc/dcmtk/storescp.cfg is missing (make test-deps installs DCMTK)")
            return
        }
        let profile = try #require(file.profile(named: "Default"))
        #expect(profile.isValidForIncomingUse)
        #expect(profile.presentationContexts.count > 100)
        #expect(profile.transferSyntaxes(for: UID.ct)?.first == "1.2.840.10008.1.2.4.91")   // JPEG2000 first
    }

    /// The "in" profile replaces the storage SOP classes; Verification and Q/R stay as the options say.
    @Test func incomingProfileDrivesStorageContexts() throws {
        let profile = try #require(try AssociationProfileFile(parsing: Self.valid).profile(named: "Incoming"))
        let rq = request([
            .init(abstractSyntax: UID.ct, transferSyntaxes: [UID.ile, UID.ele, UID.jpegBaseline]),
            .init(abstractSyntax: UID.ct, transferSyntaxes: [UID.ile]),
            .init(abstractSyntax: UID.mr, roles: .scpOnly),
            .init(abstractSyntax: "1.2.840.10008.5.1.4.1.1.7"),
            .init(abstractSyntax: UID.verification, transferSyntaxes: [UID.ebe, UID.ile]),
            .init(abstractSyntax: UID.studyFind),
            .init(abstractSyntax: UID.ct, transferSyntaxes: [UID.ele], roles: .both),
        ])
        let evaluation = policy(profile: profile).evaluate(rq, peerHost: "localhost", live: LiveAssociations())
        #expect(outcomes(evaluation, rq) == [
            .accepted(UID.jpegBaseline, scu: false, scp: true), .rejected(4), .accepted(UID.ele, scu: false, scp: true),
            .rejected(3), .accepted(UID.ebe), .accepted(UID.ele), .accepted(UID.ele, scu: false, scp: true),
        ])
    }
}
