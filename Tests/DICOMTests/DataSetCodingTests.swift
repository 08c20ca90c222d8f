import DICOM
import Testing

@Suite struct DataSetCodingTests {
    typealias B = Bytes
    static let syntaxes: [TransferSyntax] = [
        .implicitVRLittleEndian, .explicitVRLittleEndian, .explicitVRBigEndian, .deflatedExplicitVRLittleEndian,
    ]

    /// Sequences and items of defined and undefined length, nested; a private
    /// block; binary values of every swap size; an empty value.
    static var sample: DataSet {
        var inner = DataSet()
        inner.setString(Tag(0x0008, 0x1150), .UI, "1.2.840.10008.5.1.4.1.1.2")
        inner.setString(Tag(0x0008, 0x1155), .UI, "1.2.3.4.5")
        var deeper = DataSet()
        deeper.setString(Tag(0x0008, 0x0100), .SH, "T-D1100")
        inner.set(DataElement(tag: Tag(0x0040, 0xA043), vr: .SQ, value: .sequence(ItemSequence(
            items: [SequenceItem(dataSet: deeper, hasUndefinedLength: false)], hasUndefinedLength: true))))
        var ds = DataSet()
        ds.setString(.specificCharacterSet, .CS, "ISO_IR 100")
        ds.setString(.patientName, .PN, "Doe^John")
        ds.set(DataElement(tag: Tag(0x0010, 0x1010), vr: .AS, bytes: []))
        ds.set(DataElement(tag: Tag(0x0008, 0x1140), vr: .SQ, value: .sequence(ItemSequence(items: [
            SequenceItem(dataSet: inner, hasUndefinedLength: true),
            SequenceItem(dataSet: inner, hasUndefinedLength: false),
            SequenceItem(dataSet: DataSet(), hasUndefinedLength: true),
        ], hasUndefinedLength: false))))
        ds.set(DataElement(tag: Tag(0x0008, 0x1115), vr: .SQ, value: .sequence(ItemSequence(items: [], hasUndefinedLength: true))))
        ds.setUInt16(Tag(0x0028, 0x0010), 512)
        ds.setUInt32(Tag(0x0018, 0x6016), 0x0102_0304)           // UL
        ds.set(DataElement(tag: Tag(0x0018, 0x9087), vr: .FD, bytes: [1, 2, 3, 4, 5, 6, 7, 8]))
        ds.set(DataElement(tag: Tag(0x0020, 0x5000), vr: .AT, bytes: [0x10, 0x00, 0x20, 0x00]))
        ds.setString(Tag(0x0029, 0x0010), .LO, "ACME 1.0")
        ds.set(DataElement(tag: Tag(0x0029, 0x1001), vr: .OB, bytes: [9, 8, 7]))
        ds.set(DataElement(tag: .pixelData, vr: .OW, bytes: [1, 2, 3, 4]))
        return ds
    }

    @Test(arguments: syntaxes) func sampleRoundTrips(_ syntax: TransferSyntax) throws {
        let bytes = try Self.sample.encoded(transferSyntax: syntax)
        let decoded = try DataSet(decoding: bytes, transferSyntax: syntax)
        #expect(try decoded.encoded(transferSyntax: syntax) == bytes)
        if syntax.isExplicitVR {
            #expect(decoded == Self.sample)
        } else {
            // Implicit VR: the private OB comes back as UN, its bytes the same.
            var expected = Self.sample
            expected.set(DataElement(tag: Tag(0x0029, 0x1001), vr: .UN, bytes: [9, 8, 7]))
            #expect(decoded == expected)
        }
    }

    /// PS3.5 §7.3: each value in big-endian order, by the size of its VR's values; OB and strings as they are.
    @Test func bigEndianSwapsByValueSize() throws {
        var ds = DataSet()
        ds.setUInt16(Tag(0x0028, 0x0010), 0x0102)
        ds.setUInt32(Tag(0x0018, 0x6016), 0x0102_0304)
        ds.set(DataElement(tag: Tag(0x0020, 0x5000), vr: .AT, bytes: [0x10, 0x00, 0x20, 0x00]))
        ds.set(DataElement(tag: Tag(0x0029, 0x1001), vr: .OB, bytes: [1, 2, 3, 4]))
        ds.set(DataElement(tag: .pixelData, vr: .OW, bytes: [1, 2, 3, 4]))
        let expected: [UInt8] = [0x00, 0x18, 0x60, 0x16, 0x55, 0x4C, 0x00, 0x04, 0x01, 0x02, 0x03, 0x04]
            + [0x00, 0x20, 0x50, 0x00, 0x41, 0x54, 0x00, 0x04, 0x00, 0x10, 0x00, 0x20]
            + [0x00, 0x28, 0x00, 0x10, 0x55, 0x53, 0x00, 0x02, 0x01, 0x02]
            + [0x00, 0x29, 0x10, 0x01, 0x4F, 0x42, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4]
            + [0x7F, 0xE0, 0x00, 0x10, 0x4F, 0x57, 0, 0, 0, 0, 0, 4, 2, 1, 4, 3]
        #expect(try ds.encoded(transferSyntax: .explicitVRBigEndian) == expected)
        #expect(try DataSet(decoding: expected, transferSyntax: .explicitVRBigEndian) == ds)
    }

