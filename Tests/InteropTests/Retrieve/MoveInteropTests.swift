import QuarryTestSupport
import Testing

/// C-MOVE as issue 6 "Tests" lists it, with the same expectations for the
/// real dcmqrscp (proving the harness and the spec's facts, §7) and for
/// quarryscp (failing, with the server's own words, until it serves C-MOVE).
/// The destination is DCMTK's storescp; what arrived is read back from its
/// files by SOP Instance UID.
@Suite("C-MOVE interop", .timeLimit(.minutes(2)))
struct MoveInteropTests {
    static let study1 = DifferentialUID.f1("1")

    /// A move whose every sub-operation succeeds: its identifier keys and the
    /// stored instances it must deliver, as (keyword, values).
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var model: QRInformationModel
        var keys: [String: String?]
        var selects: (keyword: String, values: [String])
    }

    static let cases: [Case] = [
        Case(description: "Study Root STUDY by UID", model: .studyRoot,
             keys: ["QueryRetrieveLevel": "STUDY", "StudyInstanceUID": study1],
             selects: ("StudyInstanceUID", [study1])),
        Case(description: "Patient Root PATIENT", model: .patientRoot,
             keys: ["QueryRetrieveLevel": "PATIENT", "PatientID": "P001"], selects: ("PatientID", ["P001"])),
        Case(description: "Patient Root SERIES", model: .patientRoot,
             keys: ["QueryRetrieveLevel": "SERIES", "PatientID": "P001", "StudyInstanceUID": study1,
                    "SeriesInstanceUID": DifferentialUID.f1("1.2")],
             selects: ("SeriesInstanceUID", [DifferentialUID.f1("1.2")])),
        Case(description: "Study Root IMAGE", model: .studyRoot,
             keys: ["QueryRetrieveLevel": "IMAGE", "StudyInstanceUID": study1,
                    "SeriesInstanceUID": DifferentialUID.f1("1.1"), "SOPInstanceUID": DifferentialUID.f1("1.1.2")],
             selects: ("SOPInstanceUID", [DifferentialUID.f1("1.1.2")])),
        Case(description: "Study Root list of two studies", model: .studyRoot,
             keys: ["QueryRetrieveLevel": "STUDY",
                    "StudyInstanceUID": DifferentialUID.f1("3") + "\\" + DifferentialUID.f1("4")],
             selects: ("StudyInstanceUID", [DifferentialUID.f1("3"), DifferentialUID.f1("4")])),
        Case(description: "Patient/Study Only STUDY", model: .patientStudyOnly,
             keys: ["QueryRetrieveLevel": "STUDY", "PatientID": "P001", "StudyInstanceUID": DifferentialUID.f1("2")],
             selects: ("StudyInstanceUID", [DifferentialUID.f1("2")])),
        Case(description: "STUDY by a non-unique key (StudyDate), allowed without -XM", model: .studyRoot,
             keys: ["QueryRetrieveLevel": "STUDY", "StudyDate": "20200101"],
             selects: ("StudyDate", ["20200101"])),
    ]

    @Test("move to a HostTable destination delivers exactly the matched instances",
          arguments: QRServerUnderTest.Kind.allCases)
    func moveToHostTableDestination(kind: QRServerUnderTest.Kind) throws {
        let fixture = try RetrieveFixture(kind: kind, name: "move")
        for move in Self.cases {
            let expected = fixture.sopInstanceUIDs(move.selects.keyword, in: move.selects.values)
            let (result, received) = try fixture.run(.move(move.model, to: "VIEWER1", move.keys))
            #expect(result.finalStatus == 0x0000, "\(move): final \(hex(result.finalStatus))")
            #expect(counters(result) == successfulCounters(expected.count), "\(move)")
            #expect(received == expected, "\(move)")
        }
    }

    @Test("move to an unknown AE: 0xA801, nothing sent; without matches the destination is not looked up",
          arguments: QRServerUnderTest.Kind.allCases)
    func moveToUnknownAE(kind: QRServerUnderTest.Kind) throws {
        let fixture = try RetrieveFixture(kind: kind, name: "unknown")
        for destination in ["NOSUCH", "viewer1", "STORE"] {
            let (result, received) = try fixture.run(
                .move(.studyRoot, to: destination, ["QueryRetrieveLevel": "STUDY", "StudyInstanceUID": Self.study1]))
            #expect(result.responses.map(\.status) == [0xA801], "\(destination)")
            #expect(result.responses.first?.remaining == nil, "\(destination): Remaining absent")
            #expect(result.responses.first?.identifier == nil, "\(destination): no identifier")
            #expect(received.isEmpty)
        }
        let (noMatch, _) = try fixture.run(
            .move(.studyRoot, to: "NOSUCH", ["QueryRetrieveLevel": "STUDY", "StudyInstanceUID": "1.2.3.4"]))
        #expect(noMatch.responses.map(\.status) == [0x0000])
        #expect(counters(noMatch) == [[nil, 0, 0, 0]])
    }

    @Test("move to a destination nobody listens on: one 0xA702 with every UID failed",
          arguments: QRServerUnderTest.Kind.allCases)
    func moveToUnreachablePort(kind: QRServerUnderTest.Kind) throws {
        let fixture = try RetrieveFixture(kind: kind, name: "unreachable")
        // VIEWER2 is in the HostTable at 127.0.0.1 on a free port no test listens on.
        let expected = fixture.sopInstanceUIDs("StudyInstanceUID", in: [Self.study1])
        let (result, received) = try fixture.run(
            .move(.studyRoot, to: "VIEWER2", ["QueryRetrieveLevel": "STUDY", "StudyInstanceUID": Self.study1]))
        #expect(result.responses.map(\.status) == [0xA702])
        #expect(counters(result) == [[nil, 0, expected.count, 0]])
        let failedList = result.responses.last?.identifier?["FailedSOPInstanceUIDList"] ?? ""
        #expect(failedList.split(separator: "\\").map(String.init).sorted() == expected)
        #expect(received.isEmpty)
    }

    @Test("retrieve from one AE never returns another storage area's data",
          arguments: QRServerUnderTest.Kind.allCases)
    func storageAreasStayApart(kind: QRServerUnderTest.Kind) throws {
        let fixture = try RetrieveFixture(kind: kind, name: "areas")   // F1 data went to STORE only
        let keys: [String: String?] = ["QueryRetrieveLevel": "STUDY", "StudyInstanceUID": Self.study1]
        let (move, received) = try fixture.run(.move(.studyRoot, to: "VIEWER1", keys), calledAE: "ANYAE")
        #expect(move.responses.map(\.status) == [0x0000])
        #expect(received.isEmpty)
        let (get, _) = try fixture.run(.get(.studyRoot, keys), calledAE: "ANYAE")
        #expect(get.responses.map(\.status) == [0x0000])
        #expect(get.received.isEmpty)
        let (find, _) = try fixture.run(.find(.studyRoot, keys), calledAE: "ANYAE")
        #expect(find.responses.map(\.status) == [0x0000])
    }
}
