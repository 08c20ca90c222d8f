import DICOM

extension IndexState {
    /// Applies one journal record. The only way the state changes: the writer applies
    /// what it wrote through here too, so every process replaying the journal builds
    /// the same index.
    mutating func apply(_ record: JournalRecordView, sequence: UInt64) {
        switch record {
        case .add(let add): applyAdd(add, sequence: sequence)
        case .remove(let uid):
            if let i = instance(uid: uid) { removeInstance(i) }
        }
        lastSequence = max(lastSequence, sequence)
    }

    private mutating func applyAdd(_ a: JournalRecordView.AddView, sequence: UInt64) {
        let uidHash = StringPool.hash(a.sopInstanceUID)
        if let old = instance(uid: a.sopInstanceUID, hash: uidHash) { removeInstance(old) }
        let recordCharset = strings.intern(a.specificCharacterSet)
        let patientKey = strings.intern(a.patient.key)
        let studyKey = strings.intern(a.study.key)
        let seriesKey = strings.intern(a.series.key)
        let found = targets(patientKey: patientKey, studyKey: studyKey, seriesKey: seriesKey)

        let patient: Int32
        if let p = found.patient {
            patient = p
            if patients[Int(p)].key == patientKey {
                if a.patient.values.count > 0 {
                    var values = patients[Int(p)].values
                    patients[Int(p)].values = []
                    fill(&values, level: .patient, from: a.patient.values)
                    patients[Int(p)].values = values
                }
            }
        } else {
            patient = Int32(patients.count)
            patients.append(PatientNode(key: patientKey, values: newValues(.patient, a.patient.values),
                                        characterSet: charset(a.patient, recordCharset)))
            insertPatient(patient)
            livePatients += 1
        }

        let study: Int32
        if let s = found.study {
            study = s
            if a.study.values.count > 0 {
                var values = studies[Int(s)].values
                studies[Int(s)].values = []
                fill(&values, level: .study, from: a.study.values)
                studies[Int(s)].values = values
            }
        } else {
            study = Int32(studies.count)
            studies.append(StudyNode(key: studyKey, patient: patient, values: newValues(.study, a.study.values),
                                     characterSet: charset(a.study, recordCharset)))
            insertStudy(study)
            patients[Int(patient)].studies.append(study)
            liveStudies += 1
        }

        let seriesRecord: Int32
        if let s = found.series {
            seriesRecord = s
            if a.series.values.count > 0 {
                var values = series[Int(s)].values
                series[Int(s)].values = []
                fill(&values, level: .series, from: a.series.values)
                series[Int(s)].values = values
            }
        } else {
            seriesRecord = Int32(series.count)
            series.append(SeriesNode(key: seriesKey, study: study, values: newValues(.series, a.series.values),
                                     characterSet: charset(a.series, recordCharset)))
            insertSeries(seriesRecord)
            studies[Int(study)].series.append(seriesRecord)
            liveSeries += 1
        }

        let instance = Int32(instances.count)
        let sopClass = strings.intern(a.sopClassUID)
        instances.append(InstanceNode(
            sopInstanceUID: strings.appendUnique(a.sopInstanceUID), fileName: strings.appendUnique(a.fileName),
            sopClassUID: sopClass, transferSyntaxUID: strings.intern(a.transferSyntaxUID),
            characterSet: recordCharset, series: seriesRecord, fileSize: a.fileSize, sequence: sequence))
        let base = instanceValues.count
        for _ in 0..<Self.imageStride { instanceValues.append(.empty) }
        a.imageValues.forEach { tag, value in
            if let slot = IndexedAttributes.slot(of: tag, at: .image) {
                instanceValues[base + slot] = strings.intern(value)
            }
        }
        insertInstance(instance, hash: uidHash)
        liveInstances += 1
        liveBytes += a.fileSize

        series[Int(seriesRecord)].instances.append(instance)
        patients[Int(patient)].instanceCount += 1
        studies[Int(study)].instanceCount += 1
        studies[Int(study)].byteCount += a.fileSize
        studies[Int(study)].lastSequence = sequence
        if let k = studies[Int(study)].sopClasses.firstIndex(where: { $0.uid == sopClass }) {
            studies[Int(study)].sopClasses[k].count += 1
        } else {
            studies[Int(study)].sopClasses.append(SOPClassCount(uid: sopClass, count: 1))
        }
        unlinkStudy(study)
        linkNewestStudy(study)
    }

