import DICOM

extension TransferSyntaxPreference {
    static let implicitVRLittleEndian = "1.2.840.10008.1.2"
    static let explicitVRLittleEndian = "1.2.840.10008.1.2.1"
    static let explicitVRBigEndian = "1.2.840.10008.1.2.2"

    /// The transfer syntaxes an accepted presentation context may use, most
    /// wanted first, as dcmqrscp's `negotiateAssociation` lists them for its
    /// `+x…` options (spec §3.4): `+x=` explicit VR in the host's byte order,
    /// then the other explicit, then implicit; `+xb` big endian first; `+xi`
    /// implicit only; a compressed or deflated `--prefer-…` puts its syntax
    /// in front of ELE > EBE > ILE. The requestor's proposal order never
    /// matters. nil for `+xa`: every standard transfer syntax the requestor
    /// proposes is acceptable, in its order (`acceptAllChoice`).
    package var acceptedTransferSyntaxUIDs: [String]? {
        let little = Self.explicitVRLittleEndian, big = Self.explicitVRBigEndian, implicit = Self.implicitVRLittleEndian
        switch self {
        case .acceptAll:
            return nil
        case .uncompressed:
            let hostIsLittleEndian = 1.littleEndian == 1
            return hostIsLittleEndian ? [little, big, implicit] : [big, little, implicit]
        case .explicitLittleEndian:
            return [little, big, implicit]
        case .explicitBigEndian:
            return [big, little, implicit]
        case .implicitLittleEndianOnly:
            return [implicit]
        default:
            return (preferredTransferSyntaxUID.map { [$0] } ?? []) + [little, big, implicit]
        }
    }

    /// The transfer syntax to accept from `proposed` under this preference;
    /// nil when none is acceptable.
    package func choose(from proposed: [String]) -> String? {
        guard let preference = acceptedTransferSyntaxUIDs else { return Self.acceptAllChoice(proposed) }
        return preference.first { proposed.contains($0) }
    }

    /// `+xa`: the first syntax proposed that PS3.5 defines for a DIMSE data
    /// set (private syntaxes and pixel data by reference are not accepted:
    /// nothing could read what arrives in them).
    static func acceptAllChoice(_ proposed: [String]) -> String? {
        proposed.first { uid in
            guard let syntax = TransferSyntax(uid: uid) else { return false }
            return !syntax.isPixelDataReferenced
        }
    }
}
