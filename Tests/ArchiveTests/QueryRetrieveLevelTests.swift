import Archive
import Testing

/// dcmqrscp reads (0008,0052) case-insensitively and by prefix (spec §6.1).
@Test(arguments: [
    ("PATIENT", QueryRetrieveLevel.patient), ("STUDY", .study), ("SERIES", .series), ("IMAGE", .image),
    ("study", .study), ("Study", .study), ("STUDYX", .study), ("STUDY ", .study), ("series\0", .series),
    ("IMAGES", .image), ("patient", .patient),
])
func levelValuesDcmqrscpAccepts(value: String, level: QueryRetrieveLevel) {
    #expect(QueryRetrieveLevel(dcmqrscpValue: value) == level)
}

@Test(arguments: ["INSTANCE", " STUDY", "STUD", "PAT", "FRAME", "SÉRIES", "", "   "])
func levelValuesDcmqrscpRejects(value: String) {
    #expect(QueryRetrieveLevel(dcmqrscpValue: value) == nil)
}

@Test func canonicalLevelValues() {
    #expect(QueryRetrieveLevel.allCases.map(\.canonicalValue) == ["PATIENT", "STUDY", "SERIES", "IMAGE"])
    #expect(QueryRetrieveLevel.allCases.map(\.rawValue) == [0, 1, 2, 3])  // dcmqrscp's "level <n>"
}

/// PS3.4 Annex B/C SOP classes, PS3.6 Annex A.
@Test(arguments: [
    ("1.2.840.10008.5.1.4.1.2.1.1", QueryRetrieveInformationModel.Root.patientRoot, QueryRetrieveInformationModel.Service.find),
    ("1.2.840.10008.5.1.4.1.2.1.2", .patientRoot, .move),
    ("1.2.840.10008.5.1.4.1.2.1.3", .patientRoot, .get),
    ("1.2.840.10008.5.1.4.1.2.2.1", .studyRoot, .find),
    ("1.2.840.10008.5.1.4.1.2.2.2", .studyRoot, .move),
    ("1.2.840.10008.5.1.4.1.2.2.3", .studyRoot, .get),
    ("1.2.840.10008.5.1.4.1.2.3.1", .patientStudyOnly, .find),
    ("1.2.840.10008.5.1.4.1.2.3.2", .patientStudyOnly, .move),
    ("1.2.840.10008.5.1.4.1.2.3.3", .patientStudyOnly, .get),
])
func informationModelSOPClasses(uid: String, root: QueryRetrieveInformationModel.Root,
                                service: QueryRetrieveInformationModel.Service) {
    let model = QueryRetrieveInformationModel(root: root, service: service)
    #expect(model.sopClassUID == uid)
    #expect(QueryRetrieveInformationModel(sopClassUID: uid) == model)
}

@Test(arguments: ["1.2.840.10008.5.1.4.1.2.4.1", "1.2.840.10008.5.1.4.31", "1.2.840.10008.1.1", ""])
func otherUIDsAreNoInformationModel(uid: String) {
    #expect(QueryRetrieveInformationModel(sopClassUID: uid) == nil)
}

@Test func levelsOfEachModel() {
    #expect(QueryRetrieveInformationModel.Root.patientRoot.levels == [.patient, .study, .series, .image])
    #expect(QueryRetrieveInformationModel.Root.studyRoot.levels == [.study, .series, .image])
    #expect(QueryRetrieveInformationModel.Root.patientStudyOnly.levels == [.patient, .study])
    #expect(QueryRetrieveInformationModel.all.count == 9)
}
