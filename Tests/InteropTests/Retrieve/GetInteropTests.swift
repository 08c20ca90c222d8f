import QuarryTestSupport
import Testing

/// C-GET (spec §8) with the same expectations for dcmqrscp and quarryscp:
/// the study arrives on the requesting association in whichever
/// uncompressed transfer syntax the requestor offered, and an instance whose
/// SOP class the requestor did not offer fails its sub-operation.
@Suite("C-GET interop", .timeLimit(.minutes(2)))
struct GetInteropTests {
    struct Case: Sendable, CustomStringConvertible {
        var kind: QRServerUnderTest.Kind
        var transferSyntax: String
        var description: String { "\(kind), \(transferSyntax)" }
    }

    static let cases: [Case] = QRServerUnderTest.Kind.allCases.flatMap { kind in
        [TransferSyntaxUID.implicitLittle, TransferSyntaxUID.explicitLittle, TransferSyntaxUID.explicitBig]
            .map { Case(kind: kind, transferSyntax: $0) }
    }

    static let ct = "1.2.840.10008.5.1.4.1.1.2", mr = "1.2.840.10008.5.1.4.1.1.4"

    @Test("get of a study in each uncompressed transfer syntax", arguments: cases)
    func getStudy(in testCase: Case) throws {
        let fixture = try RetrieveFixture(kind: testCase.kind, name: "get")
        let study = DifferentialUID.f1("1")
        let expected = fixture.sopInstanceUIDs("StudyInstanceUID", in: [study])
        var client = fixture.server.client()
        client.getTransferSyntaxes = [testCase.transferSyntax]
        let result = try client.results([.get(.studyRoot, ["QueryRetrieveLevel": "STUDY", "StudyInstanceUID": study])],
                                        server: testCase.kind.rawValue)[0]
        #expect(result.finalStatus == 0x0000)
        #expect(counters(result) == successfulCounters(expected.count))
        #expect(result.received.sorted() == expected)
        #expect(Set(result.receivedTransferSyntaxes) == [testCase.transferSyntax])
    }

    @Test("get whose SOP class the requestor did not offer: each sub-operation fails, 0xA702",
          arguments: QRServerUnderTest.Kind.allCases)
    func getWithoutStorageContext(kind: QRServerUnderTest.Kind) throws {
        let fixture = try RetrieveFixture(kind: kind, name: "get-mr-only")
        let study = DifferentialUID.f1("1")   // four CT instances
        let expected = fixture.sopInstanceUIDs("StudyInstanceUID", in: [study])
        var client = fixture.server.client()
        client.getStorageClasses = [Self.mr]
        let result = try client.results([.get(.studyRoot, ["QueryRetrieveLevel": "STUDY", "StudyInstanceUID": study])],
                                        server: kind.rawValue)[0]
        // spec §8: pendings (3,0,1,0)…(0,0,4,0), final 0xA702 with the four UIDs.
        #expect(result.finalStatus == 0xA702)
        #expect(counters(result) == (1...expected.count).map { [expected.count - $0, 0, $0, 0] }
                + [[nil, 0, expected.count, 0]])
        let failedList = result.responses.last?.identifier?["FailedSOPInstanceUIDList"] ?? ""
        #expect(failedList.split(separator: "\\").map(String.init).sorted() == expected)
        #expect(result.received.isEmpty)
    }
}
