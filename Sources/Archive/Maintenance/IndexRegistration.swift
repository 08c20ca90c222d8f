import DICOM

/// quarryidx's first form, dcmqridx's (spec §1.5): existing DICOM files
/// registered in a storage area's index where they lie — not copied. A file
/// directly in the area is recorded by its name, any other by its absolute
/// path. Unreadable and non-DICOM files are reported in dcmqridx's words and
/// skipped. A duplicate SOP Instance UID replaces the older record, but no
/// file is ever deleted (dcmqridx: "file delete operations are disabled").
/// No quota applies.
package enum IndexRegistration {
    package struct Summary: Sendable, Equatable {
        package var registered = 0
        package var skipped = 0
    }

    /// Registers `files` (relative paths against `workingDirectory`) in the index of `area`.
    package static func run(files: [String], area: ArchiveArea, workingDirectory: String, log: Log,
                            progress: ((Int, Int) -> Void)? = nil) throws(IndexError) -> Summary {
        var summary = Summary()
        var batch: [InstanceRecord] = []
        let areaPath = DCMTKIndexImport.normalized(DCMTKIndexImport.resolve(area.path, against: workingDirectory))
        func flush() throws(IndexError) {
            guard !batch.isEmpty else { return }
            for (record, result) in zip(batch, try area.index.add(batch, quota: .unlimited)) {
                switch result {
                case .success(let outcome):
                    summary.registered += 1
                    if let old = outcome.replaced, old.fileName != record.fileName {
                        log.warn("file delete operations are disabled, keeping file: \(area.storage.path(of: old.fileName)) "
                                 + "despite duplicate SOP Instance UID")
                    }
                case .failure(let error):
                    summary.skipped += 1
                    log.error("cannot register \(area.storage.path(of: record.fileName)): \(error)")
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        for (k, file) in files.enumerated() {
            defer { progress?(k + 1, files.count) }
            let path = DCMTKIndexImport.normalized(DCMTKIndexImport.resolve(file, against: workingDirectory))
            guard AreaFiles.isRegularFile(path) else {
                log.error("cannot access: \(file)")
                summary.skipped += 1
                continue
            }
            let read: (attributes: ExtractedAttributes, size: Int64)
            do { read = try ExtractedAttributes.read(path: path, log: log) } catch {
                log.error("\(file): \(error)")
                log.error("cannot load dicom file: \(file)")
                summary.skipped += 1
                continue
            }
            let name = String(path.split(separator: "/").last ?? "")
            let inArea = path == IndexBuilder.join(areaPath, name)
            batch.append(read.attributes.instanceRecord(fileName: inArea ? name : path, fileSize: read.size))
            if batch.count >= 256 { try flush() }
        }
        try flush()
        return summary
    }
}
