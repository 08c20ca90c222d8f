import DICOM
import Testing

struct TransferSyntaxCase: Sendable, CustomStringConvertible {
    var uid: String, name: String, explicitVR: Bool, bigEndian: Bool, deflated: Bool, encapsulated: Bool
    var description: String { uid }
}

@Suite struct TransferSyntaxTests {
    static let cases: [TransferSyntaxCase] = [
        .init(uid: "1.2.840.10008.1.2", name: "Little Endian Implicit",
              explicitVR: false, bigEndian: false, deflated: false, encapsulated: false),
        .init(uid: "1.2.840.10008.1.2.1", name: "Little Endian Explicit",
              explicitVR: true, bigEndian: false, deflated: false, encapsulated: false),
        .init(uid: "1.2.840.10008.1.2.2", name: "Big Endian Explicit",
              explicitVR: true, bigEndian: true, deflated: false, encapsulated: false),
        .init(uid: "1.2.840.10008.1.2.1.99", name: "Deflated Explicit VR Little Endian",
              explicitVR: true, bigEndian: false, deflated: true, encapsulated: false),
        .init(uid: "1.2.840.10008.1.2.1.98", name: "Encapsulated Uncompressed Explicit VR Little Endian",
              explicitVR: true, bigEndian: false, deflated: false, encapsulated: true),
        .init(uid: "1.2.840.10008.1.2.4.50", name: "JPEG Baseline",
              explicitVR: true, bigEndian: false, deflated: false, encapsulated: true),
        .init(uid: "1.2.840.10008.1.2.4.70", name: "JPEG Lossless, Non-hierarchical, 1st Order Prediction",
              explicitVR: true, bigEndian: false, deflated: false, encapsulated: true),
        .init(uid: "1.2.840.10008.1.2.4.80", name: "JPEG-LS Lossless",
              explicitVR: true, bigEndian: false, deflated: false, encapsulated: true),
        .init(uid: "1.2.840.10008.1.2.4.91", name: "JPEG 2000 (Lossless or Lossy)",
              explicitVR: true, bigEndian: false, deflated: false, encapsulated: true),
        .init(uid: "1.2.840.10008.1.2.4.95", name: "JPIP Referenced Deflate",
              explicitVR: true, bigEndian: false, deflated: true, encapsulated: false),
        .init(uid: "1.2.840.10008.1.2.4.107", name: "HEVC/H.265 Main Profile / Level 5.1",
              explicitVR: true, bigEndian: false, deflated: false, encapsulated: true),
        .init(uid: "1.2.840.10008.1.2.4.201", name: "High-Throughput JPEG 2000 Image Compression (Lossless Only)",
              explicitVR: true, bigEndian: false, deflated: false, encapsulated: true),
        .init(uid: "1.2.840.10008.1.2.5", name: "RLE Lossless",
              explicitVR: true, bigEndian: false, deflated: false, encapsulated: true),
    ]

    @Test(arguments: cases) func lookupByUID(_ c: TransferSyntaxCase) throws {
        let syntax = try #require(TransferSyntax(uid: c.uid))
        #expect(syntax.uid == c.uid)
        #expect(syntax.name == c.name)
        #expect(syntax.isExplicitVR == c.explicitVR)
        #expect(syntax.isBigEndian == c.bigEndian)
        #expect(syntax.isDeflated == c.deflated)
        #expect(syntax.isEncapsulated == c.encapsulated)
    }

    /// UI values are padded to even length with NUL (PS3.5 §9.1).
    @Test func paddedUIDFindsTheSyntax() {
        #expect(TransferSyntax(uid: "1.2.840.10008.1.2\0") == .implicitVRLittleEndian)
    }

    @Test(arguments: ["1.2.840.10008.1.2.4.999", "1.2.3", "", "1.2.840.10008.1.2.6.1"])
    func unknownUIDIsNil(_ uid: String) {
        #expect(TransferSyntax(uid: uid) == nil)
    }

    @Test func tableHasUniqueUIDsAndOnlyTheNativeSyntaxesAreUncompressed() {
        #expect(Set(TransferSyntax.all.map(\.uid)).count == TransferSyntax.all.count)
        #expect(TransferSyntax.all.count == 58)
        let native = Set(TransferSyntax.all.filter(\.isUncompressed).map(\.uid))
        #expect(native == ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.20"])
    }
}
