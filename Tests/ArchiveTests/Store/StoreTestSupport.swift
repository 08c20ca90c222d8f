import Archive
import DICOM
import Foundation
import QuarryTestSupport

/// An object to send through the store pipeline: an MR image of a few pixels
/// by default, every key the index reads, values a test can change.
struct StoreTestObject {
    static let mrImageStorage = "1.2.840.10008.5.1.4.1.1.4"
    static let root = "1.2.826.0.1.3680043.8.498.5555"

    var sopClassUID = mrImageStorage
    var sopInstanceUID: String?
    var studyInstanceUID: String?
    var seriesInstanceUID: String?
    var patientID = "P1"
    var patientName = "Doe^John"
    var specificCharacterSet: String?
    var pixelBytes = 16
    /// Elements set after the standard ones (replacing them when the tag is the same).
    var extra: [DataElement] = []

    /// Instance `n` of series `series` of study `study`.
    init(_ n: Int, study: Int = 1, series: Int = 1, patientID: String = "P1") {
        sopInstanceUID = "\(Self.root).\(study).\(series).\(n)"
        studyInstanceUID = "\(Self.root).\(study)"
        seriesInstanceUID = "\(Self.root).\(study).\(series)"
        self.patientID = patientID
    }

    var dataSet: DataSet {
        var d = DataSet()
        if let specificCharacterSet { d.setString(.specificCharacterSet, .CS, specificCharacterSet) }
        d.setString(.sopClassUID, .UI, sopClassUID)
        if let sopInstanceUID { d.setString(.sopInstanceUID, .UI, sopInstanceUID) }
        d.setString(.studyDate, .DA, "20240102")
        d.setString(.modality, .CS, "MR")
        d.setString(.patientName, .PN, patientName)
        d.setString(.patientID, .LO, patientID)
        if let studyInstanceUID { d.setString(.studyInstanceUID, .UI, studyInstanceUID) }
        if let seriesInstanceUID { d.setString(.seriesInstanceUID, .UI, seriesInstanceUID) }
        d.setString(.instanceNumber, .IS, "1")
        d.setUInt16(Tag(0x0028, 0x0010), 1)
        d.setUInt16(Tag(0x0028, 0x0011), UInt16(min(max(pixelBytes / 2, 1), 65535)))
        d.setUInt16(Tag(0x0028, 0x0100), 16)
        d.set(DataElement(tag: .pixelData, vr: .OW, bytes: patternedBytes(pixelBytes)))
        for element in extra { d.set(element) }
        return d
    }

    func encoded(_ syntax: TransferSyntax = .explicitVRLittleEndian) throws -> [UInt8] {
        try dataSet.encoded(transferSyntax: syntax)
    }

    func request(callingAETitle: String = "SENDER", syntax: TransferSyntax = .explicitVRLittleEndian) -> StoreRequest {
        StoreRequest(affectedSOPClassUID: sopClassUID, affectedSOPInstanceUID: sopInstanceUID ?? "1.2.3",
                     callingAETitle: callingAETitle, transferSyntaxUID: syntax.uid)
    }
}

/// Drives the pipeline as the network layer does: begin, fragments of `fragmentSize`, finish.
func store(_ bytes: [UInt8], _ request: StoreRequest, into area: ArchiveArea, options: StoreOptions = StoreOptions(),
           fragmentSize: Int = 1000, log: Log? = nil) -> StoreResult {
    let incoming = area.beginStore(request, options: options, log: log)
    var offset = 0
    while offset < bytes.count {
        let end = min(offset + fragmentSize, bytes.count)
        incoming.append(bytes[offset..<end])
        offset = end
    }
    return incoming.finish()
}

func store(_ object: StoreTestObject, into area: ArchiveArea, options: StoreOptions = StoreOptions(),
           syntax: TransferSyntax = .explicitVRLittleEndian, log: Log? = nil) throws -> StoreResult {
    store(try object.encoded(syntax), object.request(syntax: syntax), into: area, options: options, log: log)
}

/// The `.dcm` files of an area folder.
func objectFiles(_ path: String) throws -> [String] {
    try entriesOfFolder(path).filter { $0.hasSuffix(".dcm") }
}

/// Everything in an area folder but the index journal.
func leftovers(_ path: String) throws -> [String] {
    try entriesOfFolder(path).filter { $0 != "quarry.index" }
}
