import DICOM

/// A patient, study, series or instance of an `IndexSnapshot`: its level and its
/// record number (records are numbered in order of creation and never reused).
package struct IndexEntity: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let level: QueryRetrieveLevel
    package let record: Int32

    package init(level: QueryRetrieveLevel, record: Int32) { (self.level, self.record) = (level, record) }

    package static func < (a: Self, b: Self) -> Bool { (a.level, a.record) < (b.level, b.record) }
    package var description: String { "\(level)#\(record)" }
}

/// A consistent, immutable view of a storage area's index at one moment: what a
/// C-FIND matches and a C-MOVE/C-GET sends from, while stores go on (a copy costs a
/// few pointer copies; see `ChunkedArray`). Holding one pins the memory of records
/// changed since, so let it go when the response stream ends.
package struct IndexSnapshot: Sendable {
    let state: IndexState

    init(state: IndexState) { self.state = state }

    /// Journal sequence of the last record this snapshot includes.
    package var lastSequence: UInt64 { state.lastSequence }
    /// Total file size of the live instances.
    package var byteCount: Int64 { state.liveBytes }

    /// Live entities at `level`.
    package func count(at level: QueryRetrieveLevel) -> Int {
        switch level {
        case .patient: state.livePatients
        case .study: state.liveStudies
        case .series: state.liveSeries
        case .image: state.liveInstances
        }
    }

    /// The live entities of `level`, in order of first storage (dcmqrscp answers in
    /// index order, ≈ insertion order: spec §6.5).
    package func entities(at level: QueryRetrieveLevel) -> Entities { Entities(snapshot: self, level: level) }

    package struct Entities: Sequence, Sendable {
        let snapshot: IndexSnapshot
        let level: QueryRetrieveLevel

        package func makeIterator() -> Iterator { Iterator(snapshot: snapshot, level: level) }

        package struct Iterator: IteratorProtocol {
            let snapshot: IndexSnapshot
            let level: QueryRetrieveLevel
            var position: Int32 = 0

            package mutating func next() -> IndexEntity? {
                let end = snapshot.recordCount(level)
                while Int(position) < end {
                    let record = position
                    position += 1
                    let live = switch level {
                    case .patient: snapshot.state.patients[Int(record)].isLive
                    case .study: snapshot.state.studies[Int(record)].isLive
                    case .series: snapshot.state.series[Int(record)].isLive
                    case .image: snapshot.state.instances[Int(record)].isLive
                    }
                    if live { return IndexEntity(level: level, record: record) }
                }
                return nil
            }
        }
    }

    func recordCount(_ level: QueryRetrieveLevel) -> Int {
        switch level {
        case .patient: state.patients.count
        case .study: state.studies.count
        case .series: state.series.count
        case .image: state.instances.count
        }
    }

    // MARK: Hierarchy

    /// The entity one level up; nil for a patient.
    package func parent(of entity: IndexEntity) -> IndexEntity? {
        let r = Int(entity.record)
        switch entity.level {
        case .patient: return nil
        case .study: return IndexEntity(level: .patient, record: state.studies[r].patient)
        case .series: return IndexEntity(level: .study, record: state.series[r].study)
        case .image:
            let s = state.instances[r].series
            return s >= 0 ? IndexEntity(level: .series, record: s) : nil
        }
    }

    /// The entity at `level` above (or equal to) `entity`; nil for a level below it.
    package func ancestor(of entity: IndexEntity, at level: QueryRetrieveLevel) -> IndexEntity? {
        var current: IndexEntity? = entity
        while let c = current, c.level > level { current = parent(of: c) }
        return current?.level == level ? current : nil
    }

    /// The live entities one level down, in order of first storage.
    package func children(of entity: IndexEntity) -> [IndexEntity] {
        let r = Int(entity.record)
        switch entity.level {
        case .patient: return state.patients[r].studies.map { IndexEntity(level: .study, record: $0) }
        case .study: return state.studies[r].series.map { IndexEntity(level: .series, record: $0) }
        case .series: return state.series[r].instances.map { IndexEntity(level: .image, record: $0) }
        case .image: return []
        }
    }

    /// The first live entity one level down (the first stored), without building the list.
    package func firstChild(of entity: IndexEntity) -> IndexEntity? {
        let r = Int(entity.record)
        switch entity.level {
        case .patient: return state.patients[r].studies.first.map { IndexEntity(level: .study, record: $0) }
        case .study: return state.studies[r].series.first.map { IndexEntity(level: .series, record: $0) }
        case .series: return state.series[r].instances.first.map { IndexEntity(level: .image, record: $0) }
        case .image: return nil
        }
    }

    /// The live instances under `entity` (itself for an instance), in journal order.
    package func instances(under entity: IndexEntity) -> [IndexEntity] {
        let r = Int(entity.record)
        let records: [Int32] = switch entity.level {
        case .patient: state.patients[r].studies.flatMap { state.instances(ofStudy: $0) }
        case .study: state.instances(ofStudy: entity.record)
        case .series: state.series[r].instances
        case .image: state.instances[r].isLive ? [entity.record] : []
        }
        return records.map { IndexEntity(level: .image, record: $0) }
    }

    /// The entities whose unique key (Patient ID, Study/Series/SOP Instance UID) is
    /// `key` exactly: at most one but for series (a Series Instance UID seen in two
    /// studies is two series) and patients sharing an ID are one patient.
    package func entities(withUniqueKey key: String, at level: QueryRetrieveLevel) -> [IndexEntity] {
        if level == .image {
            return state.instance(uid: key).map { [IndexEntity(level: .image, record: $0)] } ?? []
        }
        guard let id = state.strings.lookup(key) else { return [] }
        let records: [Int32] = switch level {
        case .patient: state.patient(key: id).map { [$0] } ?? []
        case .study: state.study(key: id).map { [$0] } ?? []
        case .series: state.series(key: id)
        case .image: []
        }
        return records.map { IndexEntity(level: level, record: $0) }
    }

    // MARK: Retrieve and quotas

    /// The file of a live instance.
    package func instanceFile(_ entity: IndexEntity) -> IndexedInstanceFile? {
        guard entity.level == .image, state.instances[Int(entity.record)].isLive else { return nil }
        return state.instanceFile(entity.record)
    }

    /// Every instance file under the given entities, each once, in journal order:
    /// what a C-MOVE or C-GET sends.
    package func retrieveList(for entities: [IndexEntity]) -> [IndexedInstanceFile] {
        var seen = Set<Int32>()
        var records: [Int32] = []
        for e in entities {
            for i in instances(under: e) where seen.insert(i.record).inserted { records.append(i.record) }
        }
        return records.sorted().map { state.instanceFile($0) }
    }

    /// Sum of the file sizes under a study, series or patient (spec §5.5's study size).
    package func byteCount(of entity: IndexEntity) -> Int64 {
        let r = Int(entity.record)
        switch entity.level {
        case .patient: return state.patients[r].studies.reduce(0) { $0 + state.studies[Int($1)].byteCount }
        case .study: return state.studies[r].byteCount
        case .series: return state.series[r].instances.reduce(0) { $0 + state.instances[Int($1)].fileSize }
        case .image: return state.instances[r].fileSize
        }
    }

    /// Journal sequence of the last store into a study (quota age), or of an instance.
    package func lastStoredSequence(of entity: IndexEntity) -> UInt64? {
        switch entity.level {
        case .study: state.studies[Int(entity.record)].lastSequence
        case .image: state.instances[Int(entity.record)].sequence
        default: nil
        }
    }

    /// Live studies from the least to the most recently stored-into (maxStudies order).
    package var studiesByLastStore: [IndexEntity] {
        var result: [IndexEntity] = []
        var s = state.oldestStudy
        while s >= 0 {
            result.append(IndexEntity(level: .study, record: s))
            s = state.studies[Int(s)].newer
        }
        return result
    }
}
