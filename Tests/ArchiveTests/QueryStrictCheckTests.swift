import Archive
import DICOM
import Testing

let strict = QueryOptions(checkIdentifier: true)

/// --check-find (-XF), spec §6.7: row = model, level, keys, status (nil = a query).
@Test(arguments: [
    (QueryRetrieveInformationModel.Root.patientRoot, "STUDY", ["PatientID=P001", "StudyDate"], nil as UInt16?),
    (.patientRoot, "STUDY", ["PatientName=Doe^John", "StudyDate"], 0xA900),  // measured: PatientName above
    (.patientRoot, "STUDY", ["PatientID", "StudyDate"], 0xA900),  // measured: empty PatientID
    (.patientRoot, "STUDY", ["PatientID=P001", "PatientName", "StudyDate"], 0xA900),
    (.patientRoot, "STUDY", ["StudyDate"], 0xA900),  // measured: "No Unique Key found (level 0)"
    (.patientRoot, "STUDY", ["PatientID=P001", "StudyDate", "Modality"], 0xA900),  // measured: Modality at STUDY
    (.patientRoot, "STUDY", ["PatientID=P001"], 0xA900),  // no key at the query level
    (.patientRoot, "PATIENT", ["PatientName=Doe*", "NumberOfPatientRelatedStudies"], nil),
    (.patientRoot, "PATIENT", ["PatientName", "NumberOfStudyRelatedInstances"], 0xA900),
    (.studyRoot, "SERIES", ["StudyInstanceUID=\(uid).1", "Modality"], nil),
    (.studyRoot, "SERIES", ["StudyInstanceUID=\(uid).1", "StudyDate", "Modality"], 0xA900),  // measured
    (.studyRoot, "SERIES", ["StudyInstanceUID=\(uid).1", "PatientName", "Modality"], 0xA900),  // measured
    (.studyRoot, "STUDY", ["PatientName=Doe*", "StudyDate"], nil),
    (.studyRoot, "STUDY", ["PatientName=Doe*"], 0xA900),  // patient keys do not count as STUDY keys
    (.studyRoot, "PATIENT", ["PatientID=P001"], 0xA900),  // level outside the model
    (.patientStudyOnly, "SERIES", ["PatientID=P001", "StudyInstanceUID=\(uid).1", "Modality"], 0xA900),
    (.studyRoot, "STUDY", ["StudyDate", "SliceThickness=X", "(0009,0010)=Y"], nil),  // measured: unsupported ignored
    (.studyRoot, "STUDY", ["StudyDate", "RetrieveAETitle", "SpecificCharacterSet=ISO_IR 100", "InstanceAvailability"], nil),
    (.patientRoot, "IMAGE", ["PatientID=P001", "StudyInstanceUID=\(uid).1", "SeriesInstanceUID=\(uid).1.1", "InstanceNumber"], nil),
    (.patientRoot, "IMAGE", ["PatientID=P001", "StudyInstanceUID=\(uid).1", "SeriesInstanceUID=\(uid).1.1"], 0xA900),
])
func checkFind(root: QueryRetrieveInformationModel.Root, level: String, keys: [String], status: UInt16?) {
    #expect(build(model(root), identifier(level, keys), strict).status == status)
}

/// The same identifiers without -XF are queries (or the hierarchy's 0xC000).
@Test func withoutCheckFindTheSameIdentifiersPass() {
    #expect(build(model(.patientRoot), identifier("STUDY", ["PatientName=Doe^John", "PatientID", "StudyDate"])).status == nil)
    #expect(build(model(.studyRoot), identifier("SERIES", ["StudyInstanceUID", "PatientName", "StudyDate"])).status == nil)
    #expect(build(model(.patientStudyOnly), identifier("SERIES", ["PatientID", "StudyInstanceUID"])).status == nil)
}

