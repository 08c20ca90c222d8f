import DICOM

extension IndexState {
    /// The add record for `instance`, against this state: level groups carry all of
    /// the instance's values for a level it creates, and only the values that fill
    /// empty ones for a level that exists (what `apply` would keep anyway).
    func addRecord(for instance: NormalizedInstance) -> JournalRecord.Add {
        let patientKey = strings.lookup(instance.patientID)
        let found = targets(patientKey: patientKey, studyKey: strings.lookup(instance.studyInstanceUID),
                            seriesKey: strings.lookup(instance.seriesInstanceUID))
        func group(_ level: QueryRetrieveLevel, _ key: String, existing: [StringID]?) -> JournalRecord.LevelGroup {
            let given = instance.values[level] ?? []
            guard let existing else { return JournalRecord.LevelGroup(key: key, values: given) }
            let table = IndexedAttributes.values(at: level)
            let filling = given.filter { v in
                guard let slot = table.firstIndex(of: v.tag), slot < existing.count else { return false }
                return existing[slot].isEmpty
            }
            return JournalRecord.LevelGroup(key: key, values: filling)
        }
        var patientValues = found.patient.map { patients[Int($0)].values }
        if let p = found.patient, patients[Int(p)].key != patientKey { patientValues = nil }
        let patientGroup: JournalRecord.LevelGroup
        if found.patient != nil, patientValues == nil {
            patientGroup = JournalRecord.LevelGroup(key: instance.patientID, values: [])   // the study's patient differs
        } else {
            patientGroup = group(.patient, instance.patientID, existing: patientValues)
        }
        return JournalRecord.Add(
            fileName: instance.fileName, fileSize: instance.fileSize, transferSyntaxUID: instance.transferSyntaxUID,
            sopClassUID: instance.sopClassUID, sopInstanceUID: instance.sopInstanceUID,
            specificCharacterSet: instance.specificCharacterSet,
            patient: patientGroup,
            study: group(.study, instance.studyInstanceUID, existing: found.study.map { studies[Int($0)].values }),
            series: group(.series, instance.seriesInstanceUID, existing: found.series.map { series[Int($0)].values }),
            imageValues: instance.values[.image] ?? [])
    }

    /// The records that rebuild this state: one add per live instance in journal order,
    /// the first instance of each patient, study and series carrying that level's values
    /// (with its character set when it differs from the instance's).
    func compactedRecords(_ body: (UInt64, JournalRecord) -> Void) {
        var emittedPatients = Set<Int32>(), emittedStudies = Set<Int32>(), emittedSeries = Set<Int32>()
        let imageTags = IndexedAttributes.imageValues
        for i in 0..<instances.count {
            let node = instances[i]
            if node.isLive {
                let s = node.series
                let study = series[Int(s)].study
                let patient = studies[Int(study)].patient
                func group(_ level: QueryRetrieveLevel, key: StringID, values: [StringID], charset: StringID,
                           first: Bool) -> JournalRecord.LevelGroup {
                    guard first else { return JournalRecord.LevelGroup(key: strings.string(key), values: []) }
                    let tags = IndexedAttributes.values(at: level)
                    let pairs = zip(tags, values).compactMap { tag, id in
                        id.isEmpty ? nil : JournalRecord.TagValue(tag: tag, value: strings.string(id))
                    }
                    return JournalRecord.LevelGroup(
                        key: strings.string(key),
                        specificCharacterSet: charset == node.characterSet ? nil : strings.string(charset),
                        values: pairs)
                }
                let p = patients[Int(patient)], t = studies[Int(study)], r = series[Int(s)]
                let add = JournalRecord.Add(
                    fileName: strings.string(node.fileName), fileSize: node.fileSize,
                    transferSyntaxUID: strings.string(node.transferSyntaxUID),
                    sopClassUID: strings.string(node.sopClassUID), sopInstanceUID: strings.string(node.sopInstanceUID),
                    specificCharacterSet: strings.string(node.characterSet),
                    patient: group(.patient, key: p.key, values: p.values, charset: p.characterSet,
                                   first: emittedPatients.insert(patient).inserted),
                    study: group(.study, key: t.key, values: t.values, charset: t.characterSet,
                                 first: emittedStudies.insert(study).inserted),
                    series: group(.series, key: r.key, values: r.values, charset: r.characterSet,
                                  first: emittedSeries.insert(s).inserted),
                    imageValues: imageTags.indices.compactMap { k in
                        let id = instanceValues[i * Self.imageStride + k]
                        return id.isEmpty ? nil : JournalRecord.TagValue(tag: imageTags[k], value: strings.string(id))
                    })
                body(node.sequence, .add(add))
            }
        }
    }

    /// What callers see of instance `i`.
    func instanceFile(_ i: Int32) -> IndexedInstanceFile {
        let node = instances[Int(i)]
        let s = node.series >= 0 ? node.series : -1
        let seriesNode = s >= 0 ? series[Int(s)] : nil
        let studyNode = seriesNode.map { studies[Int($0.study)] }
        let patientNode = studyNode.map { patients[Int($0.patient)] }
        return IndexedInstanceFile(
            fileName: strings.string(node.fileName), fileSize: node.fileSize,
            sopClassUID: strings.string(node.sopClassUID), sopInstanceUID: strings.string(node.sopInstanceUID),
            transferSyntaxUID: strings.string(node.transferSyntaxUID),
            patientID: patientNode.map { strings.string($0.key) } ?? "",
            studyInstanceUID: studyNode.map { strings.string($0.key) } ?? "",
            seriesInstanceUID: seriesNode.map { strings.string($0.key) } ?? "",
            sequence: node.sequence)
    }
}
