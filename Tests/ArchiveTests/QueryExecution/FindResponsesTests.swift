import Archive
import QuarryTestSupport
import DICOM
import Testing

/// C-FIND responses built from the index (spec §6.5, §6.6).
@Suite struct FindResponsesTests {
    func responses(_ root: QueryRetrieveInformationModel.Root, _ level: String, _ keys: [String],
                   policy: ResponseCharacterSetPolicy = .dcmqrscpDefault) throws -> [FindResponse] {
        let f1 = try IndexedF1()
        let query = try Query.decodingText(model: model(root), identifier: identifier(level, keys))
        return Array(FindResponses(query: query, snapshot: try f1.snapshot(), retrieveAETitle: "STORE", policy: policy))
    }

    /// The identifiers equal the query module's, built from the reference tree (ASCII records).
    @Test func identifiersAgreeWithTheReferenceTree() throws {
        let keys = ["PatientID=P00[123]*", "PatientName", "StudyInstanceUID", "StudyDate", "ModalitiesInStudy",
                    "NumberOfStudyRelatedInstances", "Modality", "SOPInstanceUID", "InstanceAvailability"]
        let f1 = try IndexedF1()
        let query = try Query.decodingText(model: model(.studyRoot), identifier: identifier("STUDY", Array(keys.dropFirst())))
        let found = Array(FindResponses(query: query, snapshot: try f1.snapshot(), retrieveAETitle: "STORE"))
        let reference = walk(query, f1.tree)
        #expect(found.count == 6)
        for (response, node) in zip(found, reference) where ["P001", "P002", "P003"].contains(node.value("PatientID")) {
            let expected = query.responseIdentifier(for: node.view, retrieveAETitle: "STORE", specificCharacterSet: nil)
            #expect(response.identifier == expected, "\(node.uniqueKey)")
            #expect(response.messages.isEmpty)
        }
        let first = try #require(found.first?.identifier)
        #expect(first.string(.patientName) == "Doe^John")
        #expect(first.string(Tag(0x0008, 0x0061)) == "CT")
        #expect(first.string(Tag(0x0020, 0x1208)) == "4")
        #expect(first.string(Tag(0x0008, 0x0056)) == "ONLINE")
        #expect(first.string(.retrieveAETitle) == "STORE")
        #expect(first.string(.queryRetrieveLevel) == "STUDY")
        #expect(first[.specificCharacterSet] == nil)
    }

    /// Request in ASCII: a Latin-1 record cannot become ASCII, stays Latin-1 with its
    /// (0008,0005) and dcmqrscp's two warnings (measured, spec §6.6); a UTF-8 record
    /// likewise; ASCII records carry no (0008,0005).
    @Test func asciiRequestKeepsTheRecordsCharacterSet() throws {
        let found = try responses(.patientRoot, "PATIENT", ["PatientName=M*ller*", "PatientID"])
        #expect(found.count == 2)
        let utf8 = try #require(found.first { $0.identifier.string(.patientID) == "P004" })
        let latin1 = try #require(found.first { $0.identifier.string(.patientID) == "P005" })
        #expect(utf8.identifier.string(.specificCharacterSet) == "ISO_IR 192")
        #expect(utf8.identifier[.patientName]?.bytes == Array("Müller^Jürgen".utf8) + [0x20])
        #expect(latin1.identifier.string(.specificCharacterSet) == "ISO_IR 100")
        #expect(latin1.identifier[.patientName]?.bytes == [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x5E, 0x4A, 0xF6, 0x72, 0x67, 0x20])
        #expect(latin1.messages.map(\.description) == DCMTKLine.failure("ISO_IR 100", "ASCII", encoding: "ASCII"))
        let ascii = try responses(.patientRoot, "PATIENT", ["PatientID=P001", "PatientName"])
        #expect(ascii.map { $0.identifier[.specificCharacterSet] == nil } == [true])
    }

    /// Request in UTF-8: the Latin-1 record is converted and labelled ISO_IR 192 (measured).
    @Test func utf8RequestConvertsLatin1Records() throws {
        let found = try responses(.patientRoot, "PATIENT", ["SpecificCharacterSet=ISO_IR 192", "PatientName=Müller*", "PatientID"])
        #expect(found.count == 2)
        for response in found {
            #expect(response.identifier.string(.specificCharacterSet) == "ISO_IR 192")
            let name = try #require(response.identifier[.patientName]?.bytes)
            #expect(["Müller^Jürgen", "Müller^Jörg"].contains(String(decoding: name.dropLast(), as: UTF8.self)))
        }
        let latin1 = try #require(found.first { $0.identifier.string(.patientID) == "P005" })
        #expect(latin1.messages.map(\.description) == [DCMTKLine.converted("ISO_IR 100", "ISO_IR 192")])
    }

    /// `-Cr +U8` (override to UTF-8): every non-ASCII response in UTF-8 whatever the request.
    @Test func overrideConvertsEveryResponse() throws {
        let policy = ResponseCharacterSetPolicy(configurationTerms: ["ISO_IR 192", "override"])
        let found = try responses(.patientRoot, "PATIENT", ["PatientID=P005", "PatientName"], policy: policy)
        #expect(found.count == 1)
        #expect(found.first?.identifier.string(.specificCharacterSet) == "ISO_IR 192")
        #expect(found.first?.identifier[.patientName]?.bytes == Array("Müller^Jörg".utf8) + [0x20])
    }

    /// Values of ancestors in another character set than the matched record's: the
    /// response goes out in UTF-8, labelled so.
    @Test func mixedCharacterSetsFallBackToUTF8() throws {
        let directory = try QuarryTestSupport.TemporaryDirectory()
        let index = try JournalIndex(directory: directory.path, decoder: .specificCharacterSet)
        var first = makeInstance("1.9.1", study: 1)
        first.specificCharacterSet = "ISO_IR 144"
        first.attributes[.patientName] = try SpecificCharacterSet("ISO_IR 144").encode("Иванов^Иван", vr: .PN)
        var second = makeInstance("1.9.2", study: 2, patient: 1)
        second.specificCharacterSet = "ISO_IR 100"
        second.attributes[Tag(0x0008, 0x1030)] = [0x47, 0x72, 0xF6, 0xDF, 0x65]   // "Größe" in Latin-1
        _ = try index.add(first, quota: .unlimited)
        _ = try index.add(second, quota: .unlimited)
        let query = try Query.decodingText(model: model(.studyRoot), identifier: identifier("STUDY", [
            "SpecificCharacterSet=ISO_IR 192", "StudyInstanceUID=1.2.2", "PatientName", "StudyDescription",
        ]))
        let found = Array(FindResponses(query: query, snapshot: try index.snapshot(), retrieveAETitle: "STORE"))
        #expect(found.count == 1)
        let identifier = try #require(found.first?.identifier)
        #expect(identifier.string(.specificCharacterSet) == "ISO_IR 192")
        #expect(identifier[.patientName]?.bytes == Array("Иванов^Иван".utf8) + [0x20])
        #expect(identifier[Tag(0x0008, 0x1030)]?.bytes == Array("Größe".utf8) + [0x20])
    }
}
