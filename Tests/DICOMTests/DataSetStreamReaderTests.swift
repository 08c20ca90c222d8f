import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// A Part 10 file made up as it is read: a header, then Pixel Data of
/// `pixelLength` zero bytes that exist nowhere, then Data Set Trailing Padding.
/// It counts what the reader asks of it.
final class SyntheticFileSource: DICOMByteSource {
    let head: [UInt8], tail: [UInt8], pixelLength: Int, supportsSkip: Bool
    private var position = 0
    private(set) var bytesHandedOut = 0, bytesSkipped = 0, largestRequest = 0

    init(dataSet: DataSet, pixelLength: UInt32, supportsSkip: Bool) throws {
        let meta = FileMetaInformation(mediaStorageSOPClassUID: "1.2.840.10008.5.1.4.1.1.7",
                                       mediaStorageSOPInstanceUID: "1.2.3.4", transferSyntaxUID: "1.2.840.10008.1.2.1",
                                       implementationClassUID: "1.2.3")
        var pixelHeader = try DataSet().encoded(transferSyntax: .explicitVRLittleEndian)
        pixelHeader += [0xE0, 0x7F, 0x10, 0x00, 0x4F, 0x57, 0, 0]   // (7FE0,0010) OW
        pixelHeader.appendLE(pixelLength)
        head = meta.encodedHeader() + (try dataSet.encoded(transferSyntax: .explicitVRLittleEndian)) + pixelHeader
        let padding = DataSet([DataElement(tag: Tag(0xFFFC, 0xFFFC), vr: .OB, bytes: [0, 0, 0, 0])])
        tail = try padding.encoded(transferSyntax: .explicitVRLittleEndian)
        (self.pixelLength, self.supportsSkip) = (Int(pixelLength), supportsSkip)
    }

    var size: Int { head.count + pixelLength + tail.count }

    func read(upTo maxCount: Int) -> [UInt8] {
        largestRequest = max(largestRequest, maxCount)
        let n = min(maxCount, size - position)
        var out: [UInt8] = []
        out.reserveCapacity(n)
        for p in position..<position + n {
            if p < head.count { out.append(head[p]) } else if p >= head.count + pixelLength {
                out.append(tail[p - head.count - pixelLength])
            } else { out.append(0) }
        }
        position += n
        bytesHandedOut += n
        return out
    }

    func skip(_ count: Int) -> Int {
        guard supportsSkip else {
            var skipped = 0
            while skipped < count {
                let chunk = read(upTo: min(count - skipped, 1 << 16))
                if chunk.isEmpty { break }
                skipped += chunk.count
            }
            return skipped
        }
        let n = min(count, size - position)
        position += n
        bytesSkipped += n
        return n
    }
}

@Suite struct DataSetStreamReaderTests {
    static let study = "1.2.826.0.1.3680043.2.1143.1"

    static var header: DataSet {
        var ds = DataSet()
        ds.setString(.sopClassUID, .UI, "1.2.840.10008.5.1.4.1.1.7")
        ds.setString(.sopInstanceUID, .UI, "1.2.3.4")
        ds.setString(.patientID, .LO, "PAT-1")
        ds.setString(.studyInstanceUID, .UI, study)
        ds.setUInt16(Tag(0x0028, 0x0100), 16)
        return ds
    }

    /// A 4 GiB object: its Study Instance UID costs a chunk of reading, and the
    /// element after Pixel Data is found past the 32-bit offset range by seeking.
    @Test func studyInstanceUIDOfA4GiBObjectReadsOneChunk() throws {
        let source = try SyntheticFileSource(dataSet: Self.header, pixelLength: 0xFFFF_FFF0, supportsSkip: true)
        var reader = try DataSetStreamReader(file: source, chunkSize: 4096)
        let found = try reader.readDataSet()
        #expect(found.string(.studyInstanceUID) == Self.study)
        #expect(found.count == Self.header.count)
        #expect(source.bytesHandedOut <= source.head.count + 4096)
        #expect(source.largestRequest <= 4096)

        let pixels = try #require(try reader.nextElement())
        #expect(pixels.element.tag == .pixelData)
        #expect(pixels.isValueSkipped)
        #expect(pixels.valueLength == 0xFFFF_FFF0)
        #expect(pixels.valueOffset == source.head.count)
        let padding = try #require(try reader.nextElement())
        #expect(padding.element.tag == Tag(0xFFFC, 0xFFFC))
        #expect(padding.offset == source.head.count + 0xFFFF_FFF0)
        #expect(padding.element.bytes == [0, 0, 0, 0])
        #expect(try reader.nextElement() == nil)
        #expect(source.bytesSkipped >= 0xFFFF_FFF0 - 4096)
    }

    /// A source that cannot seek is read through in chunks: no request larger
    /// than 64 KiB, whatever the value's length.
    @Test func skippingWithoutSeekingReadsInBoundedChunks() throws {
        let source = try SyntheticFileSource(dataSet: Self.header, pixelLength: 32 << 20, supportsSkip: false)
        var reader = try DataSetStreamReader(file: source, chunkSize: 1024, maximumValueLength: 256)
        var tags: [Tag] = []
        while let next = try reader.nextElement() { tags.append(next.element.tag) }
        #expect(tags == Self.header.tags + [.pixelData, Tag(0xFFFC, 0xFFFC)])
        #expect(source.bytesHandedOut == source.size)
        #expect(source.largestRequest <= 1 << 16)
    }

