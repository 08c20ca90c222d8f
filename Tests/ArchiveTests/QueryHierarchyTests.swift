import Archive
import DICOM
import Testing

let uid = "1.2.826.0.1.3680043.8.498.7777"

/// Statuses of C-FIND identifiers without -XF (spec §6.1, §6.4): nil = a query.
@Test(arguments: [
    (QueryRetrieveInformationModel.Root.patientRoot, nil as String?, ["PatientID"], 0xA900 as UInt16?),  // missing level
    (.studyRoot, "", ["PatientID"], 0xA900),  // empty level
    (.studyRoot, "INSTANCE", ["PatientID"], 0xC000), (.studyRoot, "  ", ["PatientID"], 0xC000),
    (.studyRoot, "PATIENT", ["PatientID"], 0xC000),  // level above the model
    (.patientRoot, "STUDY", ["StudyInstanceUID"], 0xC000),  // measured: no PatientID
    (.studyRoot, "SERIES", ["Modality"], 0xC000),  // measured: no StudyInstanceUID
    (.patientRoot, "IMAGE", ["PatientID=P001", "SOPInstanceUID"], 0xC000),
    (.patientStudyOnly, "STUDY", ["StudyDate"], 0xC000),
    (.patientRoot, "PATIENT", ["PatientName"], nil), (.patientRoot, "STUDY", ["PatientID", "StudyDate"], nil),
    (.patientRoot, "STUDY", ["PatientID=P0*", "StudyDate"], nil), (.studyRoot, "study", ["StudyDate"], nil),
    (.studyRoot, "STUDYX", ["StudyDate"], nil), (.studyRoot, "STUDY", [], nil),
    (.patientStudyOnly, "SERIES", ["PatientID=P001", "StudyInstanceUID", "Modality"], nil),  // measured: works
    (.studyRoot, "IMAGE", ["StudyInstanceUID=\(uid).1", "SeriesInstanceUID", "SOPInstanceUID"], nil),
])
func findHierarchyStatuses(root: QueryRetrieveInformationModel.Root, level: String?, keys: [String], status: UInt16?) {
    #expect(build(model(root), identifier(level, keys)).status == status)
}

@Test func missingLevelLogsAsDcmqrscp() {
    let failure = build(model(.studyRoot), identifier(nil, ["PatientID"])).failure
    #expect(failure?.logLines.map(\.description) == [
        "W: DB_startFindRequest(): missing Query/Retrieve Level",
        "E: findSCP: Database: startFindRequest Failed (Error: DataSetDoesNotMatchSOPClass):",
    ])
    #expect(failure?.errorComment == "Query/Retrieve Level (0008,0052) missing")
}

@Test func unknownLevelLogsAsDcmqrscp() {
    let failure = build(model(.studyRoot), identifier("INSTANCE", ["PatientID"])).failure
    #expect(failure?.logLines.map(\.description) == ["E: findSCP: Database: startFindRequest Failed (Failed: UnableToProcess):"])
    #expect(failure?.errorComment == "Unknown Query/Retrieve Level 'INSTANCE'")
}

@Test(arguments: [(QueryRetrieveInformationModel.Root.patientRoot, "STUDY", 0), (.studyRoot, "SERIES", 1), (.patientRoot, "IMAGE", 0)])
func missingUniqueKeyLogsItsLevel(root: QueryRetrieveInformationModel.Root, level: String, number: Int) {
    let failure = build(model(root), identifier(level, ["Modality"])).failure
    #expect(failure?.status == 0xC000)
    #expect(failure?.logLines.map(\.description) == [
        "W: hierarchicalCompare : No UID Key found at level \(number)",
        "E: findSCP: Database: startFindRequest Failed (Failed: UnableToProcess):",
    ])
}

/// C-MOVE and C-GET: missing higher unique keys or a level above the model match
/// nothing (0x0000, 0 sub-operations); the level rules are C-FIND's (spec §7.1, §8).
@Test(arguments: QueryRetrieveInformationModel.Service.allCases.filter { $0 != .find })
func retrieveWithoutHigherUniqueKeysMatchesNothing(service: QueryRetrieveInformationModel.Service) throws {
    let noPatientID = try #require(build(model(.patientRoot, service), identifier("STUDY", ["StudyInstanceUID=\(uid).1"])).query)
    #expect(noPatientID.matchesNothing)
    #expect(noPatientID.notices.map(\.description) == ["W: hierarchicalCompare : No UID Key found at level 0"])
    #expect(!noPatientID.matches(record(["PatientID": "P001", "StudyInstanceUID": "\(uid).1"])))

    let onlySOP = try #require(build(model(.studyRoot, service), identifier("IMAGE", ["SOPInstanceUID=\(uid).1.1.1"])).query)
    #expect(onlySOP.matchesNothing)
    let patientLevel = try #require(build(model(.studyRoot, service), identifier("PATIENT", ["PatientID=P001"])).query)
    #expect(patientLevel.matchesNothing && patientLevel.notices.isEmpty)

    let byName = try #require(build(model(.patientRoot, service), identifier("STUDY", ["PatientID", "PatientName=Doe^John"])).query)
    #expect(!byName.matchesNothing)
}

@Test func retrieveFailuresLogAsDcmqrscp() {
    let get = build(model(.studyRoot, .get), identifier(nil, ["PatientID=P001"])).failure
    #expect(get?.status == 0xA900)
    #expect(get?.logLines.map(\.description) == [
        "W: DB_startMoveRequest(): missing Query/Retrieve Level",
        "E: getSCP: Database: startMoveRequest Failed (Error: DataSetDoesNotMatchSOPClass): 000c:0001 Index database error",
    ])
    let move = build(model(.studyRoot, .move), identifier("FOO")).failure
    #expect(move?.status == 0xC000)
    #expect(move?.logLines.map(\.description) == ["E: moveSCP: Database: startMoveRequest Failed (Failed: UnableToProcess):"])
}

