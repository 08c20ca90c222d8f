import DICOM

#if canImport(Glibc)
import Glibc
#endif

/// The files of a storage area that dcmqrscp or dcmqridx indexed, from its
/// `index.dat` (issue 5, "Migration and tools"): where each recorded file is
/// now, and which are gone. Reading each file's attributes is the caller's
/// job (the record holds only 38 truncated values).
///
/// Paths are stored as written: dcmqrscp stores `<area>/<name>` with the
/// area as configured, dcmqridx the path as given on its command line, both
/// relative to that program's working directory when not absolute. A
/// recorded path is resolved against `workingDirectory`; when nothing is
/// there, the file of the same name in the area is taken (an area that was
/// moved, or configured under another spelling).
package struct DCMTKIndexImport: Sendable, Equatable {
    package struct File: Sendable, Equatable {
        package var record: DCMTKIndexRecord
        /// Where the file is: absolute when `workingDirectory` is.
        package var path: String
        /// The file's name inside the area when it lies directly in it (dcmqrscp's
        /// `<prefix>_<hex>.dcm`), nil for a file registered elsewhere.
        package var nameInArea: String?
    }

    package var index: DCMTKIndexFile
    /// Records whose file exists, in slot order.
    package var files: [File]
    /// Records whose file is found nowhere; each was logged.
    package var missing: [DCMTKIndexRecord]

    /// Reads `<area>/index.dat` and finds each recorded file.
    /// - Parameter workingDirectory: what relative recorded paths are relative
    ///   to; the current directory by default (where dcmqrscp ran from, for a
    ///   server started with the same configuration).
    package static func load(area: String, workingDirectory: String? = nil,
                             fileSystem: any FileSystemOperations = GlibcFileSystem(),
                             log: Log) throws(DCMTKIndexError) -> DCMTKIndexImport {
        let base = workingDirectory ?? currentDirectory()
        let indexPath = DCMTKIndexFile.path(inArea: area)
        let index = try DCMTKIndexFile.read(atPath: indexPath, fileSystem: fileSystem)
        let areaPath = normalized(resolve(area, against: base))
        var result = DCMTKIndexImport(index: index, files: [], missing: [])
        for record in index.records {
            let recorded = normalized(resolve(record.filename, against: base))
            let inArea = areaPath + "/" + lastComponent(record.filename)
            let found = [recorded, inArea].first { isRegularFile($0, fileSystem) }
            guard let path = found else {
                log.warn("\(indexPath): file of record \(record.slot) not found: \(record.filename)")
                result.missing.append(record)
                continue
            }
            let name = lastComponent(path)
            result.files.append(File(record: record, path: path, nameInArea: path == areaPath + "/" + name ? name : nil))
        }
        log.info("\(indexPath): \(result.files.count) files to import, \(result.missing.count) missing")
        return result
    }

    /// True when the area holds DCMTK's index (the caller imports it when it has no index of its own).
    package static func indexFileExists(inArea area: String, fileSystem: any FileSystemOperations = GlibcFileSystem()) -> Bool {
        isRegularFile(DCMTKIndexFile.path(inArea: area), fileSystem)
    }

    // MARK: Paths

    package static func resolve(_ path: String, against base: String) -> String {
        path.hasPrefix("/") || base.isEmpty ? path : base + "/" + path
    }

    /// Without empty and `.` components or a trailing slash (`..` and links are left to the kernel).
    package static func normalized(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }

    static func lastComponent(_ path: String) -> String {
        String(path.split(separator: "/", omittingEmptySubsequences: true).last ?? "")
    }

    private static func isRegularFile(_ path: String, _ fileSystem: any FileSystemOperations) -> Bool {
        (try? fileSystem.kind(atPath: path)) == .regular
    }

    private static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
