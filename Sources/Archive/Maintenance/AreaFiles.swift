#if canImport(Glibc)
import Glibc
#endif

/// The object files in a storage area's folder, as `quarryidx --check` and
/// `--rebuild` see them: regular files, not hidden (temporary files and the
/// index build folder start with `.`), neither Quarry's journal nor DCMTK's
/// `index.dat`.
package struct AreaFiles: Sendable {
    package struct Entry: Sendable, Equatable {
        /// The name inside the area.
        package var name: String
        package var size: Int64
        /// Modification time (seconds and nanoseconds since the epoch): the order of a rebuild.
        package var modified: Double
    }

    package var entries: [Entry] = []
    /// Names of temporary files of stores in progress or interrupted.
    package var temporaryFiles: [String] = []

    /// Names that belong to the index, not to objects.
    static let indexFileNames: Set<String> = ["quarry.index", "quarry.index.compact", "index.dat"]

    /// Lists `areaPath`; throws the `errno` of `opendir` (ENOENT, ENOTDIR…).
    package static func list(_ areaPath: String) throws(SystemCallError) -> AreaFiles {
        guard let stream = opendir(areaPath) else { throw SystemCallError("opendir", errno) }
        defer { closedir(stream) }
        var result = AreaFiles()
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || indexFileNames.contains(name) { continue }
            if StorageArea.isTemporaryFileName(name) { result.temporaryFiles.append(name); continue }
            if name.hasPrefix(".") { continue }
            var info = stat()
            guard lstat(IndexBuilder.join(areaPath, name), &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            result.entries.append(Entry(name: name, size: Int64(info.st_size), modified: modified))
        }
        result.entries.sort { ($0.modified, $0.name) < ($1.modified, $1.name) }
        result.temporaryFiles.sort()
        return result
    }

    /// True when a regular file is at `path`.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
