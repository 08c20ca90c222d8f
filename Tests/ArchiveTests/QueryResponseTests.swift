import Archive
import DICOM
import Testing

func response(_ query: Query, _ node: FixtureNode, charset: String? = nil) -> DataSet {
    query.responseIdentifier(for: node.view, retrieveAETitle: "STORE", specificCharacterSet: charset)
}

/// STUDY query with only PatientName: the identifier holds exactly the key, the
/// level and the Retrieve AE Title — no StudyInstanceUID (measured, spec §6.5).
@Test func identifierHoldsRequestedKeysLevelAndRetrieveAETitle() throws {
    let query = try findQuery(.studyRoot, "study", ["PatientName"])
    let studies = walk(query, fixtureF1())
    #expect(studies.count == 6)
    let first = response(query, studies[0])
    #expect(first.tags == [.queryRetrieveLevel, .retrieveAETitle, .patientName])
    #expect(first.string(.queryRetrieveLevel) == "STUDY")
    #expect(first.string(.retrieveAETitle) == "STORE")
    #expect(first.string(.patientName) == "Doe^John")
}

/// Unknown values are zero-length; unsupported keys are not returned; Retrieve AE Title
/// is the called AE title even when the request carried another value.
@Test func unknownUnsupportedAndRetrieveAETitle() throws {
    let query = try findQuery(.studyRoot, "STUDY", [
        "StudyInstanceUID=\(uid).3", "AdmittingDiagnosesDescription", "SliceThickness", "(0009,0010)=X", "RetrieveAETitle=OTHER",
    ])
    let studies = walk(query, fixtureF1())
    #expect(studies.count == 1)
    let identifier = response(query, studies[0])
    #expect(identifier[Tag(0x0008, 0x1080)]?.bytes == [])
    #expect(identifier[Tag(0x0018, 0x0050)] == nil)
    #expect(identifier[Tag(0x0009, 0x0010)] == nil)
    #expect(identifier.string(.retrieveAETitle) == "STORE")
    #expect(identifier.string(.studyInstanceUID) == "\(uid).3")
}

/// Patient Root STUDY, PatientID=P001, PatientName=Nobody: both P001 studies,
/// with PatientName=Doe^John (measured).
@Test func higherLevelKeysAreReturnedFromTheirRecord() throws {
    let query = try findQuery(.patientRoot, "STUDY", ["PatientID=P001", "PatientName=Nobody", "StudyInstanceUID"])
    let studies = walk(query, fixtureF1())
    #expect(studies.map { $0.value("StudyInstanceUID") } == ["\(uid).1", "\(uid).2"])
    #expect(studies.map { response(query, $0).string(.patientName) } == ["Doe^John", "Doe^John"])
}

/// Study Root STUDY: Modality=MR is not matched; each study returns its first
/// instance's modality; SOPInstanceUID returns one instance UID per study (measured).
@Test func lowerLevelKeysReturnTheFirstInstancesValue() throws {
    let query = try findQuery(.studyRoot, "STUDY", ["Modality=MR", "SOPInstanceUID", "StudyInstanceUID"])
    let identifiers = walk(query, fixtureF1()).map { response(query, $0) }
    #expect(identifiers.count == 6)
    #expect(identifiers.map { $0.string(.modality) } == ["CT", "MR", "CT", "CT", "CT", "CT"])
    #expect(identifiers.map { $0.string(.sopInstanceUID) } == ["1.1.1", "2.1.1", "3.1.1", "4.1.1", "5.1.1", "6.1.1"].map { "\(uid).\($0)" })
}

/// Quarry's computed keys: their own level's value; zero-length when requested above it.
@Test func computedKeys() throws {
    let query = try findQuery(.studyRoot, "STUDY", [
        "ModalitiesInStudy=MR", "NumberOfStudyRelatedInstances", "NumberOfStudyRelatedSeries",
        "NumberOfSeriesRelatedInstances", "NumberOfPatientRelatedStudies", "StudyInstanceUID",
    ])
    let studies = walk(query, fixtureF1())
    #expect(studies.count == 1)
    let identifier = response(query, studies[0])
    #expect(identifier.string(Tag(0x0008, 0x0061)) == "MR")
    #expect(identifier.string(Tag(0x0020, 0x1208)) == "1")
    #expect(identifier.string(Tag(0x0020, 0x1206)) == "1")
    #expect(identifier[Tag(0x0020, 0x1209)]?.bytes == [])  // a series count at STUDY level
    #expect(identifier.string(Tag(0x0020, 0x1200)) == "2")  // the patient's, a higher level

    let ctStudy = try findQuery(.studyRoot, "STUDY", ["ModalitiesInStudy=CT\\US", "NumberOfStudyRelatedInstances"])
    #expect(walk(ctStudy, fixtureF1()).map { response(ctStudy, $0).string(Tag(0x0020, 0x1208)) } == ["4", "1", "1", "1", "1"])
}

/// (0008,0005) only when the caller passes one; the request's key does not add it.
@Test(arguments: [("ISO_IR 192", true), (nil, false), ("", false)] as [(String?, Bool)])
func specificCharacterSetHook(charset: String?, present: Bool) throws {
    let query = try findQuery(.patientRoot, "PATIENT", ["PatientName", "SpecificCharacterSet=ISO_IR 100"])
    let identifier = response(query, walk(query, fixtureF1())[0], charset: charset)
    #expect((identifier[.specificCharacterSet] != nil) == present)
    if present { #expect(identifier.string(.specificCharacterSet) == charset) }
}

/// Values are encoded for their VR: padding to even length, US as binary,
/// Instance Availability ONLINE unless the record says otherwise.
@Test func valuesAreEncodedForTheirVR() throws {
    let query = try findQuery(.studyRoot, "IMAGE", [
        "StudyInstanceUID=\(uid).3", "SeriesInstanceUID", "SOPInstanceUID", "Rows", "InstanceAvailability",
        "PatientName", "SOPClassUID",
    ])
    let images = walk(query, fixtureF1())
    #expect(images.count == 1)
    let identifier = response(query, images[0])
    #expect(identifier[Tag(0x0028, 0x0010)]?.vr == .US)
    #expect(identifier[Tag(0x0028, 0x0010)]?.bytes == [0x00, 0x02])  // 512
    #expect(identifier.string(.instanceAvailability) == "ONLINE")
    #expect(identifier[.patientName]?.bytes == Array("Smith^Jane".utf8))
    #expect(identifier[.sopClassUID]?.bytes == Array("1.2.840.10008.5.1.4.1.1.2".utf8) + [0])  // UI: NUL padding
    #expect(identifier[.queryRetrieveLevel]?.bytes == Array("IMAGE ".utf8))
    #expect(identifier[.retrieveAETitle]?.bytes == Array("STORE ".utf8))
}

@Test func textEncoderHook() throws {
    let query = try findQuery(.patientRoot, "PATIENT", ["PatientID=P004", "PatientName"])
    let latin1: (String) -> [UInt8] = { $0.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } }
    let identifier = query.responseIdentifier(for: walk(query, fixtureF1())[0].view, retrieveAETitle: "STORE",
                                              specificCharacterSet: "ISO_IR 100", encodeText: latin1)
    #expect(identifier[.patientName]?.bytes == [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x5E, 0x4A, 0xFC, 0x72, 0x67, 0x65, 0x6E, 0x20])
}
