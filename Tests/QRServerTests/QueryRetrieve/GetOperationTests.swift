import Archive
import DICOM
import DICOMNetwork
import QRServer
import Testing

/// C-GET over a real association (spec §8).
@Suite(.timeLimit(.minutes(3))) struct GetOperationTests {
    @Test(arguments: [TestClient.implicitLittle, TestClient.explicitLittle, TestClient.explicitBig])
    func getStudyInEachUncompressedSyntax(syntax: String) throws {
        let f = try QRFixture(getTransferSyntaxes: [syntax])
        let (responses, received) = try f.client.get(.studyRoot, MoveOperationTests.study1)
        try f.finish()
        #expect(responses.map(\.counters) == MoveOperationTests.successCounters(4))
        #expect(responses.last?.status == .success)
        #expect(received.map(\.sop) == MoveOperationTests.study1UIDs)
        #expect(Set(received.map(\.transferSyntax)) == [syntax])
        #expect(received.allSatisfy { $0.originator == nil })
        for object in received {
            let decoded = try DataSet(decoding: object.bytes, transferSyntax: try #require(TransferSyntax(uid: syntax)))
            #expect(decoded.string(.sopInstanceUID) == object.sop)
        }
    }

    /// The requestor offered only MR: each CT sub-operation fails, 0xA702 (spec §8, measured).
    @Test func noStorageContextForTheClass() throws {
        let f = try QRFixture(storageClasses: [TestArchive.mr])
        let (responses, received) = try f.client.get(.studyRoot, MoveOperationTests.study1)
        try f.finish()
        #expect(responses.map(\.counters) == [[3, 0, 1, 0], [2, 0, 2, 0], [1, 0, 3, 0], [0, 0, 4, 0], [nil, 0, 4, 0]])
        #expect(responses.last?.status == .refusedOutOfResourcesSubOperations)
        #expect(responses.last?.failedUIDs.sorted() == MoveOperationTests.study1UIDs)
        #expect(received.isEmpty)
        #expect(f.log.text.contains("E: Get SCP: storeSCU: [file: "))
    }

    @Test func cancelMidGet() throws {
        let bulk = (0..<200).map {
            (TestArchive.instance(patient: "Bulk^P", id: "B1", study: "9", date: "20240101", series: "9.1", modality: "CT",
                                  sop: "9.1.\($0)", number: $0), TransferSyntax.explicitVRLittleEndian)
        }
        let f = try QRFixture(archive: try TestArchive(bulk))
        let (responses, received) = try f.client.get(.studyRoot, identifier("STUDY", ["StudyInstanceUID": QRFixture.uid("9")]),
                                                     cancelAfter: 3)
        let after = try f.client.find(.studyRoot, identifier("STUDY", ["StudyInstanceUID": QRFixture.uid("9")]))
        try f.finish()
        let last = try #require(responses.last)
        #expect(last.status == .cancel)
        #expect((last.remaining ?? 0) > 0)
        #expect(Int(last.remaining ?? 0) + Int(last.completed ?? 0) + Int(last.failed ?? 0) == 200)
        #expect(received.count == Int(last.completed ?? 0))
        #expect(after.map(\.status) == [.pending, .success])
    }
}
