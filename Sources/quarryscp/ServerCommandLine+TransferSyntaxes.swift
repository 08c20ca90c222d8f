import QRServer

/// The transfer syntax preference options, in dcmqrscp's `--help` order.
extension ServerCommandLine {
    struct TransferSyntaxOption {
        var longName: String
        var shortName: String
        var help: String
        var preference: TransferSyntaxPreference
    }

    /// `+x…`: preferred network transfer syntaxes (incoming associations).
    static let preferOptions: [TransferSyntaxOption] = [
        .init(longName: "--prefer-uncompr", shortName: "+x=", help: "prefer explicit VR local byte order (default)", preference: .uncompressed),
        .init(longName: "--prefer-little", shortName: "+xe", help: "prefer explicit VR little endian TS", preference: .explicitLittleEndian),
        .init(longName: "--prefer-big", shortName: "+xb", help: "prefer explicit VR big endian TS", preference: .explicitBigEndian),
        .init(longName: "--prefer-lossless", shortName: "+xs", help: "prefer default JPEG lossless TS", preference: .jpegLossless),
        .init(longName: "--prefer-jpeg8", shortName: "+xy", help: "prefer default JPEG lossy TS for 8 bit data", preference: .jpegBaseline),
        .init(longName: "--prefer-jpeg12", shortName: "+xx", help: "prefer default JPEG lossy TS for 12 bit data", preference: .jpegExtended),
        .init(longName: "--prefer-j2k-lossless", shortName: "+xv", help: "prefer JPEG 2000 lossless TS", preference: .jpeg2000Lossless),
        .init(longName: "--prefer-j2k-lossy", shortName: "+xw", help: "prefer JPEG 2000 lossy TS", preference: .jpeg2000),
        .init(longName: "--prefer-jls-lossless", shortName: "+xt", help: "prefer JPEG-LS lossless TS", preference: .jpegLSLossless),
        .init(longName: "--prefer-jls-lossy", shortName: "+xu", help: "prefer JPEG-LS lossy TS", preference: .jpegLSNearLossless),
        .init(longName: "--prefer-mpeg2", shortName: "+xm", help: "prefer MPEG2 Main Profile @ Main Level TS", preference: .mpeg2MainProfileMainLevel),
        .init(longName: "--prefer-mpeg2-high", shortName: "+xh", help: "prefer MPEG2 Main Profile @ High Level TS", preference: .mpeg2MainProfileHighLevel),
        .init(longName: "--prefer-mpeg4", shortName: "+xn", help: "prefer MPEG4 AVC/H.264 HP / Level 4.1 TS", preference: .mpeg4HighProfileLevel41),
        .init(longName: "--prefer-mpeg4-bd", shortName: "+xl", help: "prefer MPEG4 AVC/H.264 BD-compatible TS", preference: .mpeg4BDCompatibleHighProfileLevel41),
        .init(longName: "--prefer-mpeg4-2-2d", shortName: "+x2", help: "prefer MPEG4 AVC/H.264 HP / Level 4.2 TS (2D)", preference: .mpeg4HighProfileLevel42For2DVideo),
        .init(longName: "--prefer-mpeg4-2-3d", shortName: "+x3", help: "prefer MPEG4 AVC/H.264 HP / Level 4.2 TS (3D)", preference: .mpeg4HighProfileLevel42For3DVideo),
        .init(longName: "--prefer-mpeg4-2-st", shortName: "+xo", help: "prefer MPEG4 AVC/H.264 Stereo / Level 4.2 TS", preference: .mpeg4StereoHighProfileLevel42),
        .init(longName: "--prefer-hevc", shortName: "+x4", help: "prefer HEVC/H.265 Main Profile / Level 5.1 TS", preference: .hevcMainProfileLevel51),
        .init(longName: "--prefer-hevc10", shortName: "+x5", help: "prefer HEVC/H.265 Main 10 Profile / Level 5.1 TS", preference: .hevcMain10ProfileLevel51),
        .init(longName: "--prefer-rle", shortName: "+xr", help: "prefer RLE lossless TS", preference: .rleLossless),
        .init(longName: "--prefer-deflated", shortName: "+xd", help: "prefer deflated expl. VR little endian TS", preference: .deflatedExplicitLittleEndian),
        .init(longName: "--implicit", shortName: "+xi", help: "accept implicit VR little endian TS only", preference: .implicitLittleEndianOnly),
        .init(longName: "--accept-all", shortName: "+xa", help: "accept all transfer syntaxes and store objects\nas received (Quarry, as storescp's +xa)", preference: .acceptAll),
    ]

