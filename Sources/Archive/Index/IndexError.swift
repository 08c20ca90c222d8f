#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the index could not do what was asked.
package enum IndexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed: the operation, the file and `errno`.
    case io(operation: String, path: String, errno: Int32)
    /// The file is not a Quarry index journal (bad magic or header).
    case notAnIndex(path: String, reason: String)
    /// The journal was written by a newer format version.
    case unsupportedVersion(path: String, version: UInt32)
    /// The record cannot be indexed (an empty SOP Instance UID, an over-long field…).
    case invalidRecord(String)
    /// The store would exceed a quota the policy does not let the index make room for.
    case quotaExceeded(QuotaViolation)
    /// A journal sync failed earlier: nothing more is written until the index is reopened
    /// (after a failed `fdatasync` the kernel may have dropped the data, so a later
    /// success would lie).
    case unusable(String)

    package var description: String {
        switch self {
        case .io(let operation, let path, let code):
            "\(operation) failed on \(path): \(String(cString: strerror(code)))"
        case .notAnIndex(let path, let reason):
            "\(path) is not a Quarry index: \(reason)"
        case .unsupportedVersion(let path, let version):
            "\(path) has index format version \(version), this Quarry reads version \(JournalFormat.version)"
        case .invalidRecord(let reason):
            "cannot index instance: \(reason)"
        case .quotaExceeded(let violation):
            violation.description
        case .unusable(let reason):
            "index unusable until restarted: \(reason)"
        }
    }
}
