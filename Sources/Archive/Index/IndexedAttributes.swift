import DICOM

/// Which attributes the index holds at each Query/Retrieve level: the table the
/// storage extractor reads instances by and the query engine matches against.
///
/// * every key dcmqrscp supports (spec §6.2, DCMTK's `TbFindAttr`) — PatientComments
///   and AdditionalPatientHistory included, which dcmqrscp accepts but never stores;
/// * the keys today's viewers send (PS3.4 Table C.6-1 ff., issue 6): the series
///   attributes dcmqrscp does not index, the common instance attributes, and the
///   computed ones (counts, ModalitiesInStudy, SOPClassesInStudy).
///
/// A level's values come from that level's own record: the first instance stored
/// into a patient, study or series sets them, later instances fill values that are
/// still empty.
package enum IndexedAttributes {
    /// Attributes read from each instance and kept at `level`, unique key first.
    /// At IMAGE, SOP Instance UID and SOP Class UID come from `InstanceRecord`'s fields.
    package static func stored(at level: QueryRetrieveLevel) -> [Tag] {
        [level.uniqueKey] + (level == .image ? [IndexedTag.sopClassUID] : []) + values(at: level)
    }

    /// Attributes computed from the level's children (PS3.4 §C.3.2–§C.3.4, Table C.6-1 ff.).
    package static func computed(at level: QueryRetrieveLevel) -> [Tag] {
        switch level {
        case .patient: [IndexedTag.numberOfPatientRelatedStudies, IndexedTag.numberOfPatientRelatedSeries,
                        IndexedTag.numberOfPatientRelatedInstances]
        case .study: [IndexedTag.modalitiesInStudy, IndexedTag.sopClassesInStudy,
                      IndexedTag.numberOfStudyRelatedSeries, IndexedTag.numberOfStudyRelatedInstances]
        case .series: [IndexedTag.numberOfSeriesRelatedInstances]
        case .image: []
        }
    }

    /// Every attribute the index answers at `level`: stored, computed, and
    /// Specific Character Set (0008,0005) (that of the instance that created the record).
    package static func tags(at level: QueryRetrieveLevel) -> [Tag] {
        stored(at: level) + computed(at: level) + [IndexedTag.specificCharacterSet]
    }

    /// What the storage extractor reads from a data set (all levels and Specific
    /// Character Set), ascending: the extractor can stop at the last one.
    package static let extractedTags: [Tag] = Array(Set(
        QueryRetrieveLevel.allCases.flatMap { stored(at: $0) } + [IndexedTag.specificCharacterSet]
    )).sorted()

    /// The keys dcmqrscp answers (spec §6.2, exactly): `QueryKeyTable.dcmqrscp`'s, for the
    /// query engine's compatibility decisions.
    package static func dcmqrscpKeys(at level: QueryRetrieveLevel) -> [Tag] {
        QueryKeyTable.dcmqrscp.keys(at: level).map(\.tag)
    }

    /// The level whose record holds `tag`; nil when the index does not hold it.
    /// Specific Character Set is held at every level and reported as IMAGE.
    package static func level(of tag: Tag) -> QueryRetrieveLevel? {
        if tag == IndexedTag.specificCharacterSet { return .image }
        return slots[tag]?.level
    }

    /// `tag` resolved once, for a matcher that reads it from many entities.
    package static func attribute(_ tag: Tag) -> IndexedAttribute? {
        if tag == IndexedTag.specificCharacterSet { return IndexedAttribute(tag: tag, slot: nil) }
        return slots[tag].map { IndexedAttribute(tag: tag, slot: $0) }
    }

    /// The VR the index decodes `tag`'s value by (PS3.6).
    package static func vr(of tag: Tag) -> VR { DataDictionary.vr(for: tag) }

    /// The VRs of `values(at:)`, position for position.
    static func valueVRs(at level: QueryRetrieveLevel) -> [VR] { vrsByLevel[level.rawValue] }

    private static let vrsByLevel: [[VR]] = QueryRetrieveLevel.allCases.map { values(at: $0).map { vr(of: $0) } }

    // MARK: - The table

    /// Stored attributes other than the unique key (and, at IMAGE, SOP Class UID),
    /// in the order of a record's value slots.
    static func values(at level: QueryRetrieveLevel) -> [Tag] {
        switch level {
        case .patient: patientValues
        case .study: studyValues
        case .series: seriesValues
        case .image: imageValues
        }
    }

    static let patientValues: [Tag] = [
        IndexedTag.patientName, IndexedTag.issuerOfPatientID, IndexedTag.patientBirthDate,
        IndexedTag.patientBirthTime, IndexedTag.patientSex, IndexedTag.otherPatientIDs,
        IndexedTag.otherPatientNames, IndexedTag.ethnicGroup, IndexedTag.patientComments,
    ]
    static let studyValues: [Tag] = [
        IndexedTag.studyDate, IndexedTag.studyTime, IndexedTag.accessionNumber, IndexedTag.studyID,
        IndexedTag.referringPhysicianName, IndexedTag.studyDescription, IndexedTag.nameOfPhysiciansReadingStudy,
        IndexedTag.admittingDiagnosesDescription, IndexedTag.patientAge, IndexedTag.patientSize,
        IndexedTag.patientWeight, IndexedTag.occupation, IndexedTag.additionalPatientHistory,
        IndexedTag.otherStudyNumbers,
    ]
    static let seriesValues: [Tag] = [
        IndexedTag.modality, IndexedTag.seriesNumber, IndexedTag.seriesDate, IndexedTag.seriesTime,
        IndexedTag.seriesDescription, IndexedTag.protocolName, IndexedTag.bodyPartExamined, IndexedTag.laterality,
        IndexedTag.performedProcedureStepStartDate, IndexedTag.performedProcedureStepStartTime,
        IndexedTag.manufacturer, IndexedTag.institutionName, IndexedTag.stationName,
    ]
    static let imageValues: [Tag] = [
        IndexedTag.instanceNumber, IndexedTag.imageType, IndexedTag.acquisitionNumber, IndexedTag.contentDate,
        IndexedTag.contentTime, IndexedTag.rows, IndexedTag.columns, IndexedTag.bitsAllocated,
        IndexedTag.numberOfFrames,
    ]

    /// The value slot of `tag` at `level` (position in `values(at:)`); a linear scan of
    /// at most 14 tags, cheaper than hashing a `Tag` on the load path.
    static func slot(of tag: Tag, at level: QueryRetrieveLevel) -> Int? {
        let raw = tag.raw
        let table = rawValues[level.rawValue]
        for k in table.indices where table[k] == raw { return k }
        return nil
    }

    private static let rawValues: [[UInt32]] = QueryRetrieveLevel.allCases.map { values(at: $0).map(\.raw) }

    /// Where a tag's value lives in the in-memory records.
    enum Slot: Equatable {
        case uniqueKey(QueryRetrieveLevel)
        case sopClassUID
        case value(QueryRetrieveLevel, Int)
        case computed(QueryRetrieveLevel)

        var level: QueryRetrieveLevel {
            switch self {
            case .uniqueKey(let level), .value(let level, _), .computed(let level): level
            case .sopClassUID: .image
            }
        }
    }

    static let slots: [Tag: Slot] = {
        var slots: [Tag: Slot] = [IndexedTag.sopClassUID: .sopClassUID]
        for level in QueryRetrieveLevel.allCases {
            slots[level.uniqueKey] = .uniqueKey(level)
            for (position, tag) in values(at: level).enumerated() { slots[tag] = .value(level, position) }
            for tag in computed(at: level) { slots[tag] = .computed(level) }
        }
        return slots
    }()
}

/// An attribute the index holds, resolved to where its value lives
/// (`IndexedAttributes.attribute(_:)`): reading it skips the tag lookup.
package struct IndexedAttribute: Sendable, Equatable {
    package let tag: Tag
    /// nil for Specific Character Set (held at every level).
    let slot: IndexedAttributes.Slot?

    /// The level whose record holds it (IMAGE for Specific Character Set).
    package var level: QueryRetrieveLevel { slot?.level ?? .image }
    /// True for the values computed from a level's children (counts, ModalitiesInStudy…).
    package var isComputed: Bool { if case .computed? = slot { true } else { false } }
}