    struct ImplicitCase: Sendable, CustomStringConvertible {
        var name: String, bytes: [UInt8], tag: Tag, vr: VR
        var description: String { name }
    }

    static let pixelRepresentation1 = B.implicit(0x0028, 0x0103, B.le16(1))

    /// PS3.5 §6.2.2, §A.1 and PS3.3 §C.7.6.3.1, §C.11.1.1.1: the VR implicit VR decoding settles on.
    static let implicitCases: [ImplicitCase] = [
        .init(name: "Pixel Data is OW", bytes: B.implicit(0x7FE0, 0x0010, [0, 0]), tag: .pixelData, vr: .OW),
        .init(name: "Overlay Data is OW", bytes: B.implicit(0x6002, 0x3000, [0, 0]), tag: Tag(0x6002, 0x3000), vr: .OW),
        .init(name: "US or SS unsigned", bytes: B.implicit(0x0028, 0x0106, [1, 0]), tag: Tag(0x0028, 0x0106), vr: .US),
        .init(name: "US or SS signed", bytes: pixelRepresentation1 + B.implicit(0x0028, 0x0106, [1, 0]),
              tag: Tag(0x0028, 0x0106), vr: .SS),
        .init(name: "LUT Data of one entry is US",
              bytes: B.implicit(0x0028, 0x3002, [1, 0, 0, 0, 16, 0]) + B.implicit(0x0028, 0x3006, [1, 0]),
              tag: Tag(0x0028, 0x3006), vr: .US),
        .init(name: "LUT Data of many entries is OW",
              bytes: B.implicit(0x0028, 0x3002, [2, 0, 0, 0, 16, 0]) + B.implicit(0x0028, 0x3006, [1, 0, 2, 0]),
              tag: Tag(0x0028, 0x3006), vr: .OW),
        .init(name: "unknown private is UN", bytes: B.implicit(0x0009, 0x1001, [1, 2, 3]), tag: Tag(0x0009, 0x1001), vr: .UN),
        .init(name: "private creator is LO", bytes: B.implicit(0x0009, 0x0010, B.ascii("ACME")), tag: Tag(0x0009, 0x0010), vr: .LO),
        .init(name: "US of odd length kept as UN", bytes: B.implicit(0x0028, 0x0010, [1, 2, 3]), tag: Tag(0x0028, 0x0010), vr: .UN),
    ]

    @Test(arguments: implicitCases) func implicitVRIsSettled(_ c: ImplicitCase) throws {
        let ds = try DataSet(decoding: c.bytes, transferSyntax: .implicitVRLittleEndian)
        #expect(ds[c.tag]?.vr == c.vr)
        #expect(try ds.encoded(transferSyntax: .implicitVRLittleEndian) == c.bytes)
    }

    /// Pixel Representation set at the top level decides "US or SS" inside items too.
    @Test func pixelRepresentationReachesIntoItems() throws {
        let item = B.implicit(0x0028, 0x0106, [0xFF, 0xFF])
        let bytes = Self.pixelRepresentation1 + B.implicit(0x5200, 0x9230, length: UInt32(item.count + 8))
            + B.item(length: UInt32(item.count)) + item
        let ds = try DataSet(decoding: bytes, transferSyntax: .implicitVRLittleEndian)
        let nested = try #require(ds[Tag(0x5200, 0x9230)]?.sequence?.items.first?.dataSet)
        #expect(nested[Tag(0x0028, 0x0106)]?.vr == .SS)
    }

    @Test func groupLengthsAsReadRecalculatedOrRemoved() throws {
        var ds = DataSet()
        ds.setUInt32(Tag(0x0010, 0x0000), 999)
        ds.setString(.patientName, .PN, "A^B")
        ds.setString(.patientID, .LO, "12")
        let asRead = try ds.encoded(transferSyntax: .explicitVRLittleEndian)
        #expect(Array(asRead[8..<12]) == B.le32(999))
        let recalculated = try ds.encoded(transferSyntax: .explicitVRLittleEndian,
                                          options: DataSetEncodingOptions(groupLengths: .recalculated))
        #expect(Array(recalculated[8..<12]) == B.le32(12 + 10))
        let implicit = try ds.encoded(transferSyntax: .implicitVRLittleEndian,
                                      options: DataSetEncodingOptions(groupLengths: .recalculated))
        #expect(Array(implicit[8..<12]) == B.le32(12 + 10))
        let removed = try ds.encoded(transferSyntax: .explicitVRLittleEndian,
                                     options: DataSetEncodingOptions(groupLengths: .removed))
        #expect(removed == Array(asRead[12...]))
    }

