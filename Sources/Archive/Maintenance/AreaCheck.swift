/// `quarryidx --check` on one storage area (issue 5): its index against its
/// files — files the index names that are missing, files in the area the
/// index does not name (orphans: a crash between writing a file and
/// recording it), and damaged journal records. Nothing is changed.
package struct AreaCheck: Sendable {
    /// What was found wrong; the exit status of `quarryidx --check` ORs these.
    package struct Problems: OptionSet, Sendable {
        package let rawValue: Int32
        package init(rawValue: Int32) { self.rawValue = rawValue }
        /// The area cannot be read at all (exit status 1, as a missing area).
        package static let unreadableArea = Problems(rawValue: 1)
        /// Exit status bit 2: files the index names are missing.
        package static let missingFiles = Problems(rawValue: 2)
        /// Exit status bit 4: files in the area the index does not name.
        package static let orphanFiles = Problems(rawValue: 4)
        /// Exit status bit 8: damaged records, a torn tail, or an index that cannot be read.
        package static let damagedRecords = Problems(rawValue: 8)
    }

    package var areaPath: String
    package var indexedInstances = 0
    package var objectFiles = 0
    package var missingFiles: [IndexedInstanceFile] = []
    package var orphanFiles: [String] = []
    package var damage: [String] = []
    package var temporaryFiles: [String] = []
    /// Other facts worth a line (no index yet, index.dat waiting to be imported).
    package var notes: [String] = []
    package var problems: Problems = []

    /// Checks the area at `areaPath`.
    package static func run(areaPath: String) -> AreaCheck {
        var check = AreaCheck(areaPath: areaPath)
        let files: AreaFiles
        do { files = try AreaFiles.list(areaPath) } catch {
            check.damage.append("cannot read the storage area: \(error.message)")
            check.problems.insert(.unreadableArea)
            return check
        }
        check.objectFiles = files.entries.count
        check.temporaryFiles = files.temporaryFiles
        var named = Set<String>()
        do {
            if let inspection = try JournalInspection.inspect(directory: areaPath) {
                for span in inspection.damagedSpans {
                    check.damage.append("damaged record: \(span.count) bytes at offset \(span.offset) of \(inspection.path)")
                }
                if let tail = inspection.tornTail {
                    check.damage.append("incomplete record: \(tail.count) bytes at offset \(tail.offset) of \(inspection.path) (a write cut short)")
                }
                let snapshot = inspection.snapshot
                for entity in snapshot.entities(at: .image) {
                    guard let file = snapshot.instanceFile(entity) else { continue }
                    check.indexedInstances += 1
                    named.insert(file.fileName)
                    let path = file.fileName.hasPrefix("/") ? file.fileName : IndexBuilder.join(areaPath, file.fileName)
                    if !AreaFiles.isRegularFile(path) { check.missingFiles.append(file) }
                }
            } else {
                check.notes.append(AreaFiles.isRegularFile(IndexBuilder.join(areaPath, "index.dat"))
                    ? "no Quarry index yet: DCMTK's index.dat is imported at the next start of quarryscp"
                    : "no index yet")
            }
        } catch {
            check.damage.append("index cannot be read: \(error)")
        }
        check.orphanFiles = files.entries.map(\.name).filter { !named.contains($0) }
        if !check.missingFiles.isEmpty { check.problems.insert(.missingFiles) }
        if !check.orphanFiles.isEmpty { check.problems.insert(.orphanFiles) }
        if !check.damage.isEmpty { check.problems.insert(.damagedRecords) }
        return check
    }

    /// The report, one finding a line.
    package var lines: [String] {
        var out = ["\(areaPath): \(indexedInstances) instances indexed, \(objectFiles) object files"]
        for note in notes { out.append("  \(note)") }
        for file in missingFiles {
            let path = file.fileName.hasPrefix("/") ? file.fileName : IndexBuilder.join(areaPath, file.fileName)
            out.append("  missing file: \(path) (SOP Instance UID \(file.sopInstanceUID), study \(file.studyInstanceUID))")
        }
        for name in orphanFiles { out.append("  orphan file: \(IndexBuilder.join(areaPath, name))") }
        for text in damage { out.append("  \(text)") }
        for name in temporaryFiles {
            out.append("  temporary file (a store in progress, or left by a crash and removed at the next start): "
                       + IndexBuilder.join(areaPath, name))
        }
        if problems.isEmpty { out.append("  OK") }
        return out
    }
}