/// Which keys are in force (spec §6.4): row = model, level, keys, tags of the conditions.
@Test(arguments: [
    // higher-level keys other than the unique key are ignored (measured: PatientName=Nobody)
    (QueryRetrieveInformationModel.Root.patientRoot, "STUDY", ["PatientID=P001", "PatientName=Nobody"], ["PatientID"]),
    // Study Root at STUDY level matches patient keys (measured: PatientName=Doe*)
    (.studyRoot, "STUDY", ["PatientName=Doe*", "PatientID=P00?"], ["PatientName", "PatientID"]),
    (.studyRoot, "SERIES", ["StudyInstanceUID=\(uid).1", "PatientName=Nobody", "Modality=CT"], ["StudyInstanceUID", "Modality"]),
    // lower-level keys are ignored (measured: Modality=MR at STUDY returned all studies)
    (.studyRoot, "STUDY", ["Modality=MR", "SOPInstanceUID=1.2"], []),
    (.patientRoot, "PATIENT", ["PatientName=Doe*", "StudyDate=2020"], ["PatientName"]),
    // empty keys are universal; unsupported keys are dropped
    (.patientRoot, "SERIES", ["PatientID", "StudyInstanceUID", "Modality", "SliceThickness=X", "(0009,0010)=Y"], []),
    // return-only keys never match
    (.studyRoot, "STUDY", ["NumberOfStudyRelatedInstances=3", "RetrieveAETitle=X", "InstanceAvailability=NEARLINE"], []),
    (.studyRoot, "STUDY", ["ModalitiesInStudy=CT\\MR", "StudyInstanceUID=\(uid).1\\\(uid).2"], ["ModalitiesInStudy", "StudyInstanceUID"]),
    (.patientStudyOnly, "SERIES", ["PatientID=P001", "StudyInstanceUID=\(uid).1", "Modality=CT"], ["PatientID", "StudyInstanceUID", "Modality"]),
])
func conditionsInForce(root: QueryRetrieveInformationModel.Root, level: String, keys: [String], expected: [String]) throws {
    let query = try #require(build(model(root), identifier(level, keys)).query)
    #expect(Set(query.conditions.map(\.key.tag)) == Set(expected.map { tag(forKeyword: $0) }))
    #expect(!query.requestedKeys.contains { $0.key.tag == Tag(0x0018, 0x0050) || $0.key.tag == Tag(0x0009, 0x0010) })
}

/// Patient Root STUDY, PatientID=P001, PatientName=Nobody matches Doe^John's studies (measured).
@Test func higherLevelKeysDoNotFilter() throws {
    let query = try #require(build(model(.patientRoot), identifier("STUDY", ["PatientID=P001", "PatientName=Nobody"])).query)
    #expect(query.matches(record(["PatientID": "P001", "PatientName": "Doe^John", "StudyInstanceUID": "\(uid).1"])))
    #expect(!query.matches(record(["PatientID": "P002", "PatientName": "Nobody"])))
}

/// Conditions are grouped by the level holding the attribute.
@Test func conditionsPerLevel() throws {
    let query = try #require(build(model(.patientRoot), identifier("SERIES", [
        "PatientID=P001", "StudyInstanceUID=\(uid).1", "Modality=CT", "SeriesNumber", "PatientName=X",
    ])).query)
    #expect(query.conditions(at: .patient).map(\.key.tag) == [.patientID])
    #expect(query.conditions(at: .study).map(\.key.tag) == [.studyInstanceUID])
    #expect(query.conditions(at: .series).map(\.key.tag) == [.modality])
    #expect(query.conditions(at: .image).isEmpty)
    #expect(query.matches(record(["PatientID": "P001"]), at: .patient))
    #expect(!query.matches(record(["PatientID": "P002"]), at: .patient))
    #expect(query.matches(record(["Modality": "CT"]), at: .series))
    #expect(!query.matches(record(["Modality": "MR"]), at: .series))
    #expect(query.matches(record([:]), at: .image))
}

@Test func personNameOptionReachesTheMatcher() throws {
    let exact = try #require(build(model(.studyRoot), identifier("STUDY", ["PatientName=doe^john"])).query)
    let folded = try #require(build(model(.studyRoot), identifier("STUDY", ["PatientName=doe^john"]),
                                    QueryOptions(personNameMatching: .insensitive)).query)
    let doe = record(["PatientName": "Doe^John"])
    #expect(!exact.matches(doe))
    #expect(folded.matches(doe))
}

/// Identifier values: text through the caller's decoder, binary numbers as decimals.
@Test func identifierValuesAreDecoded() throws {
    var ds = identifier("IMAGE", ["StudyInstanceUID", "SeriesInstanceUID", "Rows=512", "SpecificCharacterSet=ISO_IR 100"])
    ds.set(DataElement(tag: .patientName, vr: .PN, bytes: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x2A, 0x20]))  // "Müller* " in Latin-1
    let latin1: ([UInt8]) -> String = { String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))) }
    let query = try Query(model: model(.studyRoot), identifier: ds, decodeText: latin1)
    #expect(query.requestedKey(.patientName)?.value == "Müller* ")
    #expect(query.requestedKey(Tag(0x0028, 0x0010))?.value == "512")
    #expect(query.requestCharacterSet == "ISO_IR 100")
    #expect(query.matches(record(["Rows": "512", "StudyInstanceUID": "1"])))
    #expect(!query.matches(record(["Rows": "256", "StudyInstanceUID": "1"])))
}
