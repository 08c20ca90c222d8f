/// One indexed instance as retrieve, quota and duplicate handling report it: what
/// a caller needs to send, delete or log the file.
package struct IndexedInstanceFile: Sendable, Equatable, Hashable {
    /// Relative to the storage area (or absolute, see `InstanceRecord.fileName`).
    package var fileName: String
    package var fileSize: Int64
    package var sopClassUID: String
    package var sopInstanceUID: String
    package var transferSyntaxUID: String
    package var patientID: String
    package var studyInstanceUID: String
    package var seriesInstanceUID: String
    /// Journal sequence of the record that added it.
    package var sequence: UInt64

    package init(fileName: String, fileSize: Int64, sopClassUID: String, sopInstanceUID: String,
                 transferSyntaxUID: String, patientID: String, studyInstanceUID: String,
                 seriesInstanceUID: String, sequence: UInt64) {
        self.fileName = fileName
        self.fileSize = fileSize
        self.sopClassUID = sopClassUID
        self.sopInstanceUID = sopInstanceUID
        self.transferSyntaxUID = transferSyntaxUID
        self.patientID = patientID
        self.studyInstanceUID = studyInstanceUID
        self.seriesInstanceUID = seriesInstanceUID
        self.sequence = sequence
    }
}

/// An instance a store removed to respect a quota (spec §5.5): the caller deletes its
/// file once the new object is durable and logs
/// `W: Deleting file: <path> due to quota or duplicate SOP instance UID`.
package struct Eviction: Sendable, Equatable {
    package enum Reason: Sendable, Equatable {
        /// The least recently stored-into study went to make room for a new study.
        case maxStudies
        /// The oldest instances of the study being stored went to make room.
        case maxBytesPerStudy
    }

    package var reason: Reason
    package var instance: IndexedInstanceFile

    package init(reason: Reason, instance: IndexedInstanceFile) { (self.reason, self.instance) = (reason, instance) }
}

/// What `StorageAreaIndex.add` did. Files named here are still on disk: the caller
/// deletes them — unless a name equals the new record's (the same file registered again).
package struct StoreOutcome: Sendable, Equatable {
    /// Journal sequence of the add record.
    package var sequence: UInt64
    /// The instance with the same SOP Instance UID this one replaced (newest wins,
    /// in any study: spec §5.4, §12.6).
    package var replaced: IndexedInstanceFile?
    /// Instances removed by the quota, oldest first.
    package var evicted: [Eviction]

    package init(sequence: UInt64, replaced: IndexedInstanceFile? = nil, evicted: [Eviction] = []) {
        (self.sequence, self.replaced, self.evicted) = (sequence, replaced, evicted)
    }
}