    /// `-x…`: proposed transmission transfer syntaxes (outgoing associations).
    static let proposeOptions: [TransferSyntaxOption] = [
        .init(longName: "--propose-uncompr", shortName: "-x=", help: "propose all uncompressed TS, explicit VR\nwith local byte ordering first (default)", preference: .uncompressed),
        .init(longName: "--propose-little", shortName: "-xe", help: "propose all uncompressed TS, explicit VR\nlittle endian first", preference: .explicitLittleEndian),
        .init(longName: "--propose-big", shortName: "-xb", help: "propose all uncompressed TS, explicit VR\nbig endian first", preference: .explicitBigEndian),
        .init(longName: "--propose-implicit", shortName: "-xi", help: "propose implicit VR little endian TS only", preference: .implicitLittleEndianOnly),
        .init(longName: "--propose-lossless", shortName: "-xs", help: "propose default JPEG lossless TS\nand all uncompressed transfer syntaxes", preference: .jpegLossless),
        .init(longName: "--propose-jpeg8", shortName: "-xy", help: "propose default JPEG lossy TS for 8 bit data\nand all uncompressed transfer syntaxes", preference: .jpegBaseline),
        .init(longName: "--propose-jpeg12", shortName: "-xx", help: "propose default JPEG lossy TS for 12 bit data\nand all uncompressed transfer syntaxes", preference: .jpegExtended),
        .init(longName: "--propose-j2k-lossless", shortName: "-xv", help: "propose JPEG 2000 lossless TS\nand all uncompressed transfer syntaxes", preference: .jpeg2000Lossless),
        .init(longName: "--propose-j2k-lossy", shortName: "-xw", help: "propose JPEG 2000 lossy TS\nand all uncompressed transfer syntaxes", preference: .jpeg2000),
        .init(longName: "--propose-jls-lossless", shortName: "-xt", help: "propose JPEG-LS lossless TS\nand all uncompressed transfer syntaxes", preference: .jpegLSLossless),
        .init(longName: "--propose-jls-lossy", shortName: "-xu", help: "propose JPEG-LS lossy TS\nand all uncompressed transfer syntaxes", preference: .jpegLSNearLossless),
        .init(longName: "--propose-mpeg2", shortName: "-xm", help: "propose MPEG2 Main Profile @ Main Level TS", preference: .mpeg2MainProfileMainLevel),
        .init(longName: "--propose-mpeg2-high", shortName: "-xh", help: "propose MPEG2 Main Profile @ High Level TS", preference: .mpeg2MainProfileHighLevel),
        .init(longName: "--propose-mpeg4", shortName: "-xn", help: "propose MPEG4 AVC/H.264 HP / Level 4.1 TS", preference: .mpeg4HighProfileLevel41),
        .init(longName: "--propose-mpeg4-bd", shortName: "-xl", help: "propose MPEG4 AVC/H.264 BD-compatible TS", preference: .mpeg4BDCompatibleHighProfileLevel41),
        .init(longName: "--propose-mpeg4-2-2d", shortName: "-x2", help: "propose MPEG4 AVC/H.264 HP / Level 4.2 TS (2D)", preference: .mpeg4HighProfileLevel42For2DVideo),
        .init(longName: "--propose-mpeg4-2-3d", shortName: "-x3", help: "propose MPEG4 AVC/H.264 HP / Level 4.2 TS (3D)", preference: .mpeg4HighProfileLevel42For3DVideo),
        .init(longName: "--propose-mpeg4-2-st", shortName: "-xo", help: "propose MPEG4 AVC/H.264 Stereo / Level 4.2 TS", preference: .mpeg4StereoHighProfileLevel42),
        .init(longName: "--propose-hevc", shortName: "-x4", help: "propose HEVC/H.265 Main Profile / Level 5.1 TS", preference: .hevcMainProfileLevel51),
        .init(longName: "--propose-hevc10", shortName: "-x5", help: "propose HEVC/H.265 Main 10 Profile / Level 5.1 TS", preference: .hevcMain10ProfileLevel51),
        .init(longName: "--propose-rle", shortName: "-xr", help: "propose RLE lossless TS\nand all uncompressed transfer syntaxes", preference: .rleLossless),
        .init(longName: "--propose-deflated", shortName: "-xd", help: "propose deflated expl. VR little endian TS\nand all uncompressed transfer syntaxes", preference: .deflatedExplicitLittleEndian),
    ]

    /// The `--prefer-…` spelling of an accepted-syntax preference, for conflict messages.
    static func preferName(_ p: TransferSyntaxPreference) -> String {
        preferOptions.first { $0.preference == p }?.longName ?? "--prefer-uncompr"
    }

    static func proposeName(_ p: TransferSyntaxPreference) -> String {
        proposeOptions.first { $0.preference == p }?.longName ?? "--propose-uncompr"
    }
}
