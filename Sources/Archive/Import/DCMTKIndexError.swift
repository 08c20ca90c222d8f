/// Why DCMTK's `index.dat` could not be read; the messages are dcmqrscp's own
/// for the same cases (spec §2.8), so an administrator recognises them.
package enum DCMTKIndexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be opened: `<path>: No such file or directory`.
    case cannotOpen(path: String, SystemCallError)
    /// The first bytes are not `QRDB` and two hex digits.
    case unknownFormat(path: String)
    /// `QRDB` with a version other than 5 (DCMTK 3.6's `DBVERSION`).
    case unsupportedVersion(path: String, version: Int)
    /// A read failed part way.
    case readFailed(path: String, SystemCallError)

    package var description: String {
        switch self {
        case .cannotOpen(let path, let error), .readFailed(let path, let error):
            "\(path): \(error.message)"
        case .unknownFormat(let path):
            "\(path): unknown/legacy QRDB database file format"
        case .unsupportedVersion(let path, let version):
            "\(path): invalid/unsupported QRDB database version \(version)"
        }
    }
}
