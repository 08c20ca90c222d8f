import DICOM

/// Matching key types of PS3.4 §C.2.2.1 (U unique, R required, O optional),
/// as DCMTK classifies them.
package enum QueryKeyType: Sendable, Hashable {
    case unique, required, optional
}

/// One supported key: the one place that says which attributes a query may
/// use, at which level, and how they match.
package struct QueryKey: Sendable, Hashable {
    package var tag: Tag
    /// The level whose record holds the attribute; nil for the level-independent
    /// return keys (Retrieve AE Title, Instance Availability, Specific Character Set).
    package var level: QueryRetrieveLevel?
    package var type: QueryKeyType
    package var matching: QueryMatchKind
    /// Computed by the index from the levels below (counts, Modalities/SOP Classes
    /// in Study); such a key requested *above* its level is returned zero-length.
    package var isComputed: Bool
    /// Listed in dcmqrscp's `TbFindAttr` (spec §6.2).
    package var isDCMTKKey: Bool

    package init(tag: Tag, level: QueryRetrieveLevel?, type: QueryKeyType, matching: QueryMatchKind,
                 isComputed: Bool = false, isDCMTKKey: Bool = false) {
        (self.tag, self.level, self.type, self.matching) = (tag, level, type, matching)
        (self.isComputed, self.isDCMTKKey) = (isComputed, isDCMTKKey)
    }

    /// The dictionary VR (PS3.6): how the value is decoded from the identifier
    /// and encoded in the response.
    package var vr: VR { DataDictionary.vr(for: tag) }
    package var keyword: String { DataDictionary.keyword(for: tag) }
}

