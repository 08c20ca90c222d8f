#if canImport(Glibc)
import Glibc
#endif
import DICOM

extension ExtractedAttributes {
    /// Reads the Part 10 file at `path` (`quarryidx`, an `index.dat` import), and its size on disk.
    package static func read(path: String, log: Log = .silent) throws(DICOMParseError) -> (attributes: ExtractedAttributes, size: Int64) {
        let source = try FileByteSource(path: path)
        var info = stat()
        guard fstat(source.fileDescriptor, &info) == 0 else {
            throw DICOMParseError(.io("\(path): \(String(cString: strerror(errno)))"), offset: 0)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw DICOMParseError(.io("\(path): not a regular file"), offset: 0)
        }
        return (try read(file: source, log: log), Int64(info.st_size))
    }
}
