import QuarryTestSupport

/// UIDs of the stored data: F1 (`probes/make_fixture_data.py`) and the
/// differential set (`Scripts/make_differential_data.py`).
enum DifferentialUID {
    static func f1(_ suffix: String) -> String { "1.2.826.0.1.3680043.8.498.7777.\(suffix)" }
    static func set(_ suffix: String) -> String { "1.2.826.0.1.3680043.8.498.8888.\(suffix)" }
}

/// The differential C-FIND table (issue 6 "Tests"): every model and level,
/// wildcards, DA/TM ranges (open ones too), UID lists, empty results, PN case,
/// keys dcmqrscp drops, hierarchy errors, missing/unknown/lower-case levels,
/// character sets. `referenceStatus`/`referenceMatches` are what dcmqrscp
/// 3.6.7 answers (spec §6; counted on the stored data: 54 instances, 10
/// patients, 17 studies, 27 series). A query that requests no unique key
/// gets its values compared as they come, so it must request only keys on
/// which every instance of an entity agrees.
enum DifferentialQueryTable {
    typealias Q = DifferentialQuery
    private static func f1(_ s: String) -> String { DifferentialUID.f1(s) }
    private static func set(_ s: String) -> String { DifferentialUID.set(s) }

    static let patientKeys: [String: String?] = [
        "PatientID": "", "PatientName": "", "IssuerOfPatientID": "", "PatientBirthDate": "", "PatientBirthTime": "",
        "PatientSex": "", "OtherPatientIDs": "", "OtherPatientNames": "", "EthnicGroup": "",
    ]
    static let studyKeys: [String: String?] = [
        "StudyInstanceUID": "", "StudyDate": "", "StudyTime": "", "AccessionNumber": "", "StudyID": "",
        "ReferringPhysicianName": "", "StudyDescription": "", "NameOfPhysiciansReadingStudy": "",
        "AdmittingDiagnosesDescription": "", "PatientAge": "", "PatientSize": "", "PatientWeight": "",
        "Occupation": "", "OtherStudyNumbers": "",
    ]
    static let seriesKeys: [String: String?] = ["SeriesInstanceUID": "", "Modality": "", "SeriesNumber": ""]
    static let imageKeys: [String: String?] = ["SOPInstanceUID": "", "InstanceNumber": ""]

    private static func keys(_ level: String?, _ sets: [[String: String?]], _ extra: [String: String?] = [:])
        -> [String: String?] {
        var keys: [String: String?] = ["QueryRetrieveLevel": level]
        for set in sets { keys.merge(set) { $1 } }
        keys.merge(extra) { $1 }
        return keys
    }

    private static func find(_ name: String, _ model: QRInformationModel, _ level: String?,
                             _ sets: [[String: String?]], _ extra: [String: String?] = [:], charset: String? = nil,
                             status: UInt16 = 0x0000, matches: Int? = nil,
                             expectation: Q.Expectation = .same) -> Q {
        Q(name: name, operation: .find(model, keys(level, sets, extra), charset: charset),
          referenceStatus: status, referenceMatches: matches, expectation: expectation)
    }

    static let queries: [DifferentialQuery] = patientRoot + studyRoot + patientStudyOnly + levelAndHierarchy

    // MARK: Patient Root

