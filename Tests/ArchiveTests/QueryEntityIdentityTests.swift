import Archive
import DICOM
import Testing

/// Queries over the fixture: row = model, level, keys, expected number of responses.
/// The tree walk (an index) and dcmqrscp's flat scan of instances with one response
/// per identity must agree.
@Test(arguments: [
    (QueryRetrieveInformationModel.Root.patientRoot, "PATIENT", ["PatientName"], 5),
    (.patientRoot, "PATIENT", ["PatientName=doe*"], 1),  // measured: only doe^jane
    (.patientRoot, "PATIENT", ["PatientName=M?ller*"], 2),  // `?` = one character (dcmqrscp: 0 in UTF-8)
    (.patientRoot, "PATIENT", ["PatientID=P001\\P002"], 0),  // measured
    (.patientRoot, "STUDY", ["PatientID=P001", "StudyDate"], 2),
    (.patientRoot, "SERIES", ["PatientID=P001", "StudyInstanceUID=\(uid).1", "Modality"], 2),
    (.patientRoot, "IMAGE", ["PatientID", "StudyInstanceUID", "SeriesInstanceUID", "InstanceNumber=01"], 0),  // measured
    (.patientRoot, "IMAGE", ["PatientID", "StudyInstanceUID", "SeriesInstanceUID", "InstanceNumber=1"], 7),
    (.studyRoot, "STUDY", ["PatientName=Doe*"], 2),  // measured: Study Root matches patient keys
    (.studyRoot, "STUDY", ["AccessionNumber=  ACC03  "], 1),  // measured
    (.studyRoot, "STUDY", ["StudyDate=20200101-20211231"], 2), (.studyRoot, "STUDY", ["StudyTime=2359"], 0),
    (.studyRoot, "STUDY", ["StudyInstanceUID=\(uid).1\\\(uid).3"], 2), (.studyRoot, "STUDY", ["StudyInstanceUID=\(uid).*"], 0),
    (.studyRoot, "STUDY", ["Modality=MR"], 6),  // measured: lower-level key ignored
    (.studyRoot, "SERIES", ["StudyInstanceUID", "Modality=CT"], 6),
    (.studyRoot, "IMAGE", ["StudyInstanceUID", "SeriesInstanceUID=\(uid).1.2", "SOPInstanceUID"], 2),
    (.patientStudyOnly, "STUDY", ["PatientID=P00*", "StudyDescription=*ea*"], 2),
    (.patientStudyOnly, "SERIES", ["PatientID=P001", "StudyInstanceUID", "Modality"], 3),
])
func responsesPerEntity(root: QueryRetrieveInformationModel.Root, level: String, keys: [String], count: Int) throws {
    let query = try findQuery(root, level, keys)
    let patients = fixtureF1()
    let walked = walk(query, patients)
    #expect(walked.count == count)
    let scanned = Array(query.distinctMatches(in: patients.flatMap(\.instances).map(\.view)))
    #expect(scanned.map { query.identity(of: $0) } == walked.map { query.identity(of: $0.view) })
}

@Test func identityIsTheUniqueKeysDownToTheLevel() throws {
    let image = try #require(fixtureF1().first?.instances.first)
    #expect(QueryEntityIdentity(level: .patient, of: image.view).uniqueValues == ["P001"])
    #expect(QueryEntityIdentity(level: .study, of: image.view).uniqueValues == ["P001", "\(uid).1"])
    #expect(QueryEntityIdentity(level: .image, of: image.view).uniqueValues == ["P001", "\(uid).1", "\(uid).1.1", "\(uid).1.1.1"])
}

/// Two patients sharing a PatientID give one PATIENT response, with the name of the
/// first (measured, spec §6.5).
@Test func patientsSharingAnIDGiveOneResponse() throws {
    var patients = fixtureF1()
    let other = FixtureNode(.patient, ["PatientName": "Other^Name", "PatientID": "P001"])
    other.add(FixtureNode(.study, ["StudyInstanceUID": "\(uid).99"])).add(FixtureNode(.series, ["SeriesInstanceUID": "\(uid).99.1"]))
        .add(FixtureNode(.image, ["SOPInstanceUID": "\(uid).99.1.1"]))
    patients.insert(other, at: 1)
    let query = try findQuery(.patientRoot, "PATIENT", ["PatientID=P001", "PatientName"])
    let scanned = Array(query.distinctMatches(in: patients.flatMap(\.instances).map(\.view)))
    #expect(scanned.count == 1)
    #expect(scanned.map { query.responseIdentifier(for: $0, retrieveAETitle: "A", specificCharacterSet: nil).string(.patientName) } == ["Doe^John"])
}

/// C-MOVE collects instances: everything under the matched entities.
@Test func retrieveCollectsInstances() throws {
    let move = try Query(model: model(.studyRoot, .move), identifier: identifier("STUDY", ["PatientName=Doe^John"]))
    let studies = walk(move, fixtureF1())
    #expect(studies.flatMap(\.instances).count == 5)  // measured: all 5 of that patient's instances
    let byDate = try Query(model: model(.studyRoot, .move), identifier: identifier("STUDY", ["StudyDate=20200101"]))
    #expect(walk(byDate, fixtureF1()).flatMap(\.instances).count == 4)  // measured
    let noPatientID = try Query(model: model(.patientRoot, .move), identifier: identifier("STUDY", ["StudyInstanceUID=\(uid).1"]))
    #expect(walk(noPatientID, fixtureF1()).isEmpty)  // measured: 0 sub-operations
}

@Test func insensitivePersonNamesOverTheFixture() throws {
    let options = QueryOptions(personNameMatching: .insensitive)
    #expect(walk(try findQuery(.patientRoot, "PATIENT", ["PatientName=doe*"], options), fixtureF1()).count == 2)
    #expect(walk(try findQuery(.patientRoot, "PATIENT", ["PatientName=MULLER*"], options), fixtureF1()).count == 2)
    #expect(walk(try findQuery(.patientRoot, "PATIENT", ["PatientName=muller^jorg"], options), fixtureF1()).count == 1)
}
