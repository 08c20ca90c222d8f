/// A storage area's quota (spec §5.5, issue 5): the AETable's `(maxStudies,
/// maxBytesPerStudy)` as parsed — no 500-study or 1 GiB clamp — and what to do
/// when a store would exceed it.
package struct StorageQuota: Sendable, Equatable {
    package enum Policy: String, Sendable, Equatable {
        /// dcmqrscp's behaviour: make room by deleting the least recently stored-into
        /// study, or the oldest instances of the study being stored.
        case delete
        /// `--quota-policy reject`: refuse the object that would exceed the quota.
        case reject
    }

    /// Most studies the area holds; nil: no limit.
    package var maxStudies: Int?
    /// Most bytes (file sizes) one study holds; nil: no limit.
    package var maxBytesPerStudy: Int64?
    package var policy: Policy

    package init(maxStudies: Int? = nil, maxBytesPerStudy: Int64? = nil, policy: Policy = .delete) {
        (self.maxStudies, self.maxBytesPerStudy, self.policy) = (maxStudies, maxBytesPerStudy, policy)
    }

    package static let unlimited = StorageQuota()
}

/// Which quota a store would exceed.
package enum QuotaViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// The instance alone is larger than maxBytesPerStudy (refused whatever the policy).
    case instanceLargerThanStudyLimit(instanceBytes: Int64, maxBytesPerStudy: Int64)
    /// `reject` policy: the study would grow beyond maxBytesPerStudy.
    case studyBytes(studyBytes: Int64, instanceBytes: Int64, maxBytesPerStudy: Int64)
    /// `reject` policy: a new study beyond maxStudies.
    case studies(count: Int, maxStudies: Int)

    package var description: String {
        switch self {
        case .instanceLargerThanStudyLimit(let size, let limit):
            "instance of \(size) bytes exceeds the quota of \(limit) bytes per study"
        case .studyBytes(let study, let size, let limit):
            "study of \(study) bytes plus instance of \(size) bytes exceeds the quota of \(limit) bytes per study"
        case .studies(let count, let limit):
            "storage area holds \(count) studies, the quota is \(limit) studies"
        }
    }
}
