import DICOM
import Testing

/// Streaming conversion between the uncompressed syntaxes (PS3.5 §A.1–§A.5), as a
/// C-MOVE/C-GET sends a stored file to a peer that accepted another syntax.
@Suite struct DataSetTranscoderTests {
    static let syntaxes: [TransferSyntax] = [
        .implicitVRLittleEndian, .explicitVRLittleEndian, .explicitVRBigEndian, .deflatedExplicitVRLittleEndian,
    ]
    static let pairs: [(TransferSyntax, TransferSyntax)] = syntaxes.flatMap { a in syntaxes.map { (a, $0) } }

    /// The coding tests' sample with a group length and 16-bit pixel data longer than a chunk
    /// (copied through in pieces, swapped by 2 for big endian).
    static func sample(bitsAllocated: UInt16 = 16, pixelBytes: Int = 3 * DataSetTranscoder.chunkSize + 10) -> DataSet {
        var ds = DataSetCodingTests.sample
        ds.setUInt32(Tag(0x0010, 0x0000), 14)                   // a group length, retired: left out
        ds.setUInt16(Tag(0x0028, 0x0100), bitsAllocated)
        ds.set(DataElement(tag: Tag(0x0028, 0x0008), vr: .IS, bytes: Array("1 ".utf8)))
        ds.set(DataElement(tag: .pixelData, vr: bitsAllocated <= 8 ? .OB : .OW,
                           bytes: (0..<pixelBytes).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }))
        return ds
    }

    static func transcode(_ bytes: [UInt8], from: TransferSyntax, to: TransferSyntax) throws -> (bytes: [UInt8], pieces: Int) {
        var out: [UInt8] = [], pieces = 0
        var transcoder = try DataSetTranscoder(source: MemoryByteSource(bytes), from: from, to: to)
        try transcoder.run { chunk in
            out += chunk
            pieces += 1
        }
        return (out, pieces)
    }

    /// Every pair: the result decodes in the destination syntax to the same elements
    /// (values and, between explicit syntaxes, VRs), group lengths left out; between
    /// explicit syntaxes it is exactly what encoding the decoded data set gives.
    @Test(arguments: pairs)
    func everyPairKeepsTheData(from: TransferSyntax, to: TransferSyntax) throws {
        let original = Self.sample()
        let source = try original.encoded(transferSyntax: from)
        let (converted, pieces) = try Self.transcode(source, from: from, to: to)
        if !to.isDeflated { #expect(pieces > 1, "sent in pieces") }
        let decoded = try DataSet(decoding: converted, transferSyntax: to)
        let expected = try DataSet(decoding: source, transferSyntax: from)
        let withoutGroupLengths = expected.elements.filter { !$0.tag.isGroupLength }
        #expect(decoded.tags == withoutGroupLengths.map(\.tag))
        for (got, want) in zip(decoded.elements, withoutGroupLengths) {
            #expect(got.value == want.value, "\(got.tag)")
            if from.isExplicitVR, to.isExplicitVR { #expect(got.vr == want.vr, "\(got.tag)") }
        }
        if from.isExplicitVR, !to.isDeflated {
            let reference = try DataSet(withoutGroupLengths).encoded(transferSyntax: to)
            #expect(converted == reference)
        }
    }

    /// From implicit VR, Pixel Data is OB for 8-bit samples and OW otherwise (PS3.5 §A.2).
    @Test(arguments: [(UInt16(8), VR.OB), (16, .OW)])
    func implicitPixelDataVR(bitsAllocated: UInt16, vr: VR) throws {
        for size in [100, 2 * DataSetTranscoder.chunkSize] {   // decoded whole, and copied in pieces
            let source = try Self.sample(bitsAllocated: bitsAllocated, pixelBytes: size).encoded(transferSyntax: .implicitVRLittleEndian)
            for to in [TransferSyntax.explicitVRLittleEndian, .explicitVRBigEndian] {
                let (converted, _) = try Self.transcode(source, from: .implicitVRLittleEndian, to: to)
                let decoded = try DataSet(decoding: converted, transferSyntax: to)
                #expect(decoded[.pixelData]?.vr == vr, "\(size) bytes to \(to.name)")
                #expect(decoded[.pixelData]?.bytes == Self.sample(bitsAllocated: bitsAllocated, pixelBytes: size)[.pixelData]?.bytes)
            }
        }
    }

    /// A long value of a VR with a 16-bit explicit length, from implicit VR: written as UN.
    @Test func longShortVRValueBecomesUN() throws {
        var ds = DataSet()
        ds.set(DataElement(tag: Tag(0x0008, 0x0070), vr: .LO, bytes: [UInt8](repeating: 0x41, count: 70_000)))
        let source = try ds.encoded(transferSyntax: .implicitVRLittleEndian)
        let (converted, _) = try Self.transcode(source, from: .implicitVRLittleEndian, to: .explicitVRLittleEndian)
        let decoded = try DataSet(decoding: converted, transferSyntax: .explicitVRLittleEndian)
        #expect(decoded[Tag(0x0008, 0x0070)]?.vr == .UN)
        #expect(decoded[Tag(0x0008, 0x0070)]?.bytes.count == 70_000)
    }

    @Test func compressedSyntaxesAreRefused() {
        #expect(!DataSetTranscoder.canConvert(from: .jpegBaseline, to: .explicitVRLittleEndian))
        #expect(!DataSetTranscoder.canConvert(from: .explicitVRLittleEndian, to: .rleLossless))
        #expect(DataSetTranscoder.canConvert(from: .deflatedExplicitVRLittleEndian, to: .explicitVRBigEndian))
        #expect(throws: DICOMEncodeError.self) {
            _ = try DataSetTranscoder(source: MemoryByteSource([]), from: .jpegBaseline, to: .explicitVRLittleEndian)
        }
    }

    /// A source that ends inside a value: a parse error naming the tag.
    @Test func truncatedSourceThrows() throws {
        let source = try Self.sample().encoded(transferSyntax: .explicitVRLittleEndian)
        #expect(throws: DICOMParseError.self) {
            _ = try Self.transcode(Array(source.dropLast(1000)), from: .explicitVRLittleEndian, to: .implicitVRLittleEndian)
        }
    }
}