@Test func checkFindLogsTheReason() {
    let nonUnique = build(model(.patientRoot), identifier("STUDY", ["PatientName=X", "StudyDate"]), strict).failure
    #expect(nonUnique?.logLines.map(\.description) == [
        "D: Non Unique Key found (level 0)",
        "E: findSCP: Database: startFindRequest Failed (Error: DataSetDoesNotMatchSOPClass):",
    ])
    #expect(nonUnique?.errorComment == "PatientName not allowed above the query level")
    let level = build(model(.studyRoot), identifier("PATIENT", ["PatientID"]), strict).failure
    #expect(level?.logLines.first?.description == "I: Level incompatible with Information Model (level 0)")
    let below = build(model(.studyRoot), identifier("STUDY", ["StudyDate", "Modality"]), strict).failure
    #expect(below?.logLines.first?.description == "D: Key found beyond query level (level 2)")
    // measured with dcmqrscp -XF
    let noPatientID = build(model(.patientRoot), identifier("STUDY", ["StudyDate"]), strict).failure
    #expect(noPatientID?.logLines.first?.description == "D: No Unique Key found (level 0)")
    let onlyPatientKeys = build(model(.studyRoot), identifier("STUDY", ["PatientName=Doe*"]), strict).failure
    #expect(onlyPatientKeys?.logLines.first?.description == "D: No Key found at query level (level 1)")
}

/// --check-move (-XM) for C-MOVE and C-GET, spec §7.6.
@Test(arguments: [
    (QueryRetrieveInformationModel.Root.studyRoot, "STUDY", ["StudyInstanceUID=\(uid).1"], nil as UInt16?),
    (.studyRoot, "STUDY", ["PatientID=P001", "StudyInstanceUID=\(uid).1"], 0xA900),  // measured
    (.studyRoot, "SERIES", ["StudyInstanceUID=\(uid).1"], 0xA900),  // measured: no SeriesInstanceUID
    (.patientRoot, "STUDY", ["StudyInstanceUID=\(uid).1"], 0xA900),  // measured: no PatientID
    (.patientRoot, "STUDY", ["PatientID=P001", "StudyInstanceUID=\(uid).1\\\(uid).2"], nil),  // measured: UID lists
    (.patientRoot, "STUDY", ["PatientID=P001", "StudyInstanceUID=\(uid).1", "StudyDate=20200101"], 0xA900),
    (.patientRoot, "STUDY", ["PatientID=P001", "StudyInstanceUID=\(uid).1", "SeriesInstanceUID=\(uid).1.1"], 0xA900),
    (.patientRoot, "STUDY", ["PatientID", "StudyInstanceUID=\(uid).1"], 0xA900),
    (.patientRoot, "PATIENT", ["PatientID=P001"], nil),
    (.studyRoot, "IMAGE", ["StudyInstanceUID=\(uid).1", "SeriesInstanceUID=\(uid).1.1", "SOPInstanceUID=\(uid).1.1.1"], nil),
    (.studyRoot, "IMAGE", ["StudyInstanceUID=\(uid).1", "SeriesInstanceUID=\(uid).1.1", "SOPInstanceUID"], 0xA900),
    (.studyRoot, "PATIENT", ["PatientID=P001"], 0xA900),
    (.patientStudyOnly, "SERIES", ["PatientID=P001", "StudyInstanceUID=\(uid).1", "SeriesInstanceUID=\(uid).1.1"], 0xA900),
    (.studyRoot, "STUDY", ["StudyInstanceUID=\(uid).1", "SpecificCharacterSet=ISO_IR 100"], nil),
])
func checkMove(root: QueryRetrieveInformationModel.Root, level: String, keys: [String], status: UInt16?) {
    #expect(build(model(root, .move), identifier(level, keys), strict).status == status)
    #expect(build(model(root, .get), identifier(level, keys), strict).status == status)
}

/// Without -XM a relational C-MOVE works (measured: PatientName=Doe^John moved that patient's instances).
@Test func checkMoveLogsTheReason() {
    // measured with dcmqrscp -XM (getscu, Patient Root STUDY, PatientID empty)
    let empty = build(model(.patientRoot, .get), identifier("STUDY", ["PatientID", "StudyInstanceUID=1.2"]), strict).failure
    #expect(empty?.logLines.map(\.description) == [
        "D: Unique Key value is empty (level 0)",
        "E: getSCP: Database: startMoveRequest Failed (Error: DataSetDoesNotMatchSOPClass): 000c:0001 Index database error",
    ])
}

@Test func withoutCheckMoveNonUniqueKeysMatch() throws {
    let query = try #require(build(model(.patientRoot, .move), identifier("STUDY", ["PatientID", "StudyDate=20200101"])).query)
    #expect(query.matches(record(["PatientID": "P001", "StudyDate": "20200101"])))
    #expect(!query.matches(record(["PatientID": "P001", "StudyDate": "20210615"])))
    #expect(build(model(.patientRoot, .move), identifier("STUDY", ["PatientID", "StudyDate=20200101"]), strict).status == 0xA900)
}
