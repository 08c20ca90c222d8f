import Archive
import DICOM
import Testing

/// What C-MOVE and C-GET send (spec §7.1, §8).
@Suite struct RetrieveListTests {
    @Test(arguments: [
        (QueryRetrieveInformationModel.Root.studyRoot, "STUDY", ["StudyInstanceUID=\(uid).1"], ["1.1.1", "1.1.2", "1.2.1", "1.2.2"]),
        (.patientRoot, "PATIENT", ["PatientID=P001"], ["1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1.1"]),
        // non-unique keys work without -XM (measured, Study Root: PatientName=Doe^John moved 5; StudyDate moved 4)
        (.studyRoot, "STUDY", ["PatientName=Doe^John"], ["1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1.1"]),
        (.studyRoot, "STUDY", ["StudyDate=20200101"], ["1.1.1", "1.1.2", "1.2.1", "1.2.2"]),
        (.studyRoot, "STUDY", ["StudyInstanceUID=\(uid).4\\\(uid).3"], ["3.1.1", "4.1.1"]),
        (.studyRoot, "SERIES", ["StudyInstanceUID=\(uid).1", "SeriesInstanceUID=\(uid).1.2"], ["1.2.1", "1.2.2"]),
        (.studyRoot, "IMAGE", ["StudyInstanceUID=\(uid).1", "SeriesInstanceUID=\(uid).1.1", "SOPInstanceUID=\(uid).1.1.2"], ["1.1.2"]),
        // missing higher-level unique key: nothing (spec §7.1)
        (.studyRoot, "IMAGE", ["SOPInstanceUID=\(uid).1.1.2"], []),
        (.studyRoot, "STUDY", ["StudyInstanceUID=1.2.3.4"], []),
    ] as [(QueryRetrieveInformationModel.Root, String, [String], [String])])
    func instancesUnderTheMatches(root: QueryRetrieveInformationModel.Root, level: String, keys: [String],
                                  expected: [String]) throws {
        let f1 = try IndexedF1()
        let query = try Query.decodingText(model: model(root, .move), identifier: identifier(level, keys))
        let list = try f1.snapshot().retrieveList(for: query)
        #expect(list.map(\.sopInstanceUID) == expected.map { "\(uid).\($0)" })
        #expect(list.allSatisfy { $0.fileName == "CT_\($0.sopInstanceUID).dcm" && $0.transferSyntaxUID == "1.2.840.10008.1.2.1" })
    }

    @Test func storedSyntaxesPerSOPClass() throws {
        let f1 = try IndexedF1()
        let query = try Query.decodingText(model: model(.studyRoot, .get), identifier: identifier("STUDY", ["StudyInstanceUID"]))
        let list = try f1.snapshot().retrieveList(for: query)
        #expect(list.count == 9)
        #expect(list.storedSyntaxes == [
            StoredSyntaxes(sopClassUID: "1.2.840.10008.5.1.4.1.1.2", transferSyntaxUIDs: ["1.2.840.10008.1.2.1"], counts: [8]),
            StoredSyntaxes(sopClassUID: "1.2.840.10008.5.1.4.1.1.4", transferSyntaxUIDs: ["1.2.840.10008.1.2.1"], counts: [1]),
        ])
    }

    /// The list comes from one snapshot: a store made while it is being sent changes nothing in it,
    /// and iterating the responses holds no lock the store would wait for.
    @Test func storesGoOnWhileAResponseStreamIsOpen() throws {
        let f1 = try IndexedF1()
        let query = try Query.decodingText(model: model(.studyRoot), identifier: identifier("IMAGE", [
            "StudyInstanceUID=\(uid).1", "SeriesInstanceUID", "SOPInstanceUID"]))
        var responses = FindResponses(query: query, snapshot: try f1.snapshot(), retrieveAETitle: "STORE").makeIterator()
        #expect(responses.next() != nil)
        var added = makeInstance("\(uid).1.1.9", study: 1)
        added.attributes[.studyInstanceUID] = Array("\(uid).1".utf8)
        added.attributes[.seriesInstanceUID] = Array("\(uid).1.1".utf8)
        added.attributes[.patientID] = Array("P001".utf8)
        _ = try f1.index.add(added, quota: .unlimited)
        var rest = 0
        while responses.next() != nil { rest += 1 }
        #expect(rest == 3)
        #expect(Array(FindResponses(query: query, snapshot: try f1.snapshot(), retrieveAETitle: "STORE")).count == 5)
    }
}
