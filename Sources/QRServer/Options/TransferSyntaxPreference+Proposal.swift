import DICOM

extension TransferSyntaxPreference {
    /// The syntaxes of the uncompressed context a C-MOVE sub-association proposes for
    /// each SOP class (`StoragePresentationContextProposal`), from the `-x…` option.
    ///
    /// As dcmqrscp orders its proposal (dcmqrcbm.cc): `-x=` explicit VR in the local
    /// byte order, then the other explicit one, then implicit; `-xe` little endian
    /// explicit first, `-xb` big endian explicit first; `-xi` implicit only; `-xd`
    /// deflated in front. A compressed `-x…` syntax is left out here: Quarry cannot
    /// compress, and objects stored compressed get a context with their own syntax.
    package var subAssociationUncompressedProposal: [String] {
        let little = TransferSyntax.explicitVRLittleEndian.uid, big = TransferSyntax.explicitVRBigEndian.uid
        let implicit = TransferSyntax.implicitVRLittleEndian.uid
        let localFirst = Self.isLittleEndianHost ? [little, big, implicit] : [big, little, implicit]
        switch self {
        case .uncompressed, .acceptAll: return localFirst
        case .explicitLittleEndian: return [little, big, implicit]
        case .explicitBigEndian: return [big, little, implicit]
        case .implicitLittleEndianOnly: return [implicit]
        case .deflatedExplicitLittleEndian: return [TransferSyntax.deflatedExplicitVRLittleEndian.uid] + localFirst
        default: return localFirst
        }
    }

    private static var isLittleEndianHost: Bool { UInt16(1).littleEndian == 1 }
}
