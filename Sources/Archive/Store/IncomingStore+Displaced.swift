import DICOM

extension IncomingStore {
    /// Step 6 of `finish`: the new object and its record are durable, so the
    /// files the index let go can be deleted — the older copy of the same SOP
    /// Instance UID (newest wins, in any study: spec §5.4, §12.6) and the
    /// instances a quota evicted (spec §5.5). Each deletion logs dcmqrscp's
    /// `W: Deleting file: …` line; a warning before says why, with the study,
    /// the patient and the size.
    func removeDisplacedFiles(_ outcome: StoreOutcome, newFile: StoredFile, studyInstanceUID: String) {
        if let old = outcome.replaced {
            let otherStudy = old.studyInstanceUID != studyInstanceUID ? " (study \(old.studyInstanceUID))" : ""
            log.warn("Duplicate SOP Instance UID \(old.sopInstanceUID): \(newFile.path) replaces "
                     + "\(area.storage.path(of: old.fileName))\(otherStudy)")
            if old.fileName != newFile.name { deleteFile(old.fileName) }
        }
        let quota = options.quota ?? area.quota
        var groups: [(reason: Eviction.Reason, files: [IndexedInstanceFile])] = []
        for eviction in outcome.evicted {
            if let last = groups.last, last.reason == eviction.reason,
               last.files.first?.studyInstanceUID == eviction.instance.studyInstanceUID {
                groups[groups.count - 1].files.append(eviction.instance)
            } else {
                groups.append((eviction.reason, [eviction.instance]))
            }
        }
        for group in groups {
            guard let first = group.files.first else { continue }
            let bytes = group.files.reduce(Int64(0)) { $0 + $1.fileSize }
            let instances = "\(group.files.count) instance\(group.files.count == 1 ? "" : "s")"
            switch group.reason {
            case .maxStudies:
                log.warn("Quota of \(quota.maxStudies.map(String.init) ?? "?") studies in \(area.path): removing study "
                         + "\(first.studyInstanceUID) of patient \(quoted(first.patientID)) (\(instances), \(bytes) bytes)")
            case .maxBytesPerStudy:
                log.warn("Quota of \(quota.maxBytesPerStudy.map(String.init) ?? "?") bytes per study in \(area.path): removing "
                         + "the oldest \(instances) (\(bytes) bytes) of study \(first.studyInstanceUID) of patient \(quoted(first.patientID))")
            }
            for file in group.files { deleteFile(file.fileName) }
        }
    }

    /// Files outside the area (registered where they lie by `quarryidx`) are
    /// never deleted, as dcmqridx keeps registered files.
    private func deleteFile(_ name: String) {
        if name.contains("/") {
            log.warn("file delete operations are disabled outside the storage area, keeping file: \(name)")
        } else {
            area.storage.removeFile(name, reason: .quotaOrDuplicate, log: log)
        }
    }

    private func quoted(_ text: String) -> String { "\"" + text + "\"" }
}
