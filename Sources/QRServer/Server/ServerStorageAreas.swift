import Archive
import DICOM

/// Every AE's storage area, opened once at start (`ArchiveAreas`: one
/// `ArchiveArea` — folder and index — per folder; AE titles naming the same
/// folder share it, each with its own quota). A missing folder is created
/// with a warning, an area holding only DCMTK's `index.dat` is imported;
/// one that cannot be opened stops the start-up, naming the AE and the
/// folder (dcmqrscp would start and then abort every association to that
/// AE, spec §2.8).
package struct ServerStorageAreas: Sendable {
    package private(set) var archives = ArchiveAreas()

    package init() {}

    /// The storage area of `aeTitle` (byte-exact); nil for a title not in the AETable.
    package func area(forAETitle aeTitle: String) -> ArchiveArea? { archives.binding(forAETitle: aeTitle)?.area }

    /// The quota of `aeTitle` (`--quota-policy` applied); unlimited for an unknown title.
    package func quota(forAETitle aeTitle: String) -> StorageQuota { archives.binding(forAETitle: aeTitle)?.quota ?? .unlimited }

    /// Every area once, in AETable order.
    package var areas: [ArchiveArea] { archives.areas }

    package struct OpenFailure: Error, Equatable, CustomStringConvertible {
        package var aeTitle: String
        package var line: Int
        package var error: ArchiveAreaError
        package var description: String {
            "cannot open the storage area of AE title \(aeTitle) (AETable line \(line)): \(error)"
        }
    }

    package static func open(_ configuration: Configuration, policy: StorageQuota.Policy = .delete,
                             log: Log) throws(OpenFailure) -> ServerStorageAreas {
        var result = ServerStorageAreas()
        do { result.archives = try ArchiveAreas.open(configuration: configuration, policy: policy, log: log) } catch {
            throw OpenFailure(aeTitle: error.aeTitle, line: error.line, error: error.error)
        }
        return result
    }
}

extension ServerOptions.QuotaPolicy {
    /// The index's name for the policy.
    package var storageQuotaPolicy: StorageQuota.Policy {
        switch self {
        case .deleteOldest: .delete
        case .reject: .reject
        }
    }
}