    /// Removes a live instance and every level record it leaves empty.
    mutating func removeInstance(_ i: Int32) {
        let node = instances[Int(i)]
        guard node.isLive else { return }
        let h = strings.hash(node.sopInstanceUID)
        instanceTable.remove(i, hash: h)
        instances[Int(i)].series = -1
        liveInstances -= 1
        liveBytes -= node.fileSize

        let s = node.series
        if let k = series[Int(s)].instances.firstIndex(of: i) { series[Int(s)].instances.remove(at: k) }
        let study = series[Int(s)].study
        let patient = studies[Int(study)].patient
        studies[Int(study)].instanceCount -= 1
        studies[Int(study)].byteCount -= node.fileSize
        if let k = studies[Int(study)].sopClasses.firstIndex(where: { $0.uid == node.sopClassUID }) {
            studies[Int(study)].sopClasses[k].count -= 1
            if studies[Int(study)].sopClasses[k].count <= 0 { studies[Int(study)].sopClasses.remove(at: k) }
        }
        patients[Int(patient)].instanceCount -= 1

        if series[Int(s)].instances.isEmpty {
            seriesTable.remove(s, hash: Self.hashID(series[Int(s)].key))
            series[Int(s)].isLive = false
            series[Int(s)].values = []
            if let k = studies[Int(study)].series.firstIndex(of: s) { studies[Int(study)].series.remove(at: k) }
            liveSeries -= 1
        }
        if studies[Int(study)].instanceCount <= 0 {
            studyTable.remove(study, hash: Self.hashID(studies[Int(study)].key))
            unlinkStudy(study)
            studies[Int(study)].isLive = false
            studies[Int(study)].values = []
            if let k = patients[Int(patient)].studies.firstIndex(of: study) { patients[Int(patient)].studies.remove(at: k) }
            liveStudies -= 1
        }
        if patients[Int(patient)].instanceCount <= 0 {
            patientTable.remove(patient, hash: Self.hashID(patients[Int(patient)].key))
            patients[Int(patient)].isLive = false
            patients[Int(patient)].values = []
            livePatients -= 1
        }
    }

    // MARK: Level values

    private mutating func newValues(_ level: QueryRetrieveLevel, _ given: JournalRecordView.ValuesView) -> [StringID] {
        var values = [StringID](repeating: .empty, count: IndexedAttributes.values(at: level).count)
        fill(&values, level: level, from: given)
        return values
    }

    /// Sets the values that are still empty (the first instance's values win).
    private mutating func fill(_ values: inout [StringID], level: QueryRetrieveLevel,
                               from given: JournalRecordView.ValuesView) {
        given.forEach { tag, value in
            if let slot = IndexedAttributes.slot(of: tag, at: level), slot < values.count, values[slot].isEmpty {
                values[slot] = strings.intern(value)
            }
        }
    }

    private mutating func charset(_ group: JournalRecordView.GroupView, _ recordCharset: StringID) -> StringID {
        group.specificCharacterSet.map { strings.intern($0) } ?? recordCharset
    }

    // MARK: Tables

    private mutating func insertPatient(_ p: Int32) {
        let nodes = patients
        patientTable.insert(p, hash: Self.hashID(nodes[Int(p)].key)) { Self.hashID(nodes[Int($0)].key) }
    }

    private mutating func insertStudy(_ s: Int32) {
        let nodes = studies
        studyTable.insert(s, hash: Self.hashID(nodes[Int(s)].key)) { Self.hashID(nodes[Int($0)].key) }
    }

    private mutating func insertSeries(_ s: Int32) {
        let nodes = series
        seriesTable.insert(s, hash: Self.hashID(nodes[Int(s)].key)) { Self.hashID(nodes[Int($0)].key) }
    }

    private mutating func insertInstance(_ i: Int32, hash: Int) {
        let nodes = instances
        let pool = strings
        instanceTable.insert(i, hash: hash) { pool.hash(nodes[Int($0)].sopInstanceUID) }
    }

    // MARK: Studies by last store

    private mutating func unlinkStudy(_ s: Int32) {
        let (older, newer) = (studies[Int(s)].older, studies[Int(s)].newer)
        let linked = older >= 0 || newer >= 0 || oldestStudy == s
        guard linked else { return }
        if older >= 0 { studies[Int(older)].newer = newer } else { oldestStudy = newer }
        if newer >= 0 { studies[Int(newer)].older = older } else { newestStudy = older }
        studies[Int(s)].older = -1
        studies[Int(s)].newer = -1
    }

    private mutating func linkNewestStudy(_ s: Int32) {
        studies[Int(s)].older = newestStudy
        studies[Int(s)].newer = -1
        if newestStudy >= 0 { studies[Int(newestStudy)].newer = s } else { oldestStudy = s }
        newestStudy = s
    }
}
