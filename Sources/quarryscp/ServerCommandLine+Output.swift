import QRServer
import ToolSupport

extension ServerCommandLine {
    static func addProcessingAndOutputOptions(_ cmd: inout CommandLineInterface) {
        cmd.addGroup("processing options:")
        cmd.addSubgroup("specific character set:")
        cmd.addOption("--use-request-charset", "+Cr", help: """
            try to convert all element values that are
            affected by Specific Character Set (0008,0005)
            to the one specified in the request data set,
            fall back to the one specified via
            --convert-to-xxx if that is not possible
            (default, unless overridden by config file)
            """)
        cmd.addOption("--override-charset", "-Cr", help: """
            convert affected element values to the
            character set specified via --convert-to-xxx,
            ignoring the one specified in the request
            """)
        cmd.addOption("--convert-to-ascii", "+A7", help: "convert affected element values to 7-bit ASCII\n(default, unless overridden by config file)")
        cmd.addOption("--convert-to-utf8", "+U8", help: "convert affected element values to UTF-8")
        cmd.addOption("--convert-to-latin1", "+L1", help: "convert affected element values to ISO 8859-1")
        cmd.addOption("--convert-to-charset", "+C", values: 1, valueDescription: "[c]harset: string",
                      help: "convert affected element values to the char.\nset specified by the DICOM defined term c")
        cmd.addOption("--transliterate", "-Ct", help: "try to approximate characters that cannot be\nrepresented through similar looking characters")
        cmd.addOption("--discard-illegal", "-Cd", help: "discard characters that cannot be represented\nin destination character set")

        cmd.addGroup("output options:")
        cmd.addSubgroup("bit preserving mode:")
        cmd.addOption("--normal", "-B", help: "allow implicit format conversions (default)")
        cmd.addOption("--bit-preserving", "+B", help: "write data exactly as read")
        cmd.addSubgroup("output file format:")
        cmd.addOption("--write-file", "+F", help: "write file format (default)")
        cmd.addOption("--write-dataset", "-F", help: "write data set without file meta information")
        cmd.addSubgroup("output transfer syntax (not with --bit-preserving or compressed transmission):")
        cmd.addOption("--write-xfer-same", "+t=", help: "write with same TS as input (default)")
        cmd.addOption("--write-xfer-little", "+te", help: "write with explicit VR little endian TS")
        cmd.addOption("--write-xfer-big", "+tb", help: "write with explicit VR big endian TS")
        cmd.addOption("--write-xfer-implicit", "+ti", help: "write with implicit VR little endian TS")
        cmd.addOption("--write-xfer-deflated", "+td", help: "write with deflated expl. VR little endian TS")
        cmd.addSubgroup("post-1993 value representations:")
        cmd.addOption("--enable-new-vr", "+u", help: "enable support for new VRs (UN/UT) (default)")
        cmd.addOption("--disable-new-vr", "-u", help: "disable support for new VRs, convert to OB")
        cmd.addSubgroup("group length encoding (not with --bit-preserving):")
        cmd.addOption("--group-length-recalc", "+g=", help: "recalculate group lengths if present (default)")
        cmd.addOption("--group-length-create", "+g", help: "always write with group length elements")
        cmd.addOption("--group-length-remove", "-g", help: "always write without group length elements")
        cmd.addSubgroup("length encoding in sequences and items (not with --bit-preserving):")
        cmd.addOption("--length-explicit", "+e", help: "write with explicit lengths (default)")
        cmd.addOption("--length-undefined", "-e", help: "write with undefined lengths")
        cmd.addSubgroup("data set trailing padding (not with --write-dataset or --bit-preserving):")
        cmd.addOption("--padding-off", "-p", help: "no padding (default)")
        cmd.addOption("--padding-create", "+p", values: 2, valueDescription: "[f]ile-pad [i]tem-pad: integer",
                      help: "align file on multiple of f bytes\nand items on multiple of i bytes")
        cmd.addSubgroup("deflate compression level (only with -xd or --write-xfer-deflated/same):")
        cmd.addOption("--compression-level", "+cl", values: 1, valueDescription: "[l]evel: integer (default: 6)",
                      help: "0=uncompressed, 1=fastest, 9=best compression")
    }
}
