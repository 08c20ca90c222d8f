/// Why a storage-area operation failed. `kind` is what a caller acts on (the
/// C-STORE handler answers `outOfDiskSpace` with 0xA700 Refused: Out of
/// Resources, PS3.4 Annex B.2.3); `description` is the message for the log.
package struct StorageAreaError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// `ENOSPC` or `EDQUOT`: the device or the quota is full.
        case outOfDiskSpace
        /// Any other failed system call on a file of the area.
        case ioError
        /// The storage area's path names something that is not a directory.
        case notADirectory
        /// The storage area's folder was missing and could not be created.
        case cannotCreateArea
        /// No file can be created in the storage area (permissions, read-only file system).
        case notWritable
        /// Every name tried for the final file already existed.
        case noFreeFileName
        /// A file name given by the caller that could leave the area (`..`, NUL, empty).
        case invalidFileName
        /// The incoming object was already committed or aborted.
        case objectFinished
    }

    package var kind: Kind
    /// The path the operation was about (`<area>/<name>`, or the area).
    package var path: String
    /// The failed system call and its `errno`, when there was one.
    package var systemCall: SystemCallError?

    package init(_ kind: Kind, path: String, systemCall: SystemCallError? = nil) {
        (self.kind, self.path, self.systemCall) = (kind, path, systemCall)
    }

    /// `outOfDiskSpace` for `ENOSPC`/`EDQUOT`, `ioError` for anything else.
    package init(failed systemCall: SystemCallError, path: String) {
        self.init(systemCall.isOutOfSpace ? .outOfDiskSpace : .ioError, path: path, systemCall: systemCall)
    }

    package var description: String {
        let cause = systemCall.map { ": \($0.message)" } ?? ""
        switch kind {
        case .outOfDiskSpace:
            return "out of disk space writing \(path)\(cause)"
        case .ioError:
            return "cannot \(systemCall?.call ?? "access") \(path)\(cause)"
        case .notADirectory:
            return "storage area \(path) is not a directory"
        case .cannotCreateArea:
            return "cannot create storage area \(path)\(cause)"
        case .notWritable:
            return "storage area \(path) is not writable\(cause)"
        case .noFreeFileName:
            return "no free file name in storage area \(path)"
        case .invalidFileName:
            return "invalid file name for the storage area: \(path)"
        case .objectFinished:
            return "incoming object \(path) was already committed or aborted"
        }
    }
}
