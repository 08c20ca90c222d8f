/// The whole in-memory index of one storage area: a value, built by replaying the
/// journal's records (`apply`), copied cheaply into snapshots (every part is chunked
/// copy-on-write storage).
///
/// Record numbers grow in creation order and are never reused, so iterating a
/// level's records is iterating in order of first storage; instance numbers follow
/// the journal sequence.
struct IndexState: Sendable {
    var strings = StringPool()
    var patients = ChunkedArray<PatientNode>(shift: 10)
    var studies = ChunkedArray<StudyNode>(shift: 10)
    var series = ChunkedArray<SeriesNode>(shift: 10)
    var instances = ChunkedArray<InstanceNode>(shift: 12)
    /// `IndexedAttributes.imageValues.count` values per instance.
    var instanceValues = ChunkedArray<StringID>(shift: 14)

    /// Patient ID id → patient; Study Instance UID id → study; Series Instance UID id →
    /// series (one per study it appears in); SOP Instance UID bytes → instance.
    var patientTable = IndexTable()
    var studyTable = IndexTable()
    var seriesTable = IndexTable()
    var instanceTable = IndexTable()

    var livePatients = 0
    var liveStudies = 0
    var liveSeries = 0
    var liveInstances = 0
    var liveBytes: Int64 = 0

    /// Ends of the list of live studies by last store (`StudyNode.older/newer`).
    var oldestStudy: Int32 = -1
    var newestStudy: Int32 = -1

    /// Sequence number of the last record applied.
    var lastSequence: UInt64 = 0

    static let imageStride = IndexedAttributes.imageValues.count

    // MARK: Hashes

    static func hashID(_ id: StringID) -> Int { KeyHash.hash(id.raw) }

    // MARK: Lookups

    func patient(key: StringID) -> Int32? {
        patientTable.first(hash: Self.hashID(key)) { patients[Int($0)].key == key }
    }

    func study(key: StringID) -> Int32? {
        studyTable.first(hash: Self.hashID(key)) { studies[Int($0)].key == key }
    }

    func series(key: StringID, study: Int32) -> Int32? {
        seriesTable.first(hash: Self.hashID(key)) { series[Int($0)].key == key && series[Int($0)].study == study }
    }

    func series(key: StringID) -> [Int32] {
        seriesTable.all(hash: Self.hashID(key)) { series[Int($0)].key == key }.sorted()
    }

    func instance(uid: UnsafeRawBufferPointer, hash: Int? = nil) -> Int32? {
        instanceTable.first(hash: hash ?? StringPool.hash(uid)) { strings.equals(instances[Int($0)].sopInstanceUID, uid) }
    }

    func instance(uid: String) -> Int32? {
        var s = uid
        return s.withUTF8 { instance(uid: UnsafeRawBufferPointer($0)) }
    }

    /// Where an instance with these keys goes: an existing study keeps its patient
    /// (whatever Patient ID the instance carries), a series is looked up within its study.
    func targets(patientKey: StringID?, studyKey: StringID?, seriesKey: StringID?)
        -> (patient: Int32?, study: Int32?, series: Int32?) {
        let study = studyKey.flatMap { self.study(key: $0) }
        let patient = study.map { studies[Int($0)].patient } ?? patientKey.flatMap { self.patient(key: $0) }
        let series = study.flatMap { s in seriesKey.flatMap { self.series(key: $0, study: s) } }
        return (patient, study, series)
    }

    func values(at level: QueryRetrieveLevel, of record: Int32) -> [StringID] {
        switch level {
        case .patient: patients[Int(record)].values
        case .study: studies[Int(record)].values
        case .series: series[Int(record)].values
        case .image: (0..<Self.imageStride).map { instanceValues[Int(record) * Self.imageStride + $0] }
        }
    }
}
