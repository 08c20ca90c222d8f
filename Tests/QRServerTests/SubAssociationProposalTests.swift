import DICOM
import QRServer
import Testing

/// The uncompressed context of a C-MOVE sub-association follows the `-x…` options (spec §1.2, §7.4).
@Test(arguments: [
    (TransferSyntaxPreference.uncompressed, ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2"]),
    (.explicitLittleEndian, ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2"]),
    (.explicitBigEndian, ["1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2"]),
    (.implicitLittleEndianOnly, ["1.2.840.10008.1.2"]),
    (.deflatedExplicitLittleEndian, ["1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2"]),
    (.jpegBaseline, ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2"]),
])
func uncompressedProposal(preference: TransferSyntaxPreference, expected: [String]) {
    #expect(preference.subAssociationUncompressedProposal == expected)
}