    static let patientRoot: [Q] = [
        find("P PATIENT: every patient, every patient key", .patientRoot, "PATIENT", [patientKeys], matches: 10),
        find("P PATIENT: PatientID wildcard ?", .patientRoot, "PATIENT", [patientKeys], ["PatientID": "Q10?"],
             matches: 5),
        find("P PATIENT: PatientName *^J* (non-ASCII names compared decoded)", .patientRoot, "PATIENT",
             [patientKeys], ["PatientName": "*^J*"], matches: 6),
        find("P PATIENT: PN is case-sensitive (DOE^JOHN)", .patientRoot, "PATIENT", [patientKeys],
             ["PatientName": "DOE^JOHN"], matches: 0),
        find("P PATIENT: doe* matches the lower-case name only", .patientRoot, "PATIENT", [patientKeys],
             ["PatientName": "doe*"], matches: 1),
        find("P PATIENT: no PN component logic (Doe)", .patientRoot, "PATIENT", [patientKeys],
             ["PatientName": "Doe"], matches: 0),
        find("P PATIENT: PatientBirthDate range", .patientRoot, "PATIENT", [patientKeys],
             ["PatientBirthDate": "19600101-19751231"], matches: 6),
        find("P PATIENT: PatientSex F", .patientRoot, "PATIENT", [patientKeys], ["PatientSex": "F"], matches: 4),
        find("P PATIENT: PatientComments as return key (an intended difference, see FindResponseComparison)",
             .patientRoot, "PATIENT", [patientKeys], ["PatientID": "Q10*", "PatientComments": ""], matches: 5),
        find("P STUDY: one patient's studies, every study key", .patientRoot, "STUDY", [studyKeys],
             ["PatientID": "Q101"], matches: 3),
        find("P STUDY: universal PatientID, StudyDate closed range", .patientRoot, "STUDY", [studyKeys],
             ["PatientID": "", "StudyDate": "20150101-20201231"], matches: 6),
        find("P STUDY: StudyDate open range -20100615", .patientRoot, "STUDY", [studyKeys],
             ["PatientID": "*", "StudyDate": "-20100615"], matches: 3),
        find("P STUDY: StudyDate open range 20200101-", .patientRoot, "STUDY", [studyKeys],
             ["PatientID": "", "StudyDate": "20200101-"], matches: 11),
        find("P STUDY: StudyTime range 100000-130000", .patientRoot, "STUDY", [studyKeys],
             ["PatientID": "", "StudyTime": "100000-130000"], matches: 6),
        find("P STUDY: StudyTime single 235959 (fractions stored)", .patientRoot, "STUDY", [studyKeys],
             ["PatientID": "", "StudyTime": "235959"], matches: 2),
        find("P STUDY: StudyTime open range -0930", .patientRoot, "STUDY", [studyKeys],
             ["PatientID": "", "StudyTime": "-0930"], matches: 6),
        find("P STUDY: AccessionNumber wildcard ACC10?1", .patientRoot, "STUDY", [studyKeys],
             ["PatientID": "", "AccessionNumber": "ACC10?1"], matches: 5),
        find("P STUDY: higher-level PatientName ignored", .patientRoot, "STUDY", [studyKeys],
             ["PatientID": "P001", "PatientName": "Nobody"], matches: 2),
        find("P SERIES: series of one study", .patientRoot, "SERIES", [seriesKeys],
             ["PatientID": "Q101", "StudyInstanceUID": set("1.3")], matches: 2),
        find("P IMAGE: images of one series", .patientRoot, "IMAGE", [imageKeys],
             ["PatientID": "Q102", "StudyInstanceUID": set("2.2"), "SeriesInstanceUID": set("2.2.5")], matches: 3),
        find("P IMAGE: InstanceNumber exact 2", .patientRoot, "IMAGE", [imageKeys],
             ["PatientID": "", "StudyInstanceUID": "", "SeriesInstanceUID": "", "InstanceNumber": "2"], matches: 22),
        find("P IMAGE: InstanceNumber 01 is not 1", .patientRoot, "IMAGE", [imageKeys],
             ["PatientID": "", "StudyInstanceUID": "", "SeriesInstanceUID": "", "InstanceNumber": "01"], matches: 0),
    ]

    // MARK: Study Root

