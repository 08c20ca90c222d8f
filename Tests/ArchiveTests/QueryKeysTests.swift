import Archive
import DICOM
import Testing

/// dcmqrscp's exact list (spec §6.2, dcmqrdbi.cc `TbFindAttr`): keyword, level, type.
let dcmqrscpKeyRows: [(String, QueryRetrieveLevel, QueryKeyType)] = [
    ("PatientName", .patient, .required), ("PatientID", .patient, .unique),
    ("IssuerOfPatientID", .patient, .optional), ("PatientBirthDate", .patient, .optional),
    ("PatientBirthTime", .patient, .optional), ("PatientSex", .patient, .optional),
    ("OtherPatientIDs", .patient, .optional), ("OtherPatientNames", .patient, .optional),
    ("EthnicGroup", .patient, .optional), ("PatientComments", .patient, .optional),
    ("StudyDate", .study, .required), ("StudyTime", .study, .required), ("AccessionNumber", .study, .required),
    ("StudyID", .study, .required), ("StudyInstanceUID", .study, .unique),
    ("ReferringPhysicianName", .study, .optional), ("StudyDescription", .study, .optional),
    ("NameOfPhysiciansReadingStudy", .study, .optional), ("AdmittingDiagnosesDescription", .study, .optional),
    ("PatientAge", .study, .optional), ("PatientSize", .study, .optional), ("PatientWeight", .study, .optional),
    ("Occupation", .study, .optional), ("AdditionalPatientHistory", .study, .optional),
    ("OtherStudyNumbers", .study, .optional),
    ("Modality", .series, .optional), ("SeriesNumber", .series, .required), ("SeriesInstanceUID", .series, .unique),
    ("InstanceNumber", .image, .required), ("SOPInstanceUID", .image, .unique),
]

/// Issue 6's additions: keyword and level (nil = any level).
let quarryExtraKeyRows: [(String, QueryRetrieveLevel?)] = [
    ("NumberOfPatientRelatedStudies", .patient), ("NumberOfPatientRelatedSeries", .patient),
    ("NumberOfPatientRelatedInstances", .patient),
    ("ModalitiesInStudy", .study), ("SOPClassesInStudy", .study),
    ("NumberOfStudyRelatedSeries", .study), ("NumberOfStudyRelatedInstances", .study),
    ("NumberOfSeriesRelatedInstances", .series), ("SeriesDescription", .series), ("SeriesDate", .series),
    ("SeriesTime", .series), ("ProtocolName", .series), ("BodyPartExamined", .series),
    ("SOPClassUID", .image), ("Rows", .image), ("Columns", .image), ("NumberOfFrames", .image),
    ("ContentDate", .image), ("ContentTime", .image),
    ("RetrieveAETitle", nil), ("InstanceAvailability", nil), ("SpecificCharacterSet", nil),
]

@Test func dcmqrscpTableIsExactlyTheSpecList() {
    let table = QueryKeyTable.dcmqrscp
    #expect(table.keys.count == dcmqrscpKeyRows.count)
    for (keyword, level, type) in dcmqrscpKeyRows {
        let key = table.key(for: tag(forKeyword: keyword))
        #expect(key?.level == level, "\(keyword)")
        #expect(key?.type == type, "\(keyword)")
        #expect(key?.isDCMTKKey == true, "\(keyword)")
    }
}

@Test func quarryTableAddsTheKeysOfIssue6() {
    let table = QueryKeyTable.quarry
    #expect(table.keys.count >= dcmqrscpKeyRows.count + quarryExtraKeyRows.count)
    for (keyword, _, type) in dcmqrscpKeyRows { #expect(table.key(for: tag(forKeyword: keyword))?.type == type, "\(keyword)") }
    for (keyword, level) in quarryExtraKeyRows {
        let key = table.key(for: tag(forKeyword: keyword))
        #expect(key != nil, "\(keyword)")
        #expect(key?.level == level, "\(keyword)")
        #expect(key?.type == .optional, "\(keyword)")
        #expect(key?.isDCMTKKey == false, "\(keyword)")
    }
}

/// Matching follows the dictionary VR (spec §6.3) except for the keys never matched
/// and the multi-valued computed ones.
@Test func matchingKindFollowsTheDictionaryVR() {
    let overrides: [String: QueryMatchKind] = [
        "ModalitiesInStudy": .anyValueWildcard, "SOPClassesInStudy": .anyValueUIDList,
    ]
    for key in QueryKeyTable.quarry.keys {
        let expected = overrides[key.keyword] ?? QueryMatchKind(vr: key.vr)
        if key.matching == .returnOnly {
            #expect(key.isComputed || key.level == nil, "\(key.keyword) is return-only without reason")
        } else {
            #expect(key.matching == expected, "\(key.keyword)")
        }
        #expect(DataDictionary.entry(for: key.tag) != nil, "\(key.tag) not in the dictionary")
    }
}

@Test(arguments: [
    (QueryRetrieveLevel.patient, "PatientID"), (.study, "StudyInstanceUID"),
    (.series, "SeriesInstanceUID"), (.image, "SOPInstanceUID"),
])
func uniqueKeyOfEachLevel(level: QueryRetrieveLevel, keyword: String) {
    #expect(QueryKeyTable.dcmqrscp.uniqueKey(at: level)?.tag == tag(forKeyword: keyword))
    #expect(QueryKeyTable.quarry.uniqueKey(at: level)?.tag == tag(forKeyword: keyword))
    #expect(QueryKeyTable.quarry.keys(at: level).filter { $0.type == .unique }.count == 1)
}

/// One list says which keys exist at which level: the index's (`IndexedAttributes`).
/// Every key of Quarry's table is held or computed by the index at its level, and
/// every attribute the index holds is a key there.
@Test(arguments: QueryRetrieveLevel.allCases)
func quarryKeysAreWhatTheIndexHolds(level: QueryRetrieveLevel) {
    let keys = Set(QueryKeyTable.quarry.keys(at: level).map(\.tag))
    let held = Set(IndexedAttributes.stored(at: level) + IndexedAttributes.computed(at: level))
    #expect(keys == held)
    for tag in keys { #expect(IndexedAttributes.level(of: tag) == level, "\(tag)") }
    #expect(IndexedAttributes.dcmqrscpKeys(at: level) == QueryKeyTable.dcmqrscp.keys(at: level).map(\.tag))
    for key in QueryKeyTable.quarry.keys(at: level) {
        #expect(key.isComputed == IndexedAttributes.computed(at: level).contains(key.tag), "\(key.keyword)")
    }
}

/// Measured as dropped by dcmqrscp (spec §6.2); what the index does not hold
/// (Slice Thickness, a private tag, Patient's Mother's Birth Name) stays unsupported
/// in Quarry too — InstitutionName, held at SERIES, is a key.
@Test(arguments: [Tag(0x0018, 0x0050), Tag(0x0009, 0x0010), Tag(0x0008, 0x0052), Tag(0x0010, 0x1060)])
func unsupportedKeys(tag: Tag) {
    #expect(!QueryKeyTable.quarry.contains(tag))
    #expect(!QueryKeyTable.dcmqrscp.contains(tag))
}
