import Archive
import Synchronization

/// Every storage area the server has opened and that is still alive — held
/// by the configuration in force or by an association in flight — by path
/// as configured. A reload reuses these instead of opening a folder a
/// second time: an area removed by one reload and configured again by the
/// next, while an association still stores into it, stays one object (one
/// set of temporary files, one in-memory state). The references are weak:
/// an area nobody holds any more is closed (its folder and journal
/// descriptors, when released) and forgotten.
final class OpenStorageAreas: Sendable {
    private struct WeakArea: @unchecked Sendable {   // only touched under the mutex
        weak var area: ArchiveArea?
    }

    private let byPath = Mutex<[String: WeakArea]>([:])

    init() {}

    /// Remembers `areas` (the areas of a snapshot just built).
    func remember(_ areas: [ArchiveArea]) {
        byPath.withLock { table in
            for area in areas { table[area.path] = WeakArea(area: area) }
            table = table.filter { $0.value.area != nil }
        }
    }

    /// The areas still alive.
    var alive: [ArchiveArea] {
        byPath.withLock { table in table.values.compactMap(\.area) }
    }
}
