import DICOM

/// Every storage area of a configuration, opened at server start (issue 5):
/// one `ArchiveArea` per folder (AE titles naming the same folder share it,
/// spec §2.5), and each AE title's quota.
package struct ArchiveAreas: Sendable {
    /// What an AE title stores into and queries.
    package struct Binding: Sendable {
        package var area: ArchiveArea
        /// The AE's quota (`--quota-policy` applied).
        package var quota: StorageQuota
    }

    /// By AE title, as the AETable's first line for that title says (`Configuration.aeEntry(for:)`).
    package private(set) var bindings: [String: Binding] = [:]
    /// The areas, one per folder, in AETable order.
    package private(set) var areas: [ArchiveArea] = []

    package init() {}

    /// The area and quota of `aeTitle` (byte-exact, as configured); nil for an unknown title.
    package func binding(forAETitle aeTitle: String) -> Binding? { bindings[aeTitle] }

    /// Opens the area of every AE of `configuration` (`ArchiveArea.open`); the
    /// first failure throws, naming the area's path and the AE title.
    package static func open(configuration: Configuration, policy: StorageQuota.Policy,
                             fileSystem: any FileSystemOperations = GlibcFileSystem(),
                             log: Log) throws(ArchiveAreasError) -> ArchiveAreas {
        var result = ArchiveAreas()
        var byPath: [String: ArchiveArea] = [:]
        for entry in configuration.aeTable where result.bindings[entry.aeTitle] == nil {
            let quota = StorageQuota(configured: entry.quota, policy: policy)
            let area: ArchiveArea
            if let opened = byPath[entry.storageArea] {
                area = opened
            } else {
                do { area = try ArchiveArea.open(atPath: entry.storageArea, quota: quota, fileSystem: fileSystem, log: log) } catch {
                    throw ArchiveAreasError(aeTitle: entry.aeTitle, line: entry.line, error: error)
                }
                byPath[entry.storageArea] = area
                result.areas.append(area)
            }
            result.bindings[entry.aeTitle] = Binding(area: area, quota: quota)
        }
        return result
    }
}

/// A storage area of the configuration that could not be opened: the server does not start.
package struct ArchiveAreasError: Error, Equatable, Sendable, CustomStringConvertible {
    package var aeTitle: String
    /// The AETable line.
    package var line: Int
    package var error: ArchiveAreaError

    package var description: String { "storage area of AE title \(aeTitle) (line \(line)): \(error)" }
}
