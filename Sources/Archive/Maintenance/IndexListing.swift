import DICOM

/// `quarryidx -p`: the index of an area listed as dcmqridx lists `index.dat`
/// (spec §1.5) — a block per study, then a record per instance, then the
/// count — with Quarry's fields: the journal sequence instead of a slot
/// number, the file, its size and the keys of each level.
package enum IndexListing {
    package static func lines(of snapshot: IndexSnapshot, journalPath: String) -> [String] {
        var out = ["-- Quarry Index File: \(journalPath) --"]
        let studies = snapshot.studiesByLastStore
        for study in studies {
            out.append("STUDY DESCRIPTOR: \(snapshot.string(.studyInstanceUID, of: study) ?? "")")
            out.append("  StudySize: \(snapshot.byteCount(of: study))")
            out.append("  LastRecord: \(snapshot.lastStoredSequence(of: study) ?? 0)")
            out.append("  NumOfImages: \(snapshot.relatedCount(.image, of: study))")
        }
        var count = 0
        for instance in snapshot.entities(at: .image) {
            guard let file = snapshot.instanceFile(instance) else { continue }
            count += 1
            out.append("RECORD NUMBER: \(file.sequence)")
            out.append("  Filename: \(file.fileName)")
            out.append("  ImageSize: \(file.fileSize)")
            out.append("  TransferSyntaxUID: \(file.transferSyntaxUID)")
            for tag in fields {
                out.append("    \(DataDictionary.keyword(for: tag)): \"\(snapshot.string(tag, of: instance) ?? "")\"")
            }
        }
        out.append("RECORDS IN THIS INDEXFILE: \(count)")
        return out
    }

    static let fields: [Tag] = [
        .patientName, .patientID, .studyDate, .studyTime, .accessionNumber, .studyID, .studyInstanceUID,
        .modality, .seriesNumber, .seriesInstanceUID, .instanceNumber, .sopClassUID, .sopInstanceUID, .specificCharacterSet,
    ]
}
