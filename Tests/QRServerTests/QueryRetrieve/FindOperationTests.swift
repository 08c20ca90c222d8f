import Archive
import DICOM
import DICOMNetwork
import QRServer
import Testing

/// C-FIND answered from the index over a real association (spec §6).
@Suite(.timeLimit(.minutes(3))) struct FindOperationTests {
    @Test func pendingPerMatchThenSuccess() throws {
        let f = try QRFixture()
        let responses = try f.client.find(.studyRoot, identifier("STUDY", ["StudyInstanceUID": "", "PatientName": "",
                                                                          "ModalitiesInStudy": "", "NumberOfStudyRelatedInstances": ""]))
        try f.finish()
        #expect(responses.map(\.status) == Array(repeating: .pending, count: 6) + [.success])
        #expect(responses.last?.identifier == nil)
        let first = try #require(responses.first?.identifier)
        #expect(first.string(.studyInstanceUID) == QRFixture.uid("1"))
        #expect(first.string(.patientName) == "Doe^John")
        #expect(first.string(Tag(0x0008, 0x0061)) == "CT")
        #expect(first.string(Tag(0x0020, 0x1208)) == "4")
        #expect(first.string(.retrieveAETitle) == "STORE")
        #expect(first.string(.queryRetrieveLevel) == "STUDY")
        #expect(f.log.text.contains("I: Find SCP Response 7 [status: Success]"))
        #expect(f.log.text.contains("I: Received Find SCP:"))
        #expect(f.log.text.contains("I: Find SCP Request Identifiers:"))
    }

    /// Failures answered with a status and an Error Comment (spec §6.1, §6.4, §6.9).
    @Test(arguments: [
        ("", [String: String](), Status(0xA900)),                         // empty level
        ("INSTANCE", [:], Status(0xC000)),                                // unknown level
        ("SERIES", ["SeriesInstanceUID": ""], Status(0xC000)),           // no StudyInstanceUID
    ])
    func refusedIdentifiers(level: String, keys: [String: String], status: Status) throws {
        let f = try QRFixture()
        let responses = try f.client.find(.studyRoot, identifier(level, keys))
        try f.finish()
        #expect(responses.map(\.status) == [status])
        #expect(responses.first?.errorComment?.isEmpty == false)
    }

    /// `-XF`: a key below the query level is a violation (spec §6.7).
    @Test func strictChecks() throws {
        var options = ServerOptions()
        options.checkFind = true
        let f = try QRFixture(options: options)
        let responses = try f.client.find(.studyRoot, identifier("STUDY", ["StudyInstanceUID": "", "Modality": "CT"]))
        try f.finish()
        #expect(responses.map(\.status) == [Status(0xA900)])
        #expect(f.log.text.contains("E: findSCP: Database: startFindRequest Failed (Error: DataSetDoesNotMatchSOPClass):"))
    }

    /// C-CANCEL after the first pending response: 0xFE00 without identifier, fewer than all matches (spec §6.8).
    @Test func cancelStopsTheStream() throws {
        let archive = try TestArchive((0..<3000).map {
            (TestArchive.instance(patient: "Bulk^P", id: "B1", study: "9", date: "20240101", series: "9.1", modality: "CT",
                                  sop: "9.1.\($0)", number: $0), TransferSyntax.explicitVRLittleEndian)
        }, withFiles: false)
        let f = try QRFixture(archive: archive)
        let responses = try f.client.find(.studyRoot, identifier("IMAGE", ["StudyInstanceUID": QRFixture.uid("9"),
                                                                          "SeriesInstanceUID": "", "SOPInstanceUID": ""]),
                                          cancelAfter: 1)
        let after = try f.client.find(.studyRoot, identifier("STUDY", ["StudyInstanceUID": QRFixture.uid("9")]))
        try f.finish()
        #expect(responses.last?.status == .cancel)
        #expect(responses.last?.identifier == nil)
        #expect(responses.count < 3001)
        #expect(after.map(\.status) == [.pending, .success])
        #expect(f.log.text.contains("[status: Cancel: MatchingTerminatedDueToCancelRequest]"))
    }

    /// Character sets: the Latin-1 record asked in UTF-8 comes back converted (spec §6.6).
    @Test func responseCharacterSet() throws {
        let f = try QRFixture()
        var request = identifier("PATIENT", ["PatientName": "Müller*", "PatientID": "", "SpecificCharacterSet": "ISO_IR 192"])
        request.set(DataElement(tag: .patientName, vr: .PN, bytes: TestArchive.padded(Array("Müller*".utf8))))
        let responses = try f.client.find(.patientRoot, request)
        try f.finish()
        #expect(responses.count == 3)
        for response in responses.dropLast() {
            #expect(response.identifier?.string(.specificCharacterSet) == "ISO_IR 192")
        }
        #expect(f.log.text.contains("I: Successfully converted response from character set \"ISO_IR 100\" to character set \"ISO_IR 192\""))
    }
}
