import Synchronization
import DICOM
import Foundation
import QuarryTestSupport
import Testing

@Suite struct Part10Tests {
    typealias B = Bytes
    static let meta = FileMetaInformation(
        mediaStorageSOPClassUID: "1.2.840.10008.5.1.4.1.1.7", mediaStorageSOPInstanceUID: "1.2.3.4.5",
        transferSyntaxUID: TransferSyntax.explicitVRLittleEndian.uid, implementationClassUID: "2.25.1234",
        implementationVersionName: "QUARRY_0.1", sourceApplicationEntityTitle: "STORESCU")

    static var dataSet: DataSet {
        var ds = DataSet()
        ds.setString(.sopClassUID, .UI, "1.2.840.10008.5.1.4.1.1.7")
        ds.setString(.sopInstanceUID, .UI, "1.2.3.4.5")
        ds.setString(.patientName, .PN, "Doe^Jane")
        return ds
    }

    /// PS3.10 §7.1: preamble, DICM, group 0002 in Explicit VR Little Endian with its length computed.
    @Test func metaHeaderBytes() throws {
        let header = Self.meta.encodedHeader()
        #expect(Array(header[0..<128]) == [UInt8](repeating: 0, count: 128))
        #expect(Array(header[128..<132]) == B.ascii("DICM"))
        #expect(Array(header[132..<144]) == B.explicit(0x0002, 0x0000, .UL, B.le32(UInt32(header.count - 144))))
        #expect(Array(header[144..<158]) == B.explicit(0x0002, 0x0001, .OB, [0x00, 0x01]))
        let group = try DataSet(decoding: Array(header[132...]), transferSyntax: .explicitVRLittleEndian)
        #expect(group.string(.transferSyntaxUID) == "1.2.840.10008.1.2.1")
        #expect(group.string(.sourceApplicationEntityTitle) == "STORESCU")
        #expect(FileMetaInformation(group) == Self.meta)
        #expect(Self.meta.encodedHeader(preamble: [UInt8](repeating: 0x41, count: 128)).prefix(128).allSatisfy { $0 == 0x41 })
    }

    @Test(arguments: [TransferSyntax.implicitVRLittleEndian, .explicitVRLittleEndian, .explicitVRBigEndian,
                      .deflatedExplicitVRLittleEndian])
    func fileRoundTripsAndDcmdumpReadsIt(_ syntax: TransferSyntax) throws {
        var meta = Self.meta
        meta.transferSyntaxUID = syntax.uid
        let bytes = try DICOMFile(fileMetaInformation: meta, dataSet: Self.dataSet).encoded()
        let read = try DICOMFile(reading: bytes)
        #expect(read.fileMetaInformation == meta)
        #expect(read.transferSyntax == syntax)
        #expect(read.dataSet == Self.dataSet)
        #expect(read.dataSetOffset == meta.encodedHeader().count)
        #expect(try read.encoded() == bytes)

        let folder = try TemporaryDirectory("part10")
        let path = folder.file("out.dcm").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let dump = try runProcess(TestEnvironment.dcmtk("dcmdump"), [path])
        #expect(dump.status == 0)
        #expect(dump.stderr.isEmpty, "\(dump.stderr)")
        #expect(dump.stdout.contains("(0010,0010) PN [Doe^Jane]"))
        #expect(dump.stdout.contains("(0002,0016) AE [STORESCU]"))
    }

    /// The meta header built alone, then the data set bytes streamed after it, is a whole file.
    @Test func headerThenRawDataSetIsAFile() throws {
        let body = try Self.dataSet.encoded(transferSyntax: .explicitVRLittleEndian)
        let file = try DICOMFile(reading: Self.meta.encodedHeader() + body)
        #expect(file.dataSet == Self.dataSet)
    }

