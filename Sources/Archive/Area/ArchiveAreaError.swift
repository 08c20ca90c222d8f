/// Why a storage area could not be opened (server start, `quarryidx`), in
/// words that name the path: the server refuses to start with this message.
package enum ArchiveAreaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder or its files (see `StorageAreaError.Kind`).
    case storage(StorageAreaError)
    /// The index journal.
    case index(IndexError)
    /// DCMTK's `index.dat` could not be imported.
    case dcmtkImport(path: String, reason: String)

    package var description: String {
        switch self {
        case .storage(let error): error.description
        case .index(let error): error.description
        case .dcmtkImport(let path, let reason): "cannot import \(path): \(reason)"
        }
    }
}