    static let studyRoot: [Q] = [
        find("S STUDY: every study, patient and study keys", .studyRoot, "STUDY", [patientKeys, studyKeys],
             matches: 17),
        find("S STUDY: patient keys match at STUDY level (Doe*)", .studyRoot, "STUDY", [studyKeys],
             ["PatientName": "Doe*", "PatientID": ""], matches: 2),
        find("S STUDY: list of Study Instance UIDs", .studyRoot, "STUDY", [studyKeys],
             ["StudyInstanceUID": [set("1.1"), set("2.2"), f1("3")].joined(separator: "\\")], matches: 3),
        find("S STUDY: no wildcards on UIDs", .studyRoot, "STUDY", [studyKeys],
             ["StudyInstanceUID": "1.2.826.*"], matches: 0),
        find("S STUDY: lower-level Modality ignored for matching, returned", .studyRoot, "STUDY", [studyKeys],
             ["Modality": "MR"], matches: 17),
        find("S STUDY: empty result (StudyDate 19000101)", .studyRoot, "STUDY", [studyKeys],
             ["StudyDate": "19000101"], matches: 0),
        find("S STUDY: DA list never matches", .studyRoot, "STUDY", [studyKeys],
             ["StudyDate": "20200101\\20210615"], matches: 0),
        find("S STUDY: DA in YYYY.MM.DD", .studyRoot, "STUDY", [studyKeys], ["StudyDate": "2020.01.01"], matches: 2),
        find("S STUDY: values trimmed (  ACC03  )", .studyRoot, "STUDY", [studyKeys],
             ["AccessionNumber": "  ACC03  "], matches: 1),
        find("S STUDY: StudyID wildcard, empty AccessionNumber returned", .studyRoot, "STUDY", [studyKeys],
             ["StudyID": "S102*"], matches: 3),
        find("S STUDY: UTF-8 query Ström*", .studyRoot, "STUDY", [patientKeys, studyKeys],
             ["PatientName": "Ström*"], charset: "ISO_IR 192", matches: 1),
        find("S STUDY: Latin-1 query Gómez*", .studyRoot, "STUDY", [patientKeys, studyKeys],
             ["PatientName": "Gómez*"], charset: "ISO_IR 100", matches: 1),
        find("S STUDY: ASCII query M*ller* matches both charsets", .studyRoot, "STUDY", [patientKeys, studyKeys],
             ["PatientName": "M*ller*"], matches: 2),
        find("S STUDY: keys dcmqrscp drops (ModalitiesInStudy, counts) as return keys", .studyRoot, "STUDY",
             [studyKeys], ["ModalitiesInStudy": "", "NumberOfStudyRelatedInstances": "",
                           "NumberOfStudyRelatedSeries": "", "SOPClassesInStudy": "", "InstitutionName": ""],
             matches: 17),
        find("S STUDY: unique key not added when not requested", .studyRoot, "STUDY", [],
             ["PatientName": "", "StudyDate": ""], matches: 17),
        find("S STUDY: ModalitiesInStudy=MR", .studyRoot, "STUDY", [studyKeys], ["ModalitiesInStudy": "MR"],
             matches: 17, expectation: .subsetOfReference(
                reason: "dcmqrscp drops ModalitiesInStudy and returns every study; Quarry matches it (issue 6)")),
        find("S SERIES: all series with Modality MR", .studyRoot, "SERIES", [seriesKeys],
             ["StudyInstanceUID": "", "Modality": "MR"], matches: 9),
        find("S SERIES: Modality wildcard C?", .studyRoot, "SERIES", [seriesKeys],
             ["StudyInstanceUID": "", "Modality": "C?"], matches: 18),
        find("S SERIES: SeriesNumber exact within a UID list", .studyRoot, "SERIES", [seriesKeys],
             ["StudyInstanceUID": [set("1.1"), set("1.2"), set("2.2")].joined(separator: "\\"), "SeriesNumber": "1"],
             matches: 2),
        find("S SERIES: SeriesDescription (not indexed by dcmqrscp) as return key", .studyRoot, "SERIES",
             [seriesKeys], ["StudyInstanceUID": set("3.2"), "SeriesDescription": ""], matches: 2),
        find("S IMAGE: images of two studies", .studyRoot, "IMAGE", [imageKeys],
             ["StudyInstanceUID": [set("3.1"), f1("1")].joined(separator: "\\"), "SeriesInstanceUID": ""],
             matches: 10),
        find("S IMAGE: list of SOP Instance UIDs", .studyRoot, "IMAGE", [imageKeys, seriesKeys],
             ["StudyInstanceUID": "", "SeriesInstanceUID": "",
              "SOPInstanceUID": [set("1.1.1.1"), set("5.1.1.2"), f1("6.1.1")].joined(separator: "\\")], matches: 3),
        find("S IMAGE: SOPClassUID=MR", .studyRoot, "IMAGE", [imageKeys],
             ["StudyInstanceUID": set("1.3"), "SeriesInstanceUID": "", "SOPClassUID": "1.2.840.10008.5.1.4.1.1.4"],
             matches: 5, expectation: .subsetOfReference(
                reason: "dcmqrscp drops SOPClassUID and returns every image; Quarry matches it (issue 6)")),
    ]

    // MARK: Patient/Study Only

    static let patientStudyOnly: [Q] = [
        find("O PATIENT: every patient", .patientStudyOnly, "PATIENT", [patientKeys], matches: 10),
        find("O STUDY: studies of Q10* patients", .patientStudyOnly, "STUDY", [studyKeys], ["PatientID": "Q10*"],
             matches: 11),
        find("O SERIES: works without -XF", .patientStudyOnly, "SERIES", [seriesKeys],
             ["PatientID": "P001", "StudyInstanceUID": f1("1")], matches: 2),
    ]

    // MARK: Levels and hierarchy

    static let levelAndHierarchy: [Q] = [
        find("lower-case level study", .studyRoot, "study", [studyKeys], ["PatientID": "P00?"], matches: 6),
        find("level prefix STUDYX", .studyRoot, "STUDYX", [studyKeys], ["PatientID": "P002"], matches: 1),
        find("missing QueryRetrieveLevel", .studyRoot, nil, [studyKeys], status: 0xA900, matches: 0),
        find("empty QueryRetrieveLevel", .patientRoot, "", [patientKeys], status: 0xA900, matches: 0),
        find("unknown level INSTANCE", .studyRoot, "INSTANCE", [imageKeys],
             ["StudyInstanceUID": "", "SeriesInstanceUID": ""], status: 0xC000, matches: 0),
        find("PATIENT level in Study Root", .studyRoot, "PATIENT", [patientKeys], status: 0xC000, matches: 0),
        find("P STUDY without PatientID", .patientRoot, "STUDY", [studyKeys], status: 0xC000, matches: 0),
        find("S SERIES without StudyInstanceUID", .studyRoot, "SERIES", [seriesKeys], status: 0xC000, matches: 0),
        find("P IMAGE without SeriesInstanceUID", .patientRoot, "IMAGE", [imageKeys],
             ["PatientID": "P001", "StudyInstanceUID": f1("1")], status: 0xC000, matches: 0),
    ]
}
