import DICOM

/// `quarryidx --stats` (issue 8): what one storage area holds — patients,
/// studies, series, instances, bytes — the room left under its quota
/// (studies, and the fullest study against maxBytesPerStudy), and its oldest
/// and newest study by Study Date and Time. Read from the journal without
/// changing anything.
package struct AreaStatistics: Sendable {
    package struct StudyFact: Sendable, Equatable {
        package var studyInstanceUID: String
        package var value: String
    }

    package var areaPath: String
    /// The AE titles configured with this area, when known.
    package var aeTitles: [String] = []
    package var quota: StorageQuota?
    package var patients = 0, studies = 0, series = 0, instances = 0
    package var bytes: Int64 = 0
    /// The study holding the most bytes, and how many.
    package var fullestStudy: (uid: String, bytes: Int64)?
    /// By Study Date and Study Time (studies without a date are left out).
    package var oldestStudy: StudyFact?
    package var newestStudy: StudyFact?
    /// nil when the area has an index; else why not.
    package var noIndex: String?

    /// Reads the index of `areaPath`; throws when it exists but cannot be read.
    package static func read(areaPath: String, quota: StorageQuota?, aeTitles: [String]) throws(IndexError) -> AreaStatistics {
        var stats = AreaStatistics(areaPath: areaPath, aeTitles: aeTitles, quota: quota)
        guard let inspection = try JournalInspection.inspect(directory: areaPath) else {
            stats.noIndex = AreaFiles.isRegularFile(IndexBuilder.join(areaPath, "index.dat"))
                ? "no Quarry index yet (DCMTK's index.dat is imported at the next start of quarryscp)" : "no index yet"
            return stats
        }
        let snapshot = inspection.snapshot
        stats.patients = snapshot.count(at: .patient)
        stats.studies = snapshot.count(at: .study)
        stats.series = snapshot.count(at: .series)
        stats.instances = snapshot.count(at: .image)
        stats.bytes = snapshot.byteCount
        var dated: [(key: String, uid: String, shown: String)] = []
        for study in snapshot.entities(at: .study) {
            let uid = snapshot.string(.studyInstanceUID, of: study) ?? ""
            let size = snapshot.byteCount(of: study)
            if size > (stats.fullestStudy?.bytes ?? -1) { stats.fullestStudy = (uid, size) }
            let date = snapshot.string(.studyDate, of: study) ?? "", time = snapshot.string(.studyTime, of: study) ?? ""
            if !date.isEmpty { dated.append((date + " " + time, uid, time.isEmpty ? date : date + " " + time)) }
        }
        if let oldest = dated.min(by: { $0.key < $1.key }) { stats.oldestStudy = StudyFact(studyInstanceUID: oldest.uid, value: oldest.shown) }
        if let newest = dated.max(by: { $0.key < $1.key }) { stats.newestStudy = StudyFact(studyInstanceUID: newest.uid, value: newest.shown) }
        return stats
    }

    package var lines: [String] {
        var out = [areaPath + (aeTitles.isEmpty ? "" : " (AE title\(aeTitles.count == 1 ? "" : "s") \(aeTitles.joined(separator: ", ")))")]
        if let noIndex { return out + ["  \(noIndex)"] }
        out.append("  patients:      \(patients)")
        out.append("  studies:       \(studies)")
        out.append("  series:        \(series)")
        out.append("  instances:     \(instances)")
        out.append("  bytes:         \(bytes) (\(Self.humanBytes(bytes)))")
        if let quota {
            if let limit = quota.maxStudies {
                out.append("  studies quota: \(studies) of \(limit) (\(max(limit - studies, 0)) left)")
            } else {
                out.append("  studies quota: none")
            }
            if let limit = quota.maxBytesPerStudy {
                let fullest = fullestStudy?.bytes ?? 0
                out.append("  study quota:   fullest study \(Self.humanBytes(fullest)) of \(Self.humanBytes(limit)) "
                           + "(\(Self.humanBytes(max(limit - fullest, 0))) left)" + (fullestStudy.map { ": \($0.uid)" } ?? ""))
            } else {
                out.append("  study quota:   none" + (fullestStudy.map { "; fullest study \(Self.humanBytes($0.bytes)): \($0.uid)" } ?? ""))
            }
        } else {
            out.append("  quota:         unknown (no configuration names this area)")
        }
        if let oldestStudy { out.append("  oldest study:  \(oldestStudy.value) \(oldestStudy.studyInstanceUID)") }
        if let newestStudy { out.append("  newest study:  \(newestStudy.value) \(newestStudy.studyInstanceUID)") }
        return out
    }

    /// 1536 → "1.5 KiB".
    package static func humanBytes(_ n: Int64) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(n), unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return "\(n) bytes" }
        return String(Double(Int(value * 10)) / 10) + " " + units[unit]
    }
}
