import DICOM

extension IndexSnapshot {
    /// The interned value of stored attribute `tag` for `entity` (the tag's level at or
    /// above the entity's: a study answers PatientName from its patient). `.empty` for an
    /// empty or absent value; nil when the index does not hold `tag` there (unknown
    /// tags, computed ones, tags of lower levels). Equal ids are equal texts, so a
    /// matcher can remember its verdict per id.
    package func valueID(_ tag: Tag, of entity: IndexEntity) -> StringID? {
        IndexedAttributes.attribute(tag).flatMap { valueID($0, of: entity) }
    }

    /// `valueID(_:of:)` for a resolved attribute (no tag lookup).
    package func valueID(_ attribute: IndexedAttribute, of entity: IndexEntity) -> StringID? {
        guard let slot = attribute.slot, slot.level <= entity.level,
              let owner = ancestor(of: entity, at: slot.level) else { return nil }
        let r = Int(owner.record)
        switch slot {
        case .uniqueKey(.patient): return state.patients[r].key
        case .uniqueKey(.study): return state.studies[r].key
        case .uniqueKey(.series): return state.series[r].key
        case .uniqueKey(.image): return state.instances[r].sopInstanceUID
        case .sopClassUID: return state.instances[r].sopClassUID
        case .value(let level, let k):
            switch level {
            case .patient: return state.patients[r].values[k]
            case .study: return state.studies[r].values[k]
            case .series: return state.series[r].values[k]
            case .image: return state.instanceValues[r * IndexState.imageStride + k]
            }
        case .computed: return nil
        }
    }

    /// The text of `tag` for `entity`: stored values (as `valueID`), computed ones
    /// (counts, ModalitiesInStudy, SOPClassesInStudy, `\`-separated) and Specific
    /// Character Set; nil when the index does not hold `tag` for that entity.
    package func string(_ tag: Tag, of entity: IndexEntity) -> String? {
        IndexedAttributes.attribute(tag).flatMap { string($0, of: entity) }
    }

    /// `string(_:of:)` for a resolved attribute (no tag lookup).
    package func string(_ attribute: IndexedAttribute, of entity: IndexEntity) -> String? {
        guard let slot = attribute.slot else { return specificCharacterSet(of: entity) }
        if let id = valueID(attribute, of: entity) { return state.strings.string(id) }
        guard case .computed(let level) = slot, level <= entity.level,
              let owner = ancestor(of: entity, at: level) else { return nil }
        return computed(attribute.tag, of: owner)
    }

    package func string(_ id: StringID) -> String { state.strings.string(id) }

    /// The UTF-8 bytes of `id`, without copying.
    package func utf8(_ id: StringID) -> ArraySlice<UInt8> { state.strings.bytes(id) }

    /// The id of `text` if any record holds it (exactly); nil means no value equals it.
    package func lookup(_ text: String) -> StringID? { state.strings.lookup(text) }

    /// The Specific Character Set (0008,0005) of the instance that created `entity`'s
    /// record (of the instance itself at IMAGE); "" for none (ASCII). The values are
    /// held in UTF-8 whatever it says (spec §6.6 uses it for the response).
    package func specificCharacterSet(of entity: IndexEntity) -> String {
        let r = Int(entity.record)
        let id = switch entity.level {
        case .patient: state.patients[r].characterSet
        case .study: state.studies[r].characterSet
        case .series: state.series[r].characterSet
        case .image: state.instances[r].characterSet
        }
        return state.strings.string(id)
    }

    /// Number of live series of a study (NumberOfStudyRelatedSeries) etc., as integers.
    package func relatedCount(_ level: QueryRetrieveLevel, of entity: IndexEntity) -> Int {
        let r = Int(entity.record)
        switch (entity.level, level) {
        case (.patient, .study): return state.patients[r].studies.count
        case (.patient, .series): return state.patients[r].studies.reduce(0) { $0 + state.studies[Int($1)].series.count }
        case (.patient, .image): return Int(state.patients[r].instanceCount)
        case (.study, .series): return state.studies[r].series.count
        case (.study, .image): return Int(state.studies[r].instanceCount)
        case (.series, .image): return state.series[r].instances.count
        default: return 0
        }
    }

    private func computed(_ tag: Tag, of entity: IndexEntity) -> String? {
        let r = Int(entity.record)
        switch tag {
        case IndexedTag.numberOfPatientRelatedStudies: return String(relatedCount(.study, of: entity))
        case IndexedTag.numberOfPatientRelatedSeries: return String(relatedCount(.series, of: entity))
        case IndexedTag.numberOfPatientRelatedInstances: return String(relatedCount(.image, of: entity))
        case IndexedTag.numberOfStudyRelatedSeries: return String(relatedCount(.series, of: entity))
        case IndexedTag.numberOfStudyRelatedInstances: return String(relatedCount(.image, of: entity))
        case IndexedTag.numberOfSeriesRelatedInstances: return String(relatedCount(.image, of: entity))
        case IndexedTag.modalitiesInStudy:
            guard case .value(_, let k)? = IndexedAttributes.slots[IndexedTag.modality] else { return nil }
            var seen: [StringID] = []
            for s in state.studies[r].series {
                let id = state.series[Int(s)].values[k]
                if !id.isEmpty, !seen.contains(id) { seen.append(id) }
            }
            return seen.map { state.strings.string($0) }.joined(separator: "\\")
        case IndexedTag.sopClassesInStudy:
            return state.studies[r].sopClasses.map { state.strings.string($0.uid) }.joined(separator: "\\")
        default: return nil
        }
    }
}
