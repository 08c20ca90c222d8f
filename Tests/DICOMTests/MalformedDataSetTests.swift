import DICOM
import Testing

/// A malformed input and the error it must give.
struct MalformedCase: Sendable, CustomStringConvertible {
    var name: String
    var syntax: TransferSyntax
    var bytes: [UInt8]
    var reason: DICOMParseError.Reason
    var tag: Tag?
    var offset: Int
    var description: String { name }

    /// What the streaming reader gives: the same, except that a length past the
    /// end of the data (not of an enclosing item) is a truncation, since a
    /// stream cannot know how much remains.
    var streamedReason: DICOMParseError.Reason {
        if case .lengthPastEnd(let length, let available) = reason, tag != sq {
            return .truncated(needed: Int(length) - available)
        }
        return reason
    }
}

private let sq = Tag(0x0008, 0x1140)

@Suite struct MalformedDataSetTests {
    typealias B = Bytes
    static let patientName = B.explicit(0x0010, 0x0010, .PN, B.ascii("DOE^J "))   // 14 bytes

    static let cases: [MalformedCase] = [
        MalformedCase(name: "tag cut short", syntax: .explicitVRLittleEndian, bytes: [0x08, 0x00, 0x20],
                      reason: .truncated(needed: 1), tag: nil, offset: 0),
        MalformedCase(name: "header cut inside the VR", syntax: .explicitVRLittleEndian,
                      bytes: patientName + [0x10, 0x00, 0x20, 0x00, 0x4C],
                      reason: .truncated(needed: 1), tag: .patientID, offset: 14),
        MalformedCase(name: "long header cut inside the length", syntax: .explicitVRLittleEndian,
                      bytes: Array(B.explicit(0x0008, 0x0018, .UN, length: 4).prefix(9)),
                      reason: .truncated(needed: 3), tag: .sopInstanceUID, offset: 0),
        MalformedCase(name: "value length past the end", syntax: .explicitVRLittleEndian,
                      bytes: B.explicit(0x0010, 0x0020, .LO, length: 8) + B.ascii("AB"),
                      reason: .lengthPastEnd(length: 8, available: 2), tag: .patientID, offset: 0),
        MalformedCase(name: "implicit VR value length past the end", syntax: .implicitVRLittleEndian,
                      bytes: B.implicit(0x0010, 0x0010, B.ascii("AB")) + B.implicit(0x0010, 0x0020, length: 8) + B.ascii("AB"),
                      reason: .lengthPastEnd(length: 8, available: 2), tag: .patientID, offset: 10),
        MalformedCase(name: "a 2 GiB length in a few bytes", syntax: .explicitVRLittleEndian,
                      bytes: B.explicit(0x7FE0, 0x0010, .OB, length: 0x7FFF_FFFF) + [1, 2],
                      reason: .lengthPastEnd(length: 0x7FFF_FFFF, available: 2), tag: .pixelData, offset: 0),
        MalformedCase(name: "odd length for US", syntax: .explicitVRLittleEndian,
                      bytes: B.explicit(0x0028, 0x0010, .US, [1, 0, 2]),
                      reason: .invalidLength(vr: .US, length: 3), tag: Tag(0x0028, 0x0010), offset: 0),
        MalformedCase(name: "odd length for OW", syntax: .explicitVRLittleEndian,
                      bytes: B.explicit(0x7FE0, 0x0010, .OW, [1, 0, 2]),
                      reason: .invalidLength(vr: .OW, length: 3), tag: .pixelData, offset: 0),
        MalformedCase(name: "UL of 6 bytes", syntax: .explicitVRBigEndian,
                      bytes: [0x00, 0x08, 0x00, 0x00, 0x55, 0x4C, 0x00, 0x06, 0, 0, 0, 0, 0, 0],
                      reason: .invalidLength(vr: .UL, length: 6), tag: Tag(0x0008, 0x0000), offset: 0),
        MalformedCase(name: "undefined length on UT", syntax: .explicitVRLittleEndian,
                      bytes: B.explicit(0x0008, 0x0119, .UT, length: B.undefined),
                      reason: .undefinedLengthNotAllowed(vr: .UT), tag: Tag(0x0008, 0x0119), offset: 0),
        MalformedCase(name: "undefined length on a PN in implicit VR", syntax: .implicitVRLittleEndian,
                      bytes: B.implicit(0x0010, 0x0010, length: B.undefined),
                      reason: .undefinedLengthNotAllowed(vr: .PN), tag: .patientName, offset: 0),
        MalformedCase(name: "item at top level", syntax: .explicitVRLittleEndian,
                      bytes: patientName + B.item(length: 0),
                      reason: .misplacedDelimiter(.item), tag: .item, offset: 14),
        MalformedCase(name: "sequence delimiter at top level", syntax: .implicitVRLittleEndian,
                      bytes: B.sequenceDelimiter,
                      reason: .misplacedDelimiter(.sequenceDelimitationItem), tag: .sequenceDelimitationItem, offset: 0),
        MalformedCase(name: "element cut by the end of its item", syntax: .explicitVRLittleEndian,
                      bytes: B.explicit(0x0008, 0x1140, .SQ, length: 24) + B.item(length: 16) + patientName + [0, 0],
                      reason: .truncated(needed: 2), tag: nil, offset: 34),
        MalformedCase(name: "item delimiter ending a defined-length item", syntax: .explicitVRLittleEndian,
                      bytes: B.explicit(0x0008, 0x1140, .SQ, length: 16) + B.item(length: 8) + B.itemDelimiter,
                      reason: .misplacedDelimiter(.itemDelimitationItem), tag: .itemDelimitationItem, offset: 20),
        MalformedCase(name: "sequence delimiter in a defined-length sequence", syntax: .explicitVRLittleEndian,
                      bytes: B.explicit(0x0008, 0x1140, .SQ, length: 8) + B.sequenceDelimiter,
                      reason: .misplacedDelimiter(.sequenceDelimitationItem), tag: sq, offset: 12),
        MalformedCase(name: "an element where an item must be", syntax: .explicitVRLittleEndian,
                      bytes: B.explicit(0x0008, 0x1140, .SQ, length: B.undefined) + patientName,
                      reason: .itemExpected(found: .patientName), tag: sq, offset: 12),
        MalformedCase(name: "item longer than its sequence", syntax: .explicitVRLittleEndian,
                      bytes: B.explicit(0x0008, 0x1140, .SQ, length: 8) + B.item(length: 100) + [UInt8](repeating: 0, count: 100),
                      reason: .lengthPastEnd(length: 100, available: 0), tag: sq, offset: 12),
        MalformedCase(name: "sequence without its delimiter", syntax: .implicitVRLittleEndian,
                      bytes: B.implicit(0x0008, 0x1140, length: B.undefined) + B.item(length: 0),
                      reason: .truncated(needed: 8), tag: sq, offset: 16),
        MalformedCase(name: "item without its delimiter", syntax: .explicitVRLittleEndian,
                      bytes: B.explicit(0x0008, 0x1140, .SQ, length: B.undefined) + B.item(length: B.undefined) + patientName,
                      reason: .truncated(needed: 8), tag: sq, offset: 34),
        MalformedCase(name: "element in encapsulated pixel data", syntax: .jpegBaseline,
                      bytes: B.explicit(0x7FE0, 0x0010, .OB, length: B.undefined) + B.item(length: 0) + patientName,
                      reason: .itemExpected(found: .patientName), tag: .pixelData, offset: 20),
        MalformedCase(name: "fragment of undefined length", syntax: .jpegBaseline,
                      bytes: B.explicit(0x7FE0, 0x0010, .OB, length: B.undefined) + B.item(length: B.undefined),
                      reason: .undefinedLengthNotAllowed(vr: .OB), tag: .pixelData, offset: 12),
        MalformedCase(name: "VR bytes that name no VR", syntax: .explicitVRLittleEndian,
                      bytes: patientName + B.tag(0x0010, 0x0020) + [0x5A, 0x5A, 0x02, 0x00, 0x41, 0x42],
                      reason: .unknownVR(0x5A, 0x5A), tag: .patientID, offset: 14),
        MalformedCase(name: "nesting deeper than 64 items", syntax: .explicitVRLittleEndian,
                      bytes: nested(65), reason: .nestingTooDeep(limit: 64), tag: sq, offset: 64 * 20 + 12),
    ]

