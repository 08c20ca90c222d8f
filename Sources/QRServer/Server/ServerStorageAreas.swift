import Archive
import DICOM

/// Every AE's storage area, opened once at start (one `StorageArea` per
/// folder; AE titles naming the same folder share it). A missing folder is
/// created with a warning; one that cannot be opened stops the start-up,
/// naming the AE and the folder (dcmqrscp would start and then abort every
/// association to that AE, spec §2.8).
package struct ServerStorageAreas: Sendable {
    package private(set) var byAETitle: [String: StorageArea] = [:]

    package init() {}

    /// The storage area of `aeTitle` (byte-exact); nil for a title not in the AETable.
    package func area(forAETitle aeTitle: String) -> StorageArea? { byAETitle[aeTitle] }

    package struct OpenFailure: Error, Equatable, CustomStringConvertible {
        package var aeTitle: String
        package var line: Int
        package var error: StorageAreaError
        package var description: String {
            "cannot open the storage area of AE title \(aeTitle) (AETable line \(line)): \(error)"
        }
    }

    package static func open(_ configuration: Configuration, log: Log) throws(OpenFailure) -> ServerStorageAreas {
        var result = ServerStorageAreas()
        var byPath: [String: StorageArea] = [:]
        for entry in configuration.aeTable where result.byAETitle[entry.aeTitle] == nil {
            if let area = byPath[entry.storageArea] {
                result.byAETitle[entry.aeTitle] = area
                continue
            }
            do {
                let area = try StorageArea.open(atPath: entry.storageArea, log: log)
                byPath[entry.storageArea] = area
                result.byAETitle[entry.aeTitle] = area
            } catch {
                throw OpenFailure(aeTitle: entry.aeTitle, line: entry.line, error: error)
            }
        }
        return result
    }
}
