import DICOM

extension ArchiveArea {
    /// Builds the area's index from DCMTK's `index.dat` (issue 5, "Migration"):
    /// the list of files from its records (spec §5.6), their attributes from
    /// each file (the record holds only 38 truncated values). Records whose
    /// file is gone and files that no longer read as DICOM are reported and
    /// left out. `index.dat` itself is left as it was.
    static func importDCMTKIndex(into storage: StorageArea, workingDirectory: String?, decoder: IndexValueDecoder,
                                 log: Log) throws(ArchiveAreaError) {
        let indexPath = DCMTKIndexFile.path(inArea: storage.path)
        let imported: DCMTKIndexImport
        do { imported = try DCMTKIndexImport.load(area: storage.path, workingDirectory: workingDirectory, log: log) } catch {
            throw .dcmtkImport(path: indexPath, reason: error.description)
        }
        log.info("Importing \(indexPath): \(imported.files.count) files")
        var unreadable = 0
        do throws(IndexError) {
            let builder = try IndexBuilder(areaPath: storage.path, decoder: decoder, log: log)
            for file in imported.files {
                let read: (attributes: ExtractedAttributes, size: Int64)
                do { read = try ExtractedAttributes.read(path: file.path, log: log) } catch {
                    log.warn("\(indexPath): file of record \(file.record.slot) cannot be read, not imported: \(file.path): \(error)")
                    unreadable += 1
                    continue
                }
                try builder.add(read.attributes.instanceRecord(fileName: file.nameInArea ?? file.path, fileSize: read.size))
            }
            try builder.install()
            let left = imported.missing.count + unreadable
            let summary = "Imported \(indexPath) into \(JournalInspection.journalPath(inDirectory: storage.path)): "
                + "\(builder.added) instances" + (left > 0 ? ", \(imported.missing.count) files missing, \(unreadable) unreadable" : "")
            if left > 0 { log.warn(summary) } else { log.info(summary) }
        } catch {
            throw .index(error)
        }
    }
}
