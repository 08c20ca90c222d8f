import DICOM
@testable import DICOMNetwork
import Foundation
import QuarryTestSupport
import Testing

/// Our acceptor answers DCMTK's echoscu: association accepted, C-ECHO-RSP
/// success, release answered.
@Test func acceptorAnswersEchoscu() throws {
    let listener = try TCPListener(port: freeTCPPort())
    defer { listener.close() }
    let server = serveOneAssociation(listener, configuration: testConfiguration(), policy: acceptingPolicy([verification]))
    let echo = try runProcess(TestEnvironment.dcmtk("echoscu"),
                              ["-v", "-aet", "ECHOSCU", "-aec", "QUARRY", "-to", "5", "-ta", "5", "-td", "5",
                               "127.0.0.1", String(listener.port)], timeout: 30)
    #expect(echo.status == 0, "\(echo.output)")
    #expect(echo.stderr.contains("I: Association Accepted (Max Send PDV: 16372)"))
    #expect(echo.stderr.contains("I: Received Echo Response (Success)"))
    #expect(try server.value() == ["C-ECHO 1", "released"])
}

/// echoscu's own report of a rejection is DCMTK's wording of our A-ASSOCIATE-RJ.
@Test func acceptorRejectionReachesEchoscu() throws {
    let listener = try TCPListener(port: freeTCPPort())
    defer { listener.close() }
    let server = serveOneAssociation(listener, configuration: testConfiguration(), policy: { _ in
        .reject(AAssociateRJ(result: .rejectedPermanent, source: .serviceUser, reason: .calledAETitleNotRecognized))
    })
    let echo = try runProcess(TestEnvironment.dcmtk("echoscu"), ["-aec", "NOPE", "-ta", "5", "127.0.0.1", String(listener.port)],
                              timeout: 30)
    #expect(echo.status != 0)
    #expect(echo.stderr.contains("""
        F: Association Rejected:
        F: Result: Rejected Permanent, Source: Service User
        F: Reason: Called AE Title Not Recognized
        """), "\(echo.stderr)")
    #expect(try server.value() == ["rejected 1,1,7"])
}

/// A context echoscu proposes that we refuse leaves it without a usable context.
@Test func acceptorRefusingEveryContextStillAcknowledges() throws {
    let listener = try TCPListener(port: freeTCPPort())
    defer { listener.close() }
    let server = serveOneAssociation(listener, configuration: testConfiguration(), policy: acceptingPolicy([]))
    let echo = try runProcess(TestEnvironment.dcmtk("echoscu"), ["-ta", "5", "127.0.0.1", String(listener.port)], timeout: 30)
    #expect(echo.status != 0)
    #expect(echo.stderr.contains("No Acceptable Presentation Contexts"), "\(echo.stderr)")
    _ = try server.value()
}

/// Starts DCMTK's storescp on a free port in a folder of its own, waits until it
/// listens, runs `body`, and stops it.
func withStorescp(_ arguments: [String] = [], _ body: (UInt16, TemporaryDirectory) throws -> Void) throws {
    let folder = try TemporaryDirectory("storescp")
    let port = freeTCPPort()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TestEnvironment.dcmtk("storescp"))
    process.arguments = arguments + ["-od", folder.path, String(port)]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
        // storescp does not stop on SIGTERM while it waits for an association.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
        if let probe = try? TCPConnection.connect(host: "127.0.0.1", port: port, timeout: .seconds(1)) {
            probe.close()
            break
        }
        Thread.sleep(forTimeInterval: 0.02)
    }
    try body(port, folder)
}

/// Our requestor performs a C-ECHO against DCMTK's storescp and releases.
@Test func requestorEchoesStorescp() throws {
    try withStorescp { port, _ in
        let requestor = AssociationRequestor(callingAETitle: "QUARRY", configuration: testConfiguration())
        let association = try requestor.request(
            calledAETitle: "STORESCP", host: "127.0.0.1", port: port,
            presentationContexts: [ProposedPresentationContext(abstractSyntax: verification,
                                                               transferSyntaxes: [explicitLittleEndian, implicitLittleEndian])])
        #expect(association.isEstablished)
        #expect(association.peerMaximumLength == 16384)
        #expect(association.maximumSendPDVLength == 16372)
        #expect(association.acceptance.userInformation.implementationClassUID == "1.2.276.0.7230010.3.0.3.6.7")
        let context = try #require(association.acceptedPresentationContext(abstractSyntax: verification))
        #expect(context.transferSyntax != nil)

        let id = association.nextMessageID()
        try association.send(CEchoRQ(messageID: id), presentationContextID: context.id)
        guard case .command(let response) = try association.receive(), case .cEchoRSP(let rsp) = response.message else {
            Issue.record("no C-ECHO-RSP")
            return
        }
        #expect(rsp.messageIDBeingRespondedTo == id)
        #expect(rsp.status == .success)
        #expect(!response.hasDataSet)
        try association.release()
        #expect(association.state == .sta1)
    }
}

/// Connecting where nothing listens fails as DCMTK's tools report it.
@Test func requestorReportsRefusedConnection() {
    let requestor = AssociationRequestor(callingAETitle: "QUARRY", configuration: testConfiguration())
    #expect {
        _ = try requestor.request(calledAETitle: "NOBODY", host: "127.0.0.1", port: freeTCPPort(),
                                  presentationContexts: [ProposedPresentationContext(abstractSyntax: verification,
                                                                                     transferSyntaxes: [implicitLittleEndian])])
    } throws: { error in
        "\(error)" == "0006:031c TCP Initialization Error: Connection refused"
    }
}

/// An Explicit VR Little Endian data set written by hand (PS3.5 §7.1.2): SOP
/// Class and Instance, patient name and ID, and `pixelBytes` of OB pixel data.
func handWrittenCTDataSet(instance: String, pixelBytes: Int) -> [UInt8] {
    func element(_ group: UInt16, _ element: UInt16, _ vr: String, _ value: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.appendLE(group)
        out.appendLE(element)
        out.append(contentsOf: ascii(vr))
        if vr == "OB" {
            out.append(contentsOf: [0, 0])
            out.appendLE(UInt32(value.count))
        } else {
            out.appendLE(UInt16(value.count))
        }
        return out + value
    }
    func text(_ s: String, pad: UInt8 = 0x20) -> [UInt8] { ascii(s) + (s.utf8.count % 2 == 1 ? [pad] : []) }
    return element(0x0008, 0x0016, "UI", text(ctImage, pad: 0)) + element(0x0008, 0x0018, "UI", text(instance, pad: 0))
        + element(0x0010, 0x0010, "PN", text("Doe^John")) + element(0x0010, 0x0020, "LO", text("P001"))
        + element(0x7FE0, 0x0010, "OB", (0..<pixelBytes).map { UInt8(truncatingIfNeeded: $0) })
}

/// Our requestor stores a data set streamed in chunks into DCMTK's storescp: it
/// crosses many P-DATA-TF PDUs within storescp's maximum and arrives whole.
@Test func requestorStoresIntoStorescp() throws {
    try withStorescp { port, folder in
        let instance = "1.2.826.0.1.3680043.9.7433.99.1"
        let object = handWrittenCTDataSet(instance: instance, pixelBytes: 60_000)
        let association = try AssociationRequestor(callingAETitle: "QUARRY", configuration: testConfiguration()).request(
            calledAETitle: "STORESCP", host: "127.0.0.1", port: port,
            presentationContexts: [ProposedPresentationContext(abstractSyntax: ctImage, transferSyntaxes: [explicitLittleEndian])])
        let context = try #require(association.acceptedPresentationContext(abstractSyntax: ctImage,
                                                                           transferSyntax: explicitLittleEndian))
        var chunks = stride(from: 0, to: object.count, by: 5000).map { object[$0..<min($0 + 5000, object.count)] }.makeIterator()
        try association.send(CStoreRQ(messageID: association.nextMessageID(), affectedSOPClassUID: ctImage,
                                      affectedSOPInstanceUID: instance),
                             presentationContextID: context.id) { chunks.next() }
        guard case .command(let response) = try association.receive(), case .cStoreRSP(let rsp) = response.message else {
            Issue.record("no C-STORE-RSP")
            return
        }
        #expect(rsp.status == .success)
        #expect(rsp.affectedSOPInstanceUID == instance)
        try association.release()

        let stored = folder.file("CT.\(instance)").path
        let dump = try runProcess(TestEnvironment.dcmtk("dcmdump"), [stored], timeout: 30)
        #expect(dump.status == 0, "\(dump.output)")
        #expect(dump.stdout.contains("(0010,0010) PN [Doe^John]"))
        #expect(dump.stdout.contains("(7fe0,0010) OB 00\\01\\02"))
        #expect(dump.stdout.contains("# 60000,"))
    }
}
