import Archive
import DICOM
import DICOMNetwork
import QRServer
import QuarryTestSupport
import Testing

/// An N-ACTION-RQ: a command dcmqrscp does not handle (spec §9.2).
struct NActionRQ: DIMSECommand {
    static let commandField = CommandField.nActionRQ
    var messageID: UInt16
    init(messageID: UInt16) { self.messageID = messageID }
    init(commandSet: DataSet) throws(DIMSEError) { messageID = commandSet.uint16(.messageID) ?? 0 }
    func encodeFields(into c: inout DataSet) {
        c.setString(.requestedSOPClassUID, .UI, SOPClass.verificationUID)
        c.setUInt16(.messageID, messageID)
    }
}

/// A provider that fails as a handler with a disk problem would.
struct FailingService: DIMSEServiceProvider {
    struct DiskOnFire: Error, CustomStringConvertible { var description: String { "the disk is on fire" } }
    var commandFields: Set<CommandField> { [.cEchoRQ] }
    var abstractSyntaxes: Set<String> { [SOPClass.verificationUID] }
    func handle(_ command: IncomingCommand, context: ServiceContext) throws { throw DiskOnFire() }
}

/// A provider recording what it is given.
struct RecordingService: DIMSEServiceProvider {
    let seen: LogLines
    var commandFields: Set<CommandField> { [.cEchoRQ, .cStoreRQ] }
    var abstractSyntaxes: Set<String> { ["1.2.840.10008.5.1.4.1.1.2"] }
    func handle(_ command: IncomingCommand, context: ServiceContext) throws {
        context.log.info("recording: \(context.calledAETitle) \(context.callingAETitle) \(context.peerHost) "
                         + "\(context.calledAE.access.token) \(context.storageArea.path.hasSuffix("/STORE")) "
                         + "\(command.presentationContext.abstractSyntax)")
        guard case .cEchoRQ(let rq) = command.message else { return }
        try context.association.send(CEchoRSP(messageIDBeingRespondedTo: rq.messageID), presentationContextID: command.presentationContextID)
    }
}

func echo(_ association: Association, contextID: UInt8 = 1) throws -> Status? {
    let id = association.nextMessageID()
    try association.send(CEchoRQ(messageID: id), presentationContextID: contextID)
    guard case .command(let response) = try association.receive(), case .cEchoRSP(let rsp) = response.message else { return nil }
    return rsp.status
}

/// Spec §9: the per-association loop, against a server in this process.
@Suite struct DispatchTests {
    @Test func echoIsAnsweredAndReleaseLogged() throws {
        let server = try InProcessServer()
        let association = try server.associate()
        #expect(try echo(association) == .success)
        #expect(try echo(association) == .success)
        try association.release()
        #expect(server.lines.waitFor("I: Association Release"))
        #expect(isSubsequence([
            "I: Association Received (127.0.0.1:TESTSCU -> STORE)", "I: Association Acknowledged (Max Send PDV: 16372)",
            "I: Received Echo SCP RQ: MsgID 1", "I: Received Echo SCP RQ: MsgID 2", "I: Association Release",
        ], of: server.lines.all) || isSubsequence([
            "I: Association Received (localhost:TESTSCU -> STORE)", "I: Association Acknowledged (Max Send PDV: 16372)",
            "I: Received Echo SCP RQ: MsgID 1", "I: Received Echo SCP RQ: MsgID 2", "I: Association Release",
        ], of: server.lines.all))
    }

    @Test func lateCancelIsIgnored() throws {
        let server = try InProcessServer()
        let association = try server.associate()
        try association.send(CCancelRQ(messageIDBeingRespondedTo: 7), presentationContextID: 1)
        #expect(try echo(association) == .success)
        try association.release()
        #expect(server.lines.waitFor("I: Association Release"))
        #expect(server.lines.all.contains("I: dispatch: late C-CANCEL-RQ, ignoring"))
    }

    @Test func unsupportedCommandAbortsTheAssociation() throws {
        let server = try InProcessServer()
        let association = try server.associate()
        try association.send(NActionRQ(messageID: 1), presentationContextID: 1)
        #expect(throws: AssociationError.self) { try association.receive() }
        #expect(server.lines.waitFor("E: Cannot handle command: 0x130"))
        // The server goes on.
        let next = try server.associate()
        #expect(try echo(next) == .success)
        try next.release()
    }

    @Test func failingHandlerAbortsWithDIMSEFailure() throws {
        let server = try InProcessServer(registry: ServiceRegistry([FailingService()]))
        let association = try server.associate()
        try association.send(CEchoRQ(messageID: 1), presentationContextID: 1)
        #expect(throws: AssociationError.self) { try association.receive() }
        #expect(server.lines.waitFor("E: DIMSE Failure (aborting association): the disk is on fire"))
    }

    @Test func peerAbortIsLogged() throws {
        let server = try InProcessServer()
        let association = try server.associate()
        #expect(try echo(association) == .success)
        association.abort()
        #expect(server.lines.waitFor("I: Association Aborted"))
    }

    @Test func providerGetsTheContextItServes() throws {
        let seen = LogLines()
        var registry = ServiceRegistry.quarry
        registry.register(RecordingService(seen: seen))
        let server = try InProcessServer(registry: registry)
        let association = try server.associate([
            ProposedPresentationContext(abstractSyntax: SOPClass.verificationUID, transferSyntaxes: ["1.2.840.10008.1.2"]),
            ProposedPresentationContext(abstractSyntax: "1.2.840.10008.5.1.4.1.1.2", transferSyntaxes: ["1.2.840.10008.1.2"]),
        ])
        #expect(association.acceptedPresentationContexts.map(\.id) == [1, 3])
        #expect(try echo(association, contextID: 3) == .success)   // the recording service: it serves CT
        #expect(try echo(association, contextID: 1) == .success)   // Verification
        try association.release()
        #expect(server.lines.waitFor("I: Association Release"))
        #expect(server.lines.all.contains { $0.hasPrefix("I: recording: STORE TESTSCU ") && $0.hasSuffix(" RW true 1.2.840.10008.5.1.4.1.1.2") })
        #expect(server.lines.all.contains("I: Received Echo SCP RQ: MsgID 2"))
    }

    @Test func stopAbortsIdleAssociationsAndServeReturnsZero() throws {
        let server = try InProcessServer()
        let association = try server.associate()
        #expect(try echo(association) == .success)
        server.server.stop(reason: "test")
        #expect(throws: AssociationError.peerAborted(AAbort(source: .serviceUser, reason: .notSpecified))) {
            try association.receive()
        }
        #expect(server.exitStatus() == 0)
        #expect(server.lines.all.contains("I: Aborting Association (server stopping)"))
    }

    @Test func registryPrefersTheProviderServingTheContext() {
        let seen = LogLines()
        let registry = ServiceRegistry([VerificationService(), RecordingService(seen: seen)])
        #expect(registry.provider(for: .cEchoRQ, abstractSyntax: "1.2.840.10008.5.1.4.1.1.2") is RecordingService)
        #expect(registry.provider(for: .cEchoRQ, abstractSyntax: SOPClass.verificationUID) is VerificationService)
        #expect(registry.provider(for: .cEchoRQ, abstractSyntax: "1.2.3") is VerificationService)
        #expect(registry.provider(for: .cFindRQ, abstractSyntax: SOPClass.verificationUID) == nil)
    }
}

func isSubsequence(_ part: [String], of whole: [String]) -> Bool {
    var rest = whole[...]
    for line in part {
        guard let i = rest.firstIndex(of: line) else { return false }
        rest = rest[(i + 1)...]
    }
    return true
}
