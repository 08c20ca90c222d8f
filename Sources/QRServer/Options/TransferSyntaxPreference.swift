/// dcmqrscp's transfer syntax preference options: `+x…` for the contexts it
/// accepts, `-x…` for those it proposes in C-MOVE sub-associations
/// (spec §3.4, §7.4). UIDs from PS3.6 Annex A.
package enum TransferSyntaxPreference: Sendable, Equatable, CaseIterable {
    /// `+x=` / `-x=`: explicit VR local byte order first, then the other uncompressed syntaxes.
    case uncompressed
    /// `+xe` / `-xe`
    case explicitLittleEndian
    /// `+xb` / `-xb`
    case explicitBigEndian
    /// `+xi` / `-xi`: implicit VR little endian only.
    case implicitLittleEndianOnly
    /// `+xs` / `-xs`: JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 SV1).
    case jpegLossless
    /// `+xy` / `-xy`: JPEG Baseline (Process 1), 8 bit.
    case jpegBaseline
    /// `+xx` / `-xx`: JPEG Extended (Process 2 & 4), 12 bit.
    case jpegExtended
    /// `+xv` / `-xv`
    case jpeg2000Lossless
    /// `+xw` / `-xw`
    case jpeg2000
    /// `+xt` / `-xt`
    case jpegLSLossless
    /// `+xu` / `-xu`
    case jpegLSNearLossless
    /// `+xm` / `-xm`
    case mpeg2MainProfileMainLevel
    /// `+xh` / `-xh`
    case mpeg2MainProfileHighLevel
    /// `+xn` / `-xn`
    case mpeg4HighProfileLevel41
    /// `+xl` / `-xl`
    case mpeg4BDCompatibleHighProfileLevel41
    /// `+x2` / `-x2`
    case mpeg4HighProfileLevel42For2DVideo
    /// `+x3` / `-x3`
    case mpeg4HighProfileLevel42For3DVideo
    /// `+xo` / `-xo`
    case mpeg4StereoHighProfileLevel42
    /// `+x4` / `-x4`
    case hevcMainProfileLevel51
    /// `+x5` / `-x5`
    case hevcMain10ProfileLevel51
    /// `+xr` / `-xr`
    case rleLossless
    /// `+xd` / `-xd`
    case deflatedExplicitLittleEndian
    /// `+xa` (Quarry, as DCMTK's storescp spells it; accepted contexts only):
    /// accept every transfer syntax proposed and store objects as received.
    case acceptAll

    /// The transfer syntax this preference puts first; nil for `uncompressed`
    /// (local byte order, decided at run time) and `acceptAll`.
    package var preferredTransferSyntaxUID: String? {
        switch self {
        case .uncompressed, .acceptAll: nil
        case .explicitLittleEndian: "1.2.840.10008.1.2.1"
        case .explicitBigEndian: "1.2.840.10008.1.2.2"
        case .implicitLittleEndianOnly: "1.2.840.10008.1.2"
        case .jpegLossless: "1.2.840.10008.1.2.4.70"
        case .jpegBaseline: "1.2.840.10008.1.2.4.50"
        case .jpegExtended: "1.2.840.10008.1.2.4.51"
        case .jpeg2000Lossless: "1.2.840.10008.1.2.4.90"
        case .jpeg2000: "1.2.840.10008.1.2.4.91"
        case .jpegLSLossless: "1.2.840.10008.1.2.4.80"
        case .jpegLSNearLossless: "1.2.840.10008.1.2.4.81"
        case .mpeg2MainProfileMainLevel: "1.2.840.10008.1.2.4.100"
        case .mpeg2MainProfileHighLevel: "1.2.840.10008.1.2.4.101"
        case .mpeg4HighProfileLevel41: "1.2.840.10008.1.2.4.102"
        case .mpeg4BDCompatibleHighProfileLevel41: "1.2.840.10008.1.2.4.103"
        case .mpeg4HighProfileLevel42For2DVideo: "1.2.840.10008.1.2.4.104"
        case .mpeg4HighProfileLevel42For3DVideo: "1.2.840.10008.1.2.4.105"
        case .mpeg4StereoHighProfileLevel42: "1.2.840.10008.1.2.4.106"
        case .hevcMainProfileLevel51: "1.2.840.10008.1.2.4.107"
        case .hevcMain10ProfileLevel51: "1.2.840.10008.1.2.4.108"
        case .rleLossless: "1.2.840.10008.1.2.5"
        case .deflatedExplicitLittleEndian: "1.2.840.10008.1.2.1.99"
        }
    }

    /// Whether the preferred syntax is a compressed (encapsulated) one, which
    /// rules out writing received objects in another syntax (`+te` with `+xs`).
    package var prefersCompressed: Bool {
        switch self {
        case .uncompressed, .explicitLittleEndian, .explicitBigEndian, .implicitLittleEndianOnly,
             .deflatedExplicitLittleEndian, .acceptAll: false
        default: true
        }
    }
}
