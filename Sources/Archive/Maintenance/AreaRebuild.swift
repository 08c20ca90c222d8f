#if canImport(Glibc)
import Glibc
#endif
import DICOM

/// `quarryidx --rebuild` (issue 5): a storage area's index written anew from
/// the object files in its folder alone, oldest file first (so quota ages
/// follow the files' ages), and swapped in only once complete. Files that do
/// not read as DICOM, or lack a SOP Instance UID, are reported and left out;
/// files registered from outside the area are not in the new index.
package enum AreaRebuild {
    package struct Summary: Sendable, Equatable {
        package var indexed = 0
        package var skipped = 0
    }

    /// Rebuilds the index of `areaPath` (which must exist). `progress` is
    /// called with (files done, files in all) after each file.
    package static func run(areaPath: String, decoder: IndexValueDecoder = .specificCharacterSet, log: Log,
                            progress: ((Int, Int) -> Void)? = nil) throws(ArchiveAreaError) -> Summary {
        let files: AreaFiles
        do { files = try AreaFiles.list(areaPath) } catch {
            throw .storage(StorageAreaError(error.code == ENOTDIR ? .notADirectory : .ioError, path: areaPath, systemCall: error))
        }
        var summary = Summary()
        do throws(IndexError) {
            let builder = try IndexBuilder(areaPath: areaPath, decoder: decoder, log: log)
            for (k, entry) in files.entries.enumerated() {
                defer { progress?(k + 1, files.entries.count) }
                let path = IndexBuilder.join(areaPath, entry.name)
                let read: (attributes: ExtractedAttributes, size: Int64)
                do { read = try ExtractedAttributes.read(path: path, log: log) } catch {
                    log.warn("not indexed, not a DICOM file: \(path): \(error)")
                    summary.skipped += 1
                    continue
                }
                guard let uid = read.attributes.sopInstanceUID, !uid.isEmpty else {
                    log.warn("not indexed, no SOP Instance UID: \(path)")
                    summary.skipped += 1
                    continue
                }
                try builder.add(read.attributes.instanceRecord(fileName: entry.name, fileSize: read.size))
            }
            try builder.install()
            summary.indexed = builder.added
        } catch {
            throw .index(error)
        }
        log.info("Rebuilt the index of \(areaPath): \(summary.indexed) instances, \(summary.skipped) files left out")
        return summary
    }
}