/// The supported keys of a query (spec §6.2 plus the keys of issue 6). Keys not
/// in the table are dropped from matching and from the response — never 0xFF01.
package struct QueryKeyTable: Sendable {
    package let keys: [QueryKey]
    private let byTag: [Tag: QueryKey]

    package init(_ keys: [QueryKey]) {
        self.keys = keys
        var byTag: [Tag: QueryKey] = [:]
        for k in keys where byTag[k.tag] == nil { byTag[k.tag] = k }
        self.byTag = byTag
    }

    package func key(for tag: Tag) -> QueryKey? { byTag[tag] }
    package func contains(_ tag: Tag) -> Bool { byTag[tag] != nil }
    /// The unique key of a level: PatientID, StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID.
    package func uniqueKey(at level: QueryRetrieveLevel) -> QueryKey? {
        keys.first { $0.level == level && $0.type == .unique }
    }
    package func keys(at level: QueryRetrieveLevel) -> [QueryKey] { keys.filter { $0.level == level } }

    /// dcmqrscp 3.6.7's exact list (dcmqrdbi.cc `TbFindAttr`, spec §6.2).
    package static let dcmqrscp = QueryKeyTable(dcmtkKeys)
    /// Quarry's keys: dcmqrscp's and the ones today's viewers send (issue 6).
    package static let quarry = QueryKeyTable(dcmtkKeys + quarryKeys)

    private static func k(_ group: UInt16, _ element: UInt16, _ level: QueryRetrieveLevel?, _ type: QueryKeyType,
                          _ matching: QueryMatchKind, computed: Bool = false, dcmtk: Bool = false) -> QueryKey {
        QueryKey(tag: Tag(group, element), level: level, type: type, matching: matching,
                 isComputed: computed, isDCMTKKey: dcmtk)
    }

    private static func d(_ group: UInt16, _ element: UInt16, _ level: QueryRetrieveLevel, _ type: QueryKeyType,
                          _ matching: QueryMatchKind) -> QueryKey {
        k(group, element, level, type, matching, dcmtk: true)
    }

    /// dcmqrscp's keys. PatientComments and AdditionalPatientHistory are in its
    /// table but not in its index record (never returned, a non-empty key matches
    /// nothing); Quarry matches and returns them from the index like any other key.
    private static let dcmtkKeys: [QueryKey] = [
        //  tag             level     type       matching       keyword
        d(0x0010, 0x0010, .patient, .required, .personName), // PatientName
        d(0x0010, 0x0020, .patient, .unique, .wildcard),     // PatientID (LO)
        d(0x0010, 0x0021, .patient, .optional, .wildcard),   // IssuerOfPatientID
        d(0x0010, 0x0030, .patient, .optional, .date),       // PatientBirthDate
        d(0x0010, 0x0032, .patient, .optional, .time),       // PatientBirthTime
        d(0x0010, 0x0040, .patient, .optional, .wildcard),   // PatientSex
        d(0x0010, 0x1000, .patient, .optional, .wildcard),   // OtherPatientIDs (retired)
        d(0x0010, 0x1001, .patient, .optional, .personName), // OtherPatientNames
        d(0x0010, 0x2160, .patient, .optional, .wildcard),   // EthnicGroup
        d(0x0010, 0x4000, .patient, .optional, .wildcard),   // PatientComments (LT)
        d(0x0008, 0x0020, .study, .required, .date),         // StudyDate
        d(0x0008, 0x0030, .study, .required, .time),         // StudyTime
        d(0x0008, 0x0050, .study, .required, .wildcard),     // AccessionNumber
        d(0x0020, 0x0010, .study, .required, .wildcard),     // StudyID
        d(0x0020, 0x000D, .study, .unique, .uidList),        // StudyInstanceUID
        d(0x0008, 0x0090, .study, .optional, .personName),   // ReferringPhysicianName
        d(0x0008, 0x1030, .study, .optional, .wildcard),     // StudyDescription
        d(0x0008, 0x1060, .study, .optional, .personName),   // NameOfPhysiciansReadingStudy
        d(0x0008, 0x1080, .study, .optional, .wildcard),     // AdmittingDiagnosesDescription
        d(0x0010, 0x1010, .study, .optional, .exact),        // PatientAge (AS)
        d(0x0010, 0x1020, .study, .optional, .exact),        // PatientSize (DS)
        d(0x0010, 0x1030, .study, .optional, .exact),        // PatientWeight (DS)
        d(0x0010, 0x2180, .study, .optional, .wildcard),     // Occupation
        d(0x0010, 0x21B0, .study, .optional, .wildcard),     // AdditionalPatientHistory (LT)
        d(0x0020, 0x1070, .study, .optional, .exact),        // OtherStudyNumbers (retired, IS)
        d(0x0008, 0x0060, .series, .optional, .wildcard),    // Modality
        d(0x0020, 0x0011, .series, .required, .exact),       // SeriesNumber (IS)
        d(0x0020, 0x000E, .series, .unique, .uidList),       // SeriesInstanceUID
        d(0x0020, 0x0013, .image, .required, .exact),        // InstanceNumber (IS)
        d(0x0008, 0x0018, .image, .unique, .uidList),        // SOPInstanceUID
    ]

    /// Quarry's additions (issue 6), all optional: every other attribute the index
    /// holds at a level (`IndexedAttributes`, the one list of what is stored and
    /// computed where), matched by its dictionary VR — the computed ones are only
    /// returned, but for the multi-valued ModalitiesInStudy and SOPClassesInStudy —
    /// then the level-independent return keys.
    private static let quarryKeys: [QueryKey] = {
        let dcmtkTags = Set(dcmtkKeys.map(\.tag))
        var keys: [QueryKey] = []
        for level in QueryRetrieveLevel.allCases {
            let computed = IndexedAttributes.computed(at: level)
            for tag in IndexedAttributes.stored(at: level) + computed where !dcmtkTags.contains(tag) {
                let isComputed = computed.contains(tag)
                let matching = computedMatching[tag] ?? (isComputed ? .returnOnly : QueryMatchKind(vr: DataDictionary.vr(for: tag)))
                keys.append(QueryKey(tag: tag, level: level, type: .optional, matching: matching, isComputed: isComputed))
            }
        }
        return keys + [
            k(0x0008, 0x0054, nil, .optional, .returnOnly),    // RetrieveAETitle: the called AE title
            k(0x0008, 0x0056, nil, .optional, .returnOnly),    // InstanceAvailability
            k(0x0008, 0x0005, nil, .optional, .returnOnly),    // SpecificCharacterSet: decided by the caller
        ]
    }()

    /// The computed keys that are matched: multi-valued, any stored value may match.
    private static let computedMatching: [Tag: QueryMatchKind] = [
        Tag(0x0008, 0x0061): .anyValueWildcard,   // ModalitiesInStudy
        Tag(0x0008, 0x0062): .anyValueUIDList,    // SOPClassesInStudy
    ]
}
