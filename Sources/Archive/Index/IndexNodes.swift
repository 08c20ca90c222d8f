/// The in-memory records of the four levels. Compact: ids into the `StringPool`
/// and record numbers (`Int32`), no `String`; per-instance data is 40 bytes plus
/// the instance-level values (`IndexState.instanceValues`).

struct PatientNode: Sendable {
    /// Patient ID (0010,0020).
    var key: StringID
    /// `IndexedAttributes.patientValues`, in order.
    var values: [StringID]
    /// Specific Character Set of the instance that created the record.
    var characterSet: StringID
    /// Live studies, in creation order.
    var studies: [Int32] = []
    var instanceCount: Int32 = 0
    var isLive = true
}

struct StudyNode: Sendable {
    /// Study Instance UID (0020,000D).
    var key: StringID
    var patient: Int32
    var values: [StringID]
    var characterSet: StringID
    /// Live series, in creation order.
    var series: [Int32] = []
    var instanceCount: Int32 = 0
    var byteCount: Int64 = 0
    /// Journal sequence of the last instance stored into the study: quota age.
    var lastSequence: UInt64 = 0
    /// SOP classes of the live instances with their counts, in order of first appearance.
    var sopClasses: [SOPClassCount] = []
    /// Neighbours in the list of studies ordered by `lastSequence` (-1: none).
    var older: Int32 = -1
    var newer: Int32 = -1
    var isLive = true
}

struct SOPClassCount: Sendable {
    var uid: StringID
    var count: Int32
}

struct SeriesNode: Sendable {
    /// Series Instance UID (0020,000E).
    var key: StringID
    var study: Int32
    var values: [StringID]
    var characterSet: StringID
    /// Live instances, in order of storage (= journal sequence).
    var instances: [Int32] = []
    var isLive = true
}

struct InstanceNode: Sendable {
    var sopInstanceUID: StringID
    var fileName: StringID
    var sopClassUID: StringID
    var transferSyntaxUID: StringID
    var characterSet: StringID
    /// -1 once removed.
    var series: Int32
    var fileSize: Int64
    var sequence: UInt64

    var isLive: Bool { series >= 0 }
}
