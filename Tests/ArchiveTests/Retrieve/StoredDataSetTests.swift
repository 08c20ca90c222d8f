import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// Sending a stored file's data set in pieces, as stored or converted.
@Suite struct StoredDataSetTests {
    static func dataSet() -> DataSet {
        var ds = DataSet()
        ds.setString(Tag(0x0008, 0x0016), .UI, "1.2.840.10008.5.1.4.1.1.7")
        ds.setString(.sopInstanceUID, .UI, "1.2.3.4")
        ds.setString(.patientName, .PN, "Doe^John")
        ds.setUInt16(Tag(0x0028, 0x0100), 16)
        ds.set(DataElement(tag: .pixelData, vr: .OW, bytes: (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 13) }))
        return ds
    }

    static func write(_ syntax: TransferSyntax, meta: Bool = true, in directory: TemporaryDirectory, name: String) throws {
        let file = DICOMFile(fileMetaInformation: FileMetaInformation(
            mediaStorageSOPClassUID: "1.2.840.10008.5.1.4.1.1.7", mediaStorageSOPInstanceUID: "1.2.3.4",
            transferSyntaxUID: syntax.uid, implementationClassUID: "1.2.3"), dataSet: dataSet())
        let bytes = meta ? try file.encoded() : try dataSet().encoded(transferSyntax: syntax)
        try Data(bytes).write(to: directory.file(name))
    }

    static func send(_ name: String, in area: StorageArea, as destination: String) throws -> (StoredDataSet, [UInt8], Int) {
        let stored = try StoredDataSet(name: name, in: area)
        var bytes: [UInt8] = [], pieces = 0
        try stored.send(in: destination) { bytes += $0; pieces += 1 }
        return (stored, bytes, pieces)
    }

    @Test(arguments: [TransferSyntax.implicitVRLittleEndian, .explicitVRLittleEndian, .explicitVRBigEndian,
                      .deflatedExplicitVRLittleEndian])
    func asStoredIsTheFilesBytes(syntax: TransferSyntax) throws {
        let directory = try TemporaryDirectory()
        try Self.write(syntax, in: directory, name: "OT_1.dcm")
        let area = try StorageArea.open(atPath: directory.path, log: .silent)
        let (stored, bytes, pieces) = try Self.send("OT_1.dcm", in: area, as: syntax.uid)
        #expect(stored.transferSyntax.uid == syntax.uid)
        let file = [UInt8](try Data(contentsOf: directory.file("OT_1.dcm")))
        #expect(bytes == Array(file[stored.dataSetOffset...]))
        #expect(syntax.isDeflated || pieces > 1)
        #expect(try DataSet(decoding: bytes, transferSyntax: syntax) == Self.dataSet())
    }

    @Test(arguments: [(TransferSyntax.explicitVRLittleEndian, TransferSyntax.explicitVRBigEndian),
                      (.explicitVRBigEndian, .implicitVRLittleEndian), (.implicitVRLittleEndian, .deflatedExplicitVRLittleEndian),
                      (.deflatedExplicitVRLittleEndian, .explicitVRLittleEndian)])
    func convertedDecodesToTheSameData(from: TransferSyntax, to: TransferSyntax) throws {
        let directory = try TemporaryDirectory()
        try Self.write(from, in: directory, name: "OT_2.dcm")
        let area = try StorageArea.open(atPath: directory.path, log: .silent)
        let (_, bytes, _) = try Self.send("OT_2.dcm", in: area, as: to.uid)
        let decoded = try DataSet(decoding: bytes, transferSyntax: to)
        #expect(decoded[.pixelData]?.bytes == Self.dataSet()[.pixelData]?.bytes)
        #expect(decoded.string(.patientName) == "Doe^John")
    }

    /// A file written without meta information (`-F`): its syntax read from its first bytes.
    @Test func fileWithoutMetaInformation() throws {
        let directory = try TemporaryDirectory()
        try Self.write(.implicitVRLittleEndian, meta: false, in: directory, name: "OT_3.dcm")
        let area = try StorageArea.open(atPath: directory.path, log: .silent)
        let (stored, bytes, _) = try Self.send("OT_3.dcm", in: area, as: TransferSyntax.explicitVRLittleEndian.uid)
        #expect(stored.transferSyntax == .implicitVRLittleEndian)
        #expect(stored.dataSetOffset == 0)
        #expect(try DataSet(decoding: bytes, transferSyntax: .explicitVRLittleEndian)[.pixelData]?.vr == .OW)
    }

    /// A missing file fails the sub-operation with the path (spec §7.3: C-FIND still lists it).
    @Test func missingFileThrows() throws {
        let directory = try TemporaryDirectory()
        let area = try StorageArea.open(atPath: directory.path, log: .silent)
        #expect {
            _ = try StoredDataSet(name: "CT_missing.dcm", in: area)
        } throws: { error in
            "\(error)".contains("\(directory.path)/CT_missing.dcm") && "\(error)".contains("No such file or directory")
        }
    }
}