    @Test func fileOnDiskStopsBeforePixelDataAndReportsTheDataSetOffset() throws {
        let folder = try TemporaryDirectory("stream")
        var dataSet = Self.header
        dataSet.set(DataElement(tag: .pixelData, vr: .OW, bytes: [UInt8](repeating: 7, count: 1 << 20)))
        let meta = FileMetaInformation(mediaStorageSOPClassUID: "1.2.840.10008.5.1.4.1.1.7",
                                       mediaStorageSOPInstanceUID: "1.2.3.4",
                                       transferSyntaxUID: TransferSyntax.implicitVRLittleEndian.uid,
                                       implementationClassUID: "1.2.3", sourceApplicationEntityTitle: "STORESCU")
        let bytes = try DICOMFile(fileMetaInformation: meta, dataSet: dataSet).encoded()
        let path = folder.file("big.dcm").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        var reader = try DataSetStreamReader(file: try FileByteSource(path: path), chunkSize: 512)
        #expect(reader.fileMetaInformation == meta)
        #expect(reader.transferSyntax == .implicitVRLittleEndian)
        #expect(reader.dataSetOffset == meta.encodedHeader().count)
        #expect(try reader.readDataSet() == Self.header)
        #expect(try reader.nextElement()?.valueOffset == bytes.count - (1 << 20))
        #expect(try DataSet(decoding: Array(bytes[reader.dataSetOffset...]), transferSyntax: .implicitVRLittleEndian) == dataSet)
    }

    /// Every corpus file, streamed in 37-byte chunks (headers cut everywhere),
    /// gives what the in-memory decoder gives.
    @Test func streamingTheCorpusMatchesDecodingItWhole() throws {
        var checked = 0
        for path in try PydicomCorpus.files.get() where !PydicomCorpus.isBrokenOnPurpose(path) {
            let whole = try DICOMFile(contentsOfFile: path)
            var reader = try DataSetStreamReader(file: try FileByteSource(path: path), chunkSize: 37,
                                                 maximumValueLength: .max)
            #expect(reader.dataSetOffset == whole.dataSetOffset, "\(path)")
            #expect(reader.transferSyntax == whole.transferSyntax, "\(path)")
            #expect(reader.fileMetaInformation == whole.fileMetaInformation, "\(path)")
            #expect(try reader.readDataSet(stoppingBefore: nil) == whole.dataSet, "\(path)")
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test(arguments: PydicomCorpus.brokenOnPurpose) func streamingABrokenFileThrows(_ broken: PydicomCorpus.BrokenFile) throws {
        let path = try #require(try PydicomCorpus.files.get().first { PydicomCorpus.name($0) == broken.name })
        #expect(throws: DICOMParseError.self) {
            var reader = try DataSetStreamReader(file: try FileByteSource(path: path), chunkSize: 100, maximumValueLength: .max)
            _ = try reader.readDataSet(stoppingBefore: nil)
        }
    }

    @Test func deflatedDataSetStreams() throws {
        let deflated = try Self.header.encoded(transferSyntax: .deflatedExplicitVRLittleEndian)
        var reader = try DataSetStreamReader(dataSet: MemoryByteSource(deflated), transferSyntax: .deflatedExplicitVRLittleEndian,
                                             chunkSize: 16)
        #expect(try reader.readDataSet() == Self.header)
    }
}

/// A sequence of defined length longer than the reader's maximum is skipped
/// like any long value: what a hostile or huge object sends in a sequence
/// never reaches memory.
@Suite struct DataSetStreamReaderSequenceTests {
    @Test func longSequenceOfDefinedLengthIsSkipped() throws {
        var item = DataSet()
        item.set(DataElement(tag: Tag(0x0008, 0x0100), vr: .SH, bytes: [UInt8](repeating: 0x41, count: 4000)))
        var dataSet = DataSet()
        dataSet.setString(.patientID, .LO, "P1")
        dataSet.set(DataElement(tag: Tag(0x0040, 0x0260), vr: .SQ, value: .sequence(ItemSequence(items: [SequenceItem(dataSet: item)]))))
        dataSet.setString(Tag(0x0040, 0x1001), .SH, "RP1")
        let bytes = try dataSet.encoded(transferSyntax: .explicitVRLittleEndian)
        var reader = try DataSetStreamReader(dataSet: MemoryByteSource(bytes), transferSyntax: .explicitVRLittleEndian,
                                             maximumValueLength: 1000)
        var seen: [(Tag, Bool)] = []
        while let next = try reader.nextElement() { seen.append((next.element.tag, next.isValueSkipped)) }
        #expect(seen.map(\.0) == [.patientID, Tag(0x0040, 0x0260), Tag(0x0040, 0x1001)])
        #expect(seen.map(\.1) == [false, true, false])
        // Under the maximum, it is read.
        var whole = try DataSetStreamReader(dataSet: MemoryByteSource(bytes), transferSyntax: .explicitVRLittleEndian)
        #expect(try whole.readDataSet(stoppingBefore: nil) == dataSet)
    }
}