    /// `depth` sequences of undefined length, each in an item of the one before.
    static func nested(_ depth: Int) -> [UInt8] {
        let open = B.explicit(0x0008, 0x1140, .SQ, length: B.undefined) + B.item(length: B.undefined)
        let close = B.itemDelimiter + B.sequenceDelimiter
        return Array([[UInt8]](repeating: open, count: depth).joined()) + Array([[UInt8]](repeating: close, count: depth).joined())
    }

    @Test(arguments: cases) func malformedInputGivesItsError(_ c: MalformedCase) {
        let error = #expect(throws: DICOMParseError.self) { try DataSet(decoding: c.bytes, transferSyntax: c.syntax) }
        #expect(error?.reason == c.reason)
        #expect(error?.tag == c.tag)
        #expect(error?.offset == c.offset)
    }

    /// The same inputs through the streaming reader, one byte at a time: the
    /// same reasons (lengths past the end become truncations: a stream cannot
    /// know its remaining length).
    @Test(arguments: cases) func malformedInputStreamedGivesItsError(_ c: MalformedCase) {
        let error = #expect(throws: DICOMParseError.self) {
            var reader = try DataSetStreamReader(dataSet: MemoryByteSource(c.bytes), transferSyntax: c.syntax,
                                                 chunkSize: 1, maximumValueLength: .max)
            _ = try reader.readDataSet(stoppingBefore: nil)
        }
        #expect(error?.reason == c.streamedReason)
        #expect(error?.tag == c.tag)
        #expect(error?.offset == c.offset)
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let dataSet = try DataSet(decoding: Self.nested(64), transferSyntax: .explicitVRLittleEndian)
        #expect(try dataSet.encoded(transferSyntax: .explicitVRLittleEndian) == Self.nested(64))
    }

    @Test func offsetsCountFromTheBaseOffset() {
        let error = #expect(throws: DICOMParseError.self) {
            try DataSet(decoding: B.explicit(0x0010, 0x0020, .LO, length: 8), transferSyntax: .explicitVRLittleEndian,
                        baseOffset: 1000)
        }
        #expect(error?.offset == 1000)
        #expect(error?.description == "at offset 1000 in PatientID (0010,0020): length 8 larger than the 0 bytes remaining")
    }

    @Test func deflatedGarbageDoesNotInflate() {
        let error = #expect(throws: DICOMParseError.self) {
            try DataSet(decoding: [0xFF, 0xFF, 0xFF, 0xFF], transferSyntax: .deflatedExplicitVRLittleEndian)
        }
        guard case .inflate = error?.reason else { Issue.record("\(String(describing: error))"); return }
    }

    @Test(arguments: [
        ([UInt8](repeating: 0, count: 128) + B.ascii("DICM"), DICOMParseError.Reason.invalidFileMetaInformation("no elements after the DICM prefix")),
        (B.tag(0xFFFE, 0xE000) + B.le32(0) + [1, 2, 3, 4], .notRecognized),
        ([0x01, 0x02, 0x03], .notRecognized),
    ]) func unrecognisableFilesAreRefused(bytes: [UInt8], reason: DICOMParseError.Reason) {
        let error = #expect(throws: DICOMParseError.self) { try DICOMFile(reading: bytes) }
        #expect(error?.reason == reason)
    }
}