    /// Meta information without the preamble, and in implicit VR: read as DCMTK reads them.
    @Test func metaWithoutPreambleOrInImplicitVR() throws {
        let body = try Self.dataSet.encoded(transferSyntax: .explicitVRLittleEndian)
        let header = Self.meta.encodedHeader()
        let noPreamble = try DICOMFile(reading: Array(header[132...]) + body)
        #expect(noPreamble.preamble == nil)
        #expect(noPreamble.fileMetaInformation == Self.meta)
        #expect(noPreamble.dataSet == Self.dataSet)

        let implicitMeta = try Self.meta.dataSet.encoded(transferSyntax: .implicitVRLittleEndian)
        let implicit = try DICOMFile(reading: [UInt8](repeating: 0, count: 128) + B.ascii("DICM") + implicitMeta + body)
        #expect(implicit.fileMetaInformation == Self.meta)
        #expect(implicit.dataSet == Self.dataSet)
    }

    /// A bare data set: its encoding is recognised from its first element.
    @Test(arguments: [TransferSyntax.implicitVRLittleEndian, .explicitVRLittleEndian, .explicitVRBigEndian])
    func bareDataSetIsRecognised(_ syntax: TransferSyntax) throws {
        let file = try DICOMFile(reading: try Self.dataSet.encoded(transferSyntax: syntax))
        #expect(file.fileMetaInformation == nil)
        #expect(file.transferSyntax == syntax)
        #expect(file.dataSet == Self.dataSet)
        #expect(try file.encoded() == (try Self.dataSet.encoded(transferSyntax: syntax)))
    }

    /// A Transfer Syntax UID PS3.6 does not list: read in the encoding the data set shows, the UID kept.
    @Test func unknownTransferSyntaxIsReadAsTheDataSetShows() throws {
        var meta = Self.meta
        meta.transferSyntaxUID = "1.2.3.999"
        let bytes = meta.encodedHeader() + (try Self.dataSet.encoded(transferSyntax: .implicitVRLittleEndian))
        let warnings = LogLines()
        let file = try DICOMFile(reading: bytes, log: Log(threshold: .warn) { _, line in warnings.append(line) })
        #expect(file.transferSyntax.uid == "1.2.3.999")
        #expect(!file.transferSyntax.isExplicitVR)
        #expect(file.dataSet == Self.dataSet)
        #expect(warnings.lines == ["W: Unknown transfer syntax 1.2.3.999 in the meta header: reading the data set as Little Endian Implicit\n"])
    }

    /// pydicom's files without meta information: big and little endian give the same data set;
    /// no_meta.dcm starts one byte off and fails where dcmdump fails.
    @Test func corpusFilesWithoutMetaInformation() throws {
        let folder = URL(fileURLWithPath: try #require(try PydicomCorpus.files.get().first { $0.hasSuffix("/CT_small.dcm") }))
            .deletingLastPathComponent()
        let big = try DICOMFile(contentsOfFile: folder.appendingPathComponent("ExplVR_BigEndNoMeta.dcm").path)
        let little = try DICOMFile(contentsOfFile: folder.appendingPathComponent("ExplVR_LitEndNoMeta.dcm").path)
        #expect(big.transferSyntax == .explicitVRBigEndian)
        #expect(little.transferSyntax == .explicitVRLittleEndian)
        #expect(big.dataSet == little.dataSet)
        #expect(big.dataSet.count == 24)
        let error = #expect(throws: DICOMParseError.self) {
            try DICOMFile(contentsOfFile: folder.appendingPathComponent("no_meta.dcm").path)
        }
        #expect(error?.tag == Tag(0x0820, 0x0500))
        guard case .lengthPastEnd = error?.reason else { Issue.record("\(String(describing: error))"); return }
    }

    @Test func missingFileIsAnIOError() {
        let error = #expect(throws: DICOMParseError.self) { try DICOMFile(contentsOfFile: "/nonexistent/file.dcm") }
        guard case .io = error?.reason else { Issue.record("\(String(describing: error))"); return }
    }
}

/// Log lines collected by a test.
final class LogLines: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}
