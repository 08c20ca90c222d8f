/// The transfer syntaxes of PS3.6 Table A-1 that a Storage SCP may meet on an
/// association or in a file. Names are DCMTK's (`dcxfer.cc`) where DCMTK 3.6.7
/// has one, the standard's otherwise. Left out: RFC 2557 MIME Encapsulation
/// (1.2.840.10008.1.2.6.1) and XML Encoding (…1.2.6.2), which are not DIMSE
/// transfer syntaxes, and the SMPTE ST 2110 syntaxes (…1.2.7.x), which are for
/// DICOM-RTV streams only (PS3.34).
extension TransferSyntax {
    // PS3.5 §A.1–§A.5: the native and deflated syntaxes.
    package static let implicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2", name: "Little Endian Implicit", isExplicitVR: false)
    package static let explicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1", name: "Little Endian Explicit")
    package static let encapsulatedUncompressedExplicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1.98", name: "Encapsulated Uncompressed Explicit VR Little Endian", isEncapsulated: true)
    package static let deflatedExplicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1.99", name: "Deflated Explicit VR Little Endian", isDeflated: true)
    package static let explicitVRBigEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.2", name: "Big Endian Explicit", isBigEndian: true, isRetired: true)
    /// Papyrus 3 Implicit VR Little Endian (retired), encoded as Implicit VR Little Endian.
    package static let papyrus3ImplicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.20", name: "Papyrus 3 Implicit VR Little Endian", isExplicitVR: false, isRetired: true)

    // PS3.5 §A.4: encapsulated pixel data.
    package static let jpegBaseline = encapsulated("1.2.840.10008.1.2.4.50", "JPEG Baseline")
    package static let jpegExtended = encapsulated("1.2.840.10008.1.2.4.51", "JPEG Extended, Process 2+4")
    package static let jpegLossless = encapsulated("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-hierarchical, Process 14")
    package static let jpegLosslessSV1 = encapsulated(
        "1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-hierarchical, 1st Order Prediction")
    package static let jpegLSLossless = encapsulated("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless")
    package static let jpegLSNearLossless = encapsulated("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-lossless)")
    package static let jpeg2000Lossless = encapsulated("1.2.840.10008.1.2.4.90", "JPEG 2000 (Lossless only)")
    package static let jpeg2000 = encapsulated("1.2.840.10008.1.2.4.91", "JPEG 2000 (Lossless or Lossy)")
    package static let rleLossless = encapsulated("1.2.840.10008.1.2.5", "RLE Lossless")
    /// JPIP Referenced (PS3.5 §A.6): Explicit VR Little Endian, pixel data by reference, none in the data set.
    package static let jpipReferenced = TransferSyntax(uid: "1.2.840.10008.1.2.4.94", name: "JPIP Referenced")
    package static let jpipReferencedDeflate = TransferSyntax(
        uid: "1.2.840.10008.1.2.4.95", name: "JPIP Referenced Deflate", isDeflated: true)

    /// Every syntax of the table, in PS3.6 Table A-1 order.
    package static let all: [TransferSyntax] = [
        implicitVRLittleEndian, explicitVRLittleEndian, encapsulatedUncompressedExplicitVRLittleEndian,
        deflatedExplicitVRLittleEndian, explicitVRBigEndian,
        jpegBaseline, jpegExtended,
        encapsulated("1.2.840.10008.1.2.4.52", "JPEG Extended, Process 3+5", retired: true),
        encapsulated("1.2.840.10008.1.2.4.53", "JPEG Spectral Selection, Non-hierarchical, Process 6+8", retired: true),
        encapsulated("1.2.840.10008.1.2.4.54", "JPEG Spectral Selection, Non-hierarchical, Process 7+9", retired: true),
        encapsulated("1.2.840.10008.1.2.4.55", "JPEG Full Progression, Non-hierarchical, Process 10+12", retired: true),
        encapsulated("1.2.840.10008.1.2.4.56", "JPEG Full Progression, Non-hierarchical, Process 11+13", retired: true),
        jpegLossless,
        encapsulated("1.2.840.10008.1.2.4.58", "JPEG Lossless, Non-hierarchical, Process 15", retired: true),
        encapsulated("1.2.840.10008.1.2.4.59", "JPEG Extended, Hierarchical, Process 16+18", retired: true),
        encapsulated("1.2.840.10008.1.2.4.60", "JPEG Extended, Hierarchical, Process 17+19", retired: true),
        encapsulated("1.2.840.10008.1.2.4.61", "JPEG Spectral Selection, Hierarchical, Process 20+22", retired: true),
        encapsulated("1.2.840.10008.1.2.4.62", "JPEG Spectral Selection, Hierarchical, Process 21+23", retired: true),
        encapsulated("1.2.840.10008.1.2.4.63", "JPEG Full Progression, Hierarchical, Process 24+26", retired: true),
        encapsulated("1.2.840.10008.1.2.4.64", "JPEG Full Progression, Hierarchical, Process 25+27", retired: true),
        encapsulated("1.2.840.10008.1.2.4.65", "JPEG Lossless, Hierarchical, Process 28", retired: true),
        encapsulated("1.2.840.10008.1.2.4.66", "JPEG Lossless, Hierarchical, Process 29", retired: true),
        jpegLosslessSV1, jpegLSLossless, jpegLSNearLossless, jpeg2000Lossless, jpeg2000,
        encapsulated("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multicomponent Image Compression (Lossless only)"),
        encapsulated("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multicomponent Image Compression (Lossless or Lossy)"),
        jpipReferenced, jpipReferencedDeflate,
        encapsulated("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile @ Main Level"),
        encapsulated("1.2.840.10008.1.2.4.100.1", "Fragmentable MPEG2 Main Profile @ Main Level"),
        encapsulated("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile @ High Level"),
        encapsulated("1.2.840.10008.1.2.4.101.1", "Fragmentable MPEG2 Main Profile @ High Level"),
        encapsulated("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1"),
        encapsulated("1.2.840.10008.1.2.4.102.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1"),
        encapsulated("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1"),
        encapsulated("1.2.840.10008.1.2.4.103.1", "Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1"),
        encapsulated("1.2.840.10008.1.2.4.104", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video"),
        encapsulated("1.2.840.10008.1.2.4.104.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video"),
        encapsulated("1.2.840.10008.1.2.4.105", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video"),
        encapsulated("1.2.840.10008.1.2.4.105.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video"),
        encapsulated("1.2.840.10008.1.2.4.106", "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2"),
        encapsulated("1.2.840.10008.1.2.4.106.1", "Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2"),
        encapsulated("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1"),
        encapsulated("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1"),
        encapsulated("1.2.840.10008.1.2.4.110", "JPEG XL Lossless"),
        encapsulated("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression"),
        encapsulated("1.2.840.10008.1.2.4.112", "JPEG XL"),
        encapsulated("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)"),
        encapsulated("1.2.840.10008.1.2.4.202",
                     "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)"),
        encapsulated("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression"),
        TransferSyntax(uid: "1.2.840.10008.1.2.4.204", name: "JPIP HTJ2K Referenced"),
        TransferSyntax(uid: "1.2.840.10008.1.2.4.205", name: "JPIP HTJ2K Referenced Deflate", isDeflated: true),
        rleLossless,
        encapsulated("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression"),
        papyrus3ImplicitVRLittleEndian,
    ]

    private static func encapsulated(_ uid: String, _ name: String, retired: Bool = false) -> TransferSyntax {
        TransferSyntax(uid: uid, name: name, isEncapsulated: true, isRetired: retired)
    }
}
