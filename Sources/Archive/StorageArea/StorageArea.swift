import DICOM

/// One AE title's storage area (dcmqrscp.cfg's AETable, spec §2.5, §5.2): a
/// flat folder of `<prefix>_<hex>.dcm` files, held open as a directory
/// descriptor. It writes incoming objects durably (`IncomingObject`), reads
/// stored files in chunks (`StoredFileReader`) and deletes the files of
/// evicted or replaced instances. The index lives beside the files, in
/// another type; the caller sequences file and index steps.
///
/// Shared by every association storing into the area.
package final class StorageArea: Sendable {
    /// The area's path as configured (`<area>` in `<area>/<name>`).
    package let path: String
    let directory: Int32
    let fileSystem: any FileSystemOperations
    let naming: StoreFileNaming
    let log: Log

    init(path: String, directory: Int32, fileSystem: any FileSystemOperations, naming: StoreFileNaming, log: Log) {
        (self.path, self.directory, self.fileSystem, self.naming, self.log) = (path, directory, fileSystem, naming, log)
    }

    deinit { fileSystem.close(directory) }

    /// `<area>/<name>` as dcmqrscp writes it in its log and index; an absolute name as is.
    package func path(of name: String) -> String {
        if name.hasPrefix("/") { return name }
        return path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// Throws `invalidFileName` for a name that could name something outside
    /// the area by accident: empty, holding NUL or a `..` component. A name
    /// with `/` (a subfolder, or an absolute path registered by dcmqridx) is allowed.
    func checkFileName(_ name: String) throws(StorageAreaError) {
        let components = name.split(separator: "/", omittingEmptySubsequences: true)
        guard !name.isEmpty, !name.utf8.contains(0), !components.isEmpty, !components.contains("..") else {
            throw StorageAreaError(.invalidFileName, path: name)
        }
    }
}

/// A file made durable under its final name in the area.
package struct StoredFile: Sendable, Equatable {
    /// The name inside the area, e.g. `CT_6b03b78a61fb6218.dcm`.
    package var name: String
    /// `<area>/<name>`.
    package var path: String
    /// Bytes in the file (meta header included): the size quotas count (spec §5.5).
    package var size: Int64
    package init(name: String, path: String, size: Int64) { (self.name, self.path, self.size) = (name, path, size) }
}