    /// A value too long for a 16-bit length: OW where the dictionary allows it, UN otherwise (as DCMTK does).
    @Test func longValueOfAShortLengthVR() throws {
        var ds = DataSet()
        ds.set(DataElement(tag: Tag(0x0028, 0x3006), vr: .US, bytes: [UInt8](repeating: 1, count: 0x10000)))
        ds.set(DataElement(tag: Tag(0x0040, 0xA160), vr: .LT, bytes: [UInt8](repeating: 0x41, count: 0x10000)))
        let decoded = try DataSet(decoding: try ds.encoded(transferSyntax: .explicitVRLittleEndian), transferSyntax: .explicitVRLittleEndian)
        #expect(decoded[Tag(0x0028, 0x3006)]?.vr == .OW)
        #expect(decoded[Tag(0x0040, 0xA160)]?.vr == .UN)
        #expect(decoded[Tag(0x0040, 0xA160)]?.bytes == ds[Tag(0x0040, 0xA160)]?.bytes)
    }

    /// UN of undefined length holds Implicit VR Little Endian items (PS3.5 §6.2.2); kept so in
    /// little endian, written as SQ in big endian.
    @Test func unknownSequenceOfUndefinedLength() throws {
        let item = B.implicit(0x0009, 0x1002, B.ascii("AB"))
        let bytes = B.explicit(0x0009, 0x0010, .LO, B.ascii("ACME")) + B.explicit(0x0009, 0x1001, .UN, length: B.undefined)
            + B.item(length: B.undefined) + item + B.itemDelimiter + B.sequenceDelimiter
        let ds = try DataSet(decoding: bytes, transferSyntax: .explicitVRLittleEndian)
        #expect(ds[Tag(0x0009, 0x1001)]?.vr == .UN)
        #expect(ds[Tag(0x0009, 0x1001)]?.sequence?.items.first?.dataSet[Tag(0x0009, 0x1002)]?.bytes == B.ascii("AB"))
        #expect(try ds.encoded(transferSyntax: .explicitVRLittleEndian) == bytes)
        let big = try DataSet(decoding: try ds.encoded(transferSyntax: .explicitVRBigEndian), transferSyntax: .explicitVRBigEndian)
        #expect(big[Tag(0x0009, 0x1001)]?.vr == .SQ)
        #expect(big[Tag(0x0009, 0x1001)]?.sequence?.items.first?.dataSet[Tag(0x0009, 0x1002)]?.bytes == B.ascii("AB"))
    }

    /// A private sequence of undefined length read in explicit VR is written with defined
    /// lengths in implicit VR, where a reader without the private dictionary could not find its end.
    @Test func privateSequenceInImplicitVRGetsDefinedLengths() throws {
        var item = DataSet()
        item.setString(Tag(0x0009, 0x1002), .CS, "AB")
        var ds = DataSet()
        ds.setString(Tag(0x0009, 0x0010), .LO, "ACME")
        ds.set(DataElement(tag: Tag(0x0009, 0x1001), vr: .SQ, value: .sequence(ItemSequence(
            items: [SequenceItem(dataSet: item, hasUndefinedLength: true)], hasUndefinedLength: true))))
        let implicit = try ds.encoded(transferSyntax: .implicitVRLittleEndian)
        let expected = B.implicit(0x0009, 0x0010, B.ascii("ACME")) + B.implicit(0x0009, 0x1001, length: 18)
            + B.item(length: 10) + B.implicit(0x0009, 0x1002, B.ascii("AB"))
        #expect(implicit == expected)
    }

    @Test func encapsulatedPixelDataKeepsOffsetTableAndFragments() throws {
        let bytes = B.explicit(0x0028, 0x0010, .US, [2, 0]) + B.explicit(0x7FE0, 0x0010, .OB, length: B.undefined)
            + B.item(length: 4) + B.le32(0) + B.item(length: 3) + [0xFF, 0xD8, 0xFF] + B.item(length: 2) + [0xFF, 0xD9]
            + B.sequenceDelimiter
        let ds = try DataSet(decoding: bytes, transferSyntax: .jpegBaseline)
        #expect(ds[.pixelData]?.value == .encapsulated(EncapsulatedPixelData(basicOffsetTable: [0, 0, 0, 0],
                                                                            fragments: [[0xFF, 0xD8, 0xFF], [0xFF, 0xD9]])))
        #expect(try ds.encoded(transferSyntax: .jpegBaseline) == bytes)
    }

    /// A DIMSE command set (PS3.7 §9.3.5, C-ECHO-RQ) is the same codec in Implicit VR Little Endian.
    @Test func commandSetRoundTrips() throws {
        let command = B.implicit(0x0000, 0x0000, B.le32(56)) + B.implicit(0x0000, 0x0002, B.ascii("1.2.840.10008.1.1\0"))
            + B.implicit(0x0000, 0x0100, B.le16(0x0030)) + B.implicit(0x0000, 0x0110, B.le16(1))
            + B.implicit(0x0000, 0x0800, B.le16(0x0101))
        let ds = try DataSet(decoding: command, transferSyntax: .implicitVRLittleEndian)
        #expect(ds.uint16(Tag(0x0000, 0x0100)) == 0x0030)
        #expect(ds[Tag(0x0000, 0x0002)]?.vr == .UI)
        #expect(try ds.encoded(transferSyntax: .implicitVRLittleEndian, options: .init(groupLengths: .recalculated)) == command)
    }
}
