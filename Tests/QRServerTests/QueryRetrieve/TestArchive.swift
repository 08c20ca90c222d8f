import Archive
import DICOM
import Foundation
import QuarryTestSupport

/// A storage area with real files and its index, as the Q/R operations read them.
final class TestArchive: @unchecked Sendable {
    let directory: TemporaryDirectory
    let storage: StorageArea
    let index: JournalIndex

    static let ct = "1.2.840.10008.5.1.4.1.1.2", mr = "1.2.840.10008.5.1.4.1.1.4"
    static let root = "1.2.826.0.1.3680043.8.498.7777"

    /// - Parameter withFiles: false indexes the instances without writing their files
    ///   (enough for C-FIND, which never opens one).
    init(_ dataSets: [(DataSet, TransferSyntax)] = TestArchive.f1(), withFiles: Bool = true) throws {
        directory = try TemporaryDirectory("quarry-qr-archive")
        storage = try StorageArea.open(atPath: directory.path, log: .silent)
        index = try JournalIndex(directory: directory.path, decoder: .specificCharacterSet)
        var records: [InstanceRecord] = []
        for (n, (dataSet, syntax)) in dataSets.enumerated() {
            records.append(try add(dataSet, syntax: syntax, name: "OBJ_\(n).dcm", writeFile: withFiles))
        }
        _ = try index.add(records, quota: .unlimited)
    }

    /// Writes `dataSet` as a Part 10 file; its index record.
    func add(_ dataSet: DataSet, syntax: TransferSyntax, name: String, writeFile: Bool = true) throws -> InstanceRecord {
        let sopClass = dataSet.string(Tag(0x0008, 0x0016)) ?? ""
        let sop = dataSet.string(.sopInstanceUID) ?? ""
        let file = DICOMFile(fileMetaInformation: FileMetaInformation(
            mediaStorageSOPClassUID: sopClass, mediaStorageSOPInstanceUID: sop, transferSyntaxUID: syntax.uid,
            implementationClassUID: QuarryIdentity.implementationClassUID), dataSet: dataSet)
        let bytes = try file.encoded()
        if writeFile { try Data(bytes).write(to: directory.file(name)) }
        var record = InstanceRecord(fileName: name, fileSize: Int64(bytes.count), transferSyntaxUID: syntax.uid,
                                    sopClassUID: sopClass, sopInstanceUID: sop,
                                    specificCharacterSet: dataSet.string(.specificCharacterSet) ?? "")
        for tag in IndexedAttributes.extractedTags {
            if case .bytes(let value)? = dataSet[tag]?.value { record.attributes[tag] = value }
        }
        return record
    }

    /// One instance: patient, study, series and instance values (text already in `charset`).
    static func instance(patient: String, id: String, study: String, date: String, series: String, modality: String,
                         sop: String, number: Int, charset: String? = nil, pixels: Int = 64) -> DataSet {
        var ds = DataSet()
        if let charset { ds.setString(.specificCharacterSet, .CS, charset) }
        ds.setString(Tag(0x0008, 0x0016), .UI, modality == "MR" ? mr : ct)
        ds.setString(.sopInstanceUID, .UI, "\(root).\(sop)")
        ds.setString(Tag(0x0008, 0x0020), .DA, date)
        ds.setString(Tag(0x0008, 0x0060), .CS, modality)
        ds.set(DataElement(tag: .patientName, vr: .PN, bytes: padded(
            (try? SpecificCharacterSet(charset ?? "").encode(patient, vr: .PN)) ?? Array(patient.utf8))))
        ds.setString(.patientID, .LO, id)
        ds.setString(.studyInstanceUID, .UI, "\(root).\(study)")
        ds.setString(.seriesInstanceUID, .UI, "\(root).\(series)")
        ds.setString(Tag(0x0020, 0x0013), .IS, String(number))
        ds.setUInt16(Tag(0x0028, 0x0100), 16)
        ds.set(DataElement(tag: .pixelData, vr: .OW, bytes: (0..<pixels).map { UInt8(truncatingIfNeeded: $0 &* 5) }))
        return ds
    }

    static func padded(_ b: [UInt8]) -> [UInt8] { b.count % 2 == 0 ? b : b + [0x20] }

    /// The spec's fixture F1 (9 instances), stored in Explicit VR Little Endian.
    static func f1() -> [(DataSet, TransferSyntax)] {
        [
            instance(patient: "Doe^John", id: "P001", study: "1", date: "20200101", series: "1.1", modality: "CT", sop: "1.1.1", number: 1),
            instance(patient: "Doe^John", id: "P001", study: "1", date: "20200101", series: "1.1", modality: "CT", sop: "1.1.2", number: 2),
            instance(patient: "Doe^John", id: "P001", study: "1", date: "20200101", series: "1.2", modality: "CT", sop: "1.2.1", number: 1),
            instance(patient: "Doe^John", id: "P001", study: "1", date: "20200101", series: "1.2", modality: "CT", sop: "1.2.2", number: 2),
            instance(patient: "Doe^John", id: "P001", study: "2", date: "20210615", series: "2.1", modality: "MR", sop: "2.1.1", number: 1),
            instance(patient: "Smith^Jane", id: "P002", study: "3", date: "20221231", series: "3.1", modality: "CT", sop: "3.1.1", number: 1),
            instance(patient: "doe^jane", id: "P003", study: "4", date: "20190310", series: "4.1", modality: "CT", sop: "4.1.1", number: 1),
            instance(patient: "Müller^Jürgen", id: "P004", study: "5", date: "20230505", series: "5.1", modality: "CT", sop: "5.1.1",
                     number: 1, charset: "ISO_IR 192"),
            instance(patient: "Müller^Jörg", id: "P005", study: "6", date: "20230506", series: "6.1", modality: "CT", sop: "6.1.1",
                     number: 1, charset: "ISO_IR 100"),
        ].map { ($0, TransferSyntax.explicitVRLittleEndian) }
    }
}
