import Archive
import DICOM
import DICOMNetwork
import QRServer
import Foundation
import Testing

/// C-MOVE over real associations (spec §7): a destination in this process as VIEWER1.
@Suite(.timeLimit(.minutes(3))) struct MoveOperationTests {
    static let study1 = identifier("STUDY", ["StudyInstanceUID": QRFixture.uid("1")])
    static let study1UIDs = ["1.1.1", "1.1.2", "1.2.1", "1.2.2"].map(QRFixture.uid)

    static func successCounters(_ n: Int) -> [[Int?]] { (1...n).map { [n - $0, $0, 0, 0] } + [[nil, n, 0, 0]] }

    @Test func moveToAHostTableDestination() throws {
        let destination = try StoreDestination()
        let f = try QRFixture(destinationPort: destination.port)
        let responses = try f.client.move(.studyRoot, to: "VIEWER1", Self.study1)
        try f.finish()
        try destination.wait()
        #expect(responses.map(\.status) == [.pending, .pending, .pending, .pending, .success])
        #expect(responses.map(\.counters) == Self.successCounters(4))
        #expect(responses.last?.identifier == nil)
        #expect(destination.sopInstanceUIDs == Self.study1UIDs)
        #expect(Set(destination.received.all.map(\.originator)) == ["VIEWER1"])
        #expect(Set(destination.received.all.map(\.originatorMessageID)) == [1])
        #expect(Set(destination.received.all.map(\.transferSyntax)) == [TestClient.explicitLittle])
        #expect(f.log.text.contains("I: Requesting Sub-Association\n"))
        #expect(f.log.text.contains("I: Store SCU RQ: MsgID 1, (CT)\n"))
        #expect(f.log.text.contains("I: Releasing Sub-Association\n"))
        #expect(f.log.text.contains("I: Move SCP Response 5 [status: Success]\n"))
    }

    /// Unknown destination: 0xA801, counters 0, Remaining absent, no identifier; with no
    /// match the destination is not looked up at all (spec §7.1, §7.2).
    @Test(arguments: ["NOSUCH", "viewer1", "STORE"])
    func unknownDestination(aeTitle: String) throws {
        let f = try QRFixture()
        let refused = try f.client.move(.studyRoot, to: aeTitle, Self.study1)
        let noMatch = try f.client.move(.studyRoot, to: aeTitle, identifier("STUDY", ["StudyInstanceUID": "1.2.3.4"]))
        try f.finish()
        #expect(refused.map(\.status) == [Status(0xA801)])
        #expect(refused.map(\.counters) == [[nil, 0, 0, 0]])
        #expect(refused.first?.identifier == nil)
        #expect(f.log.text.contains("I: mapMoveDestination: unknown AE: '\(aeTitle)'\n"))
        #expect(noMatch.map(\.status) == [.success])
        #expect(noMatch.map(\.counters) == [[nil, 0, 0, 0]])
    }

    /// Nobody listens on VIEWER2's port: one 0xA702, every instance failed and listed (spec §7.3).
    @Test func unreachableDestination() throws {
        let f = try QRFixture()
        let responses = try f.client.move(.studyRoot, to: "VIEWER2", Self.study1)
        try f.finish()
        #expect(responses.map(\.status) == [.refusedOutOfResourcesSubOperations])
        #expect(responses.map(\.counters) == [[nil, 0, 4, 0]])
        #expect(responses.first?.failedUIDs.sorted() == Self.study1UIDs)
        #expect(f.log.text.contains("E: moveSCP: Sub-Association Request Failed: 0006:031c TCP Initialization Error: Connection refused"))
    }

    /// A destination taking only MR: the CT sub-operations fail, 0xB000 with their UIDs (spec §7.3).
    @Test func destinationWithoutTheSOPClass() throws {
        let destination = try StoreDestination(accepts: { $0 == TestArchive.mr })
        let f = try QRFixture(destinationPort: destination.port)
        let responses = try f.client.move(.patientRoot, to: "VIEWER1", identifier("PATIENT", ["PatientID": "P001"]))
        try f.finish()
        try destination.wait()
        #expect(responses.last?.status == .warningSubOperationsCompleteOneOrMoreFailures)
        #expect(responses.last?.counters == [nil, 1, 4, 0])
        #expect(responses.last?.failedUIDs.sorted() == Self.study1UIDs)
        #expect(destination.sopInstanceUIDs == [QRFixture.uid("2.1.1")])
        #expect(f.log.text.contains("] No presentation context for: (CT) 1.2.840.10008.5.1.4.1.1.2\n"))
    }

    /// A destination answering 0xB000 for CT: warnings counted, no identifier (spec §7.3).
    @Test func destinationWarnings() throws {
        let destination = try StoreDestination(status: { $0 == TestArchive.ct ? Status(0xB000) : .success })
        let f = try QRFixture(destinationPort: destination.port)
        let responses = try f.client.move(.patientRoot, to: "VIEWER1", identifier("PATIENT", ["PatientID": "P001"]))
        try f.finish()
        try destination.wait()
        #expect(responses.last?.status == .warningSubOperationsCompleteOneOrMoreFailures)
        #expect(responses.last?.counters == [nil, 1, 0, 4])
        #expect(responses.last?.identifier == nil)
    }

    /// A destination accepting only another uncompressed syntax: objects converted on the way.
    @Test(arguments: [TestClient.implicitLittle, TestClient.explicitBig])
    func conversionToTheAcceptedSyntax(syntax: String) throws {
        let destination = try StoreDestination(preference: [syntax])
        let f = try QRFixture(destinationPort: destination.port)
        let responses = try f.client.move(.studyRoot, to: "VIEWER1", Self.study1)
        try f.finish()
        try destination.wait()
        #expect(responses.last?.status == .success)
        #expect(Set(destination.received.all.map(\.transferSyntax)) == [syntax])
        for object in destination.received.all {
            let decoded = try DataSet(decoding: object.bytes, transferSyntax: try #require(TransferSyntax(uid: syntax)))
            #expect(decoded.string(.sopInstanceUID) == object.sop)
            #expect(decoded[.pixelData]?.bytes == (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 5) })
        }
    }

    /// A JPEG object to a destination accepting only uncompressed syntaxes fails with the
    /// reason; one accepting JPEG gets it as stored (the proposal names its syntax).
    @Test func compressedObjects() throws {
        var jpeg = TestArchive.instance(patient: "Jay^Peg", id: "J1", study: "7", date: "20240101", series: "7.1",
                                        modality: "CT", sop: "7.1.1", number: 1)
        jpeg.set(DataElement(tag: .pixelData, vr: .OB, value: .encapsulated(EncapsulatedPixelData(
            basicOffsetTable: [], fragments: [[0xFF, 0xD8, 0xFF, 0xD9]]))))
        let archive = try TestArchive(TestArchive.f1() + [(jpeg, TransferSyntax.jpegBaseline)])
        let uncompressedOnly = try StoreDestination()
        let f = try QRFixture(archive: archive, destinationPort: uncompressedOnly.port)
        let request = identifier("STUDY", ["StudyInstanceUID": QRFixture.uid("7")])
        let refused = try f.client.move(.studyRoot, to: "VIEWER1", request)
        try f.finish()
        try uncompressedOnly.wait()
        #expect(refused.last?.status == .refusedOutOfResourcesSubOperations)
        #expect(f.log.text.contains("No presentation context for: (CT) 1.2.840.10008.5.1.4.1.1.2 in JPEG Baseline"))

        let acceptsJPEG = try StoreDestination(preference: [TransferSyntax.jpegBaseline.uid])
        let g = try QRFixture(archive: archive, destinationPort: acceptsJPEG.port)
        let moved = try g.client.move(.studyRoot, to: "VIEWER1", request)
        try g.finish()
        try acceptsJPEG.wait()
        #expect(moved.last?.status == .success)
        #expect(acceptsJPEG.received.all.map(\.transferSyntax) == [TransferSyntax.jpegBaseline.uid])
    }

    /// `-xf file in out`: the sub-association proposes the "out" profile's contexts, nothing else.
    @Test func outgoingProfileReplacesTheProposal() throws {
        let destination = try StoreDestination()
        let profile = AssociationProfile(name: "out", presentationContexts: [
            .init(abstractSyntax: TestArchive.mr, transferSyntaxes: [TestClient.implicitLittle])])
        let f = try QRFixture(destinationPort: destination.port, outgoingProfile: profile)
        let responses = try f.client.move(.patientRoot, to: "VIEWER1", identifier("PATIENT", ["PatientID": "P001"]))
        try f.finish()
        try destination.wait()
        #expect(responses.last?.counters == [nil, 1, 4, 0])
        #expect(destination.received.all.map(\.transferSyntax) == [TestClient.implicitLittle])
    }

    /// `-ZA`: the destination must be the requesting AE title (spec §7.2).
    @Test func moveRestrictedToTheRequestingAETitle() throws {
        var options = ServerOptions()
        options.restrictMoveToRequestingAETitle = true
        let f = try QRFixture(options: options)
        let responses = try f.client.move(.studyRoot, to: "MOD1", Self.study1)
        try f.finish()
        #expect(responses.map(\.status) == [Status(0xA801)])
        #expect(f.log.text.contains("I: mapMoveDestination: strictMove Reqs: 'VIEWER1' != 'MOD1'\n"))
    }

    /// C-CANCEL between sub-operations: 0xFE00 with Remaining, counters adding up (spec §7.3).
    @Test func cancelMidMove() throws {
        let bulk = (0..<60).map {
            (TestArchive.instance(patient: "Bulk^P", id: "B1", study: "9", date: "20240101", series: "9.1", modality: "CT",
                                  sop: "9.1.\($0)", number: $0), TransferSyntax.explicitVRLittleEndian)
        }
        let destination = try StoreDestination(delay: 0.02)
        let f = try QRFixture(archive: try TestArchive(bulk), destinationPort: destination.port)
        let responses = try f.client.move(.studyRoot, to: "VIEWER1", identifier("STUDY", ["StudyInstanceUID": QRFixture.uid("9")]),
                                          cancelAfter: 3)
        try f.finish()
        try destination.wait()
        let last = try #require(responses.last)
        #expect(last.status == .cancel)
        let (remaining, completed) = (last.remaining ?? 0, last.completed ?? 0)
        #expect(remaining > 0)
        #expect(Int(remaining) + Int(completed) + Int(last.failed ?? 0) + Int(last.warning ?? 0) == 60)
        #expect(destination.sopInstanceUIDs.count == Int(completed))
        #expect(f.log.text.contains("[status: Cancel: SubOperationsTerminatedDueToCancelIndication]"))
    }
}

/// A destination that takes the connection and never answers: the sub-association
/// fails after the ACSE timeout (`-ta`), 0xA702 — never a hang (issue 6).
@Suite(.timeLimit(.minutes(3))) struct SilentDestinationTests {
    @Test func silentDestinationEndsInA702() throws {
        let silent = try TCPListener(port: 0)
        let holder = Background<Void> {
            let connection = try silent.accept(timeout: .seconds(20))
            Thread.sleep(forTimeInterval: 6)
            _ = connection
        }
        var options = ServerOptions()
        options.acseTimeout = 2
        let f = try QRFixture(destinationPort: silent.port, options: options)
        let responses = try f.client.move(.studyRoot, to: "VIEWER1", MoveOperationTests.study1)
        try f.finish()
        try holder.value()
        #expect(responses.map(\.status) == [.refusedOutOfResourcesSubOperations])
        #expect(responses.map(\.counters) == [[nil, 0, 4, 0]])
        #expect(f.log.text.contains("E: moveSCP: Sub-Association Request Failed: 0006:031a"))
    }
}

/// A slow move destination never holds up a store to the same area: the move works
/// on a snapshot and holds no lock while it sends (issue 6, DESIGN.md "Concurrency";
/// dcmqrscp made a store wait 53 s behind a move, spec §12.5).
@Suite(.timeLimit(.minutes(3))) struct StoreDuringMoveTests {
    final class Box<T>: @unchecked Sendable { var value: T; init(_ value: T) { self.value = value } }

    @Test func storeCompletesWhileAMoveIsSending() throws {
        let count = 40
        let bulk = (0..<count).map {
            (TestArchive.instance(patient: "Bulk^P", id: "B1", study: "9", date: "20240101", series: "9.1", modality: "CT",
                                  sop: "9.1.\($0)", number: $0), TransferSyntax.explicitVRLittleEndian)
        }
        let archive = try TestArchive(bulk)
        let destination = try StoreDestination(delay: 0.05)
        let f = Box(try QRFixture(archive: archive, destinationPort: destination.port))
        let move = Background<[QRResponse]> {
            try f.value.client.move(.studyRoot, to: "VIEWER1", identifier("STUDY", ["StudyInstanceUID": QRFixture.uid("9")]))
        }
        for _ in 0..<2000 where destination.received.all.count < 2 { Thread.sleep(forTimeInterval: 0.01) }
        let extra = TestArchive.instance(patient: "Late^Comer", id: "L1", study: "8", date: "20240102", series: "8.1",
                                         modality: "CT", sop: "8.1.1", number: 1)
        _ = try archive.index.add(try archive.add(extra, syntax: .explicitVRLittleEndian, name: "LATE.dcm"), quota: .unlimited)
        let sentWhenStored = destination.received.all.count
        let responses = try move.value()
        try f.value.finish()
        try destination.wait()
        #expect(sentWhenStored < count, "the store finished while the move was still sending")
        #expect(responses.last?.status == .success)
        #expect(responses.last?.completed == UInt16(count), "the move sends its snapshot, not the late object")
        #expect(try archive.index.snapshot().count(at: .image) == count + 1)
    }
}
