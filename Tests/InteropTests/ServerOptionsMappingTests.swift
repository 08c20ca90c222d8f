import QuarryTestSupport
import Testing

/// What quarryscp understood of its command line, read from its `-d` log line
/// `D: quarryscp options: ServerOptions(…)`.
@Suite struct ServerOptionsMappingTests {
    static func options(_ arguments: [String], tool: String = "quarryscp") throws -> String {
        let extra = tool == "quarryscp" ? ["-c", "/nonexistent/dcmqrscp.cfg"] : []
        let result = try runProcess(TestEnvironment.binary(tool), ["-d"] + extra + arguments, timeout: 30)
        return lines(result.stderr).first { $0.hasPrefix("D: \(tool) options: ") } ?? "<no options line in: \(result.output)>"
    }

    static let cases: [(ToolArguments, [String])] = [
        (ToolArguments(), ["mode: QRServer.ServerOptions.Mode.serve", "port: nil", #"configPath: Optional("/nonexistent/dcmqrscp.cfg")"#,
                           "logLevel: DICOM.Log.Level.debug", "singleProcess: false", "acseTimeout: 30", "maxPDU: nil",
                           "supportPatientRoot: true, supportStudyRoot: true, supportPatientStudyOnly: true",
                           "acceptedTransferSyntaxes: QRServer.TransferSyntaxPreference.uncompressed",
                           "writeFileMetaInformation: true", "compressionLevel: 6", "quotaPolicy: QRServer.ServerOptions.QuotaPolicy.deleteOldest"]),
        (ToolArguments("11112", "-pdu", "16384", "-ta", "5", "-td", "7", "-to", "9"),
         ["port: Optional(11112)", "maxPDU: Optional(16384)", "acseTimeout: 5", "dimseTimeout: Optional(7)", "connectionTimeout: Optional(9)"]),
        (ToolArguments("-s", "--fork", "-s"), ["singleProcess: true"]),
        (ToolArguments("-s", "--fork"), ["singleProcess: false"]),
        (ToolArguments("--require-find", "--no-parallel-store", "--disable-get", "--allow-shutdown"),
         ["requireFind: true, noParallelStore: true, disableGet: true, allowShutdown: true"]),
        (ToolArguments("-XF", "--no-check-find", "-XM"), ["checkFind: false, checkMove: true"]),
        (ToolArguments("-ZA", "--move-unrestricted", "-ZH", "-ZV"),
         ["restrictMoveToRequestingAETitle: false, restrictMoveToRequestingHost: true, restrictMoveToRequestingVendor: true"]),
        (ToolArguments("-QP", "-QO"), ["supportPatientRoot: false, supportStudyRoot: true, supportPatientStudyOnly: false"]),
        (ToolArguments("+xe", "+xi"), ["acceptedTransferSyntaxes: QRServer.TransferSyntaxPreference.implicitLittleEndianOnly"]),
        (ToolArguments("+xa"), ["acceptedTransferSyntaxes: QRServer.TransferSyntaxPreference.acceptAll"]),
        (ToolArguments("+xd", "-xd", "+cl", "9"), ["acceptedTransferSyntaxes: QRServer.TransferSyntaxPreference.deflatedExplicitLittleEndian",
                                              "proposedTransferSyntaxes: QRServer.TransferSyntaxPreference.deflatedExplicitLittleEndian",
                                              "compressionLevel: 9"]),
        (ToolArguments("-xf", "assoc.cfg", "in", "out"),
         [#"associationProfiles: Optional(QRServer.ServerOptions.AssociationProfiles(file: "assoc.cfg", incomingProfile: "in", outgoingProfile: "out"))"#]),
        (ToolArguments("+ac", "-dhl", "--refuse", "--reject", "--ignore", "-up"),
         ["accessControl: true", "disableHostLookup: true, refuseAssociations: true, rejectWithoutImplementationClassUID: true, ignoreStoreData: true, correctUIDPadding: true"]),
        (ToolArguments("-Cr", "+U8", "-Ct", "-Cd"), ["overrideRequestCharacterSet: Optional(true)",
                                                  "convertCharacterSet: Optional(QRServer.ServerOptions.CharacterSetConversion.utf8)",
                                                  "transliterate: true, discardIllegalCharacters: true"]),
        (ToolArguments("+C", "ISO_IR 100", "+Cr"), [#"convertCharacterSet: Optional(QRServer.ServerOptions.CharacterSetConversion.definedTerm("ISO_IR 100"))"#,
                                                   "overrideRequestCharacterSet: Optional(false)"]),
        (ToolArguments("+B", "-F"), ["bitPreserving: true, writeFileMetaInformation: false"]),
        (ToolArguments("+ti", "-u", "-g", "-e", "+p", "8", "2"),
         ["writeTransferSyntax: QRServer.ServerOptions.WriteTransferSyntax.implicitLittleEndian", "enableNewVRs: false",
          "groupLength: QRServer.ServerOptions.GroupLengthEncoding.remove", "explicitLengthSequences: false",
          "padding: Optional(QRServer.ServerOptions.Padding(file: 8, item: 2))"]),
        (ToolArguments("--pn-insensitive", "--quota-policy", "reject"),
         ["quotaPolicy: QRServer.ServerOptions.QuotaPolicy.reject", "personNameMatching: QRServer.ServerOptions.PersonNameMatching.insensitive"]),
        (ToolArguments("--explain", "VIEWER1@10.0.0.5", "STORE", "--move-to", "VIEWER2"),
         [#"mode: QRServer.ServerOptions.Mode.explain(QRServer.ServerOptions.ExplainRequest(callingAETitle: "VIEWER1", callingHost: Optional("10.0.0.5"), calledAETitle: "STORE", moveDestination: Optional("VIEWER2")))"#]),
        (ToolArguments("--explain", "A", "B", "--check-config"), ["mode: QRServer.ServerOptions.Mode.checkConfig"]),
    ]

    @Test(arguments: cases) func serverOptions(_ c: ToolArguments, _ fragments: [String]) throws {
        let line = try Self.options(c.arguments)
        for fragment in fragments { #expect(line.contains(fragment), "\(fragment)") }
    }

    @Test(arguments: [
        (ToolArguments("area", "a.dcm", "b.dcm", "-p", "-n"),
         [#"mode: Archive.IndexerOptions.Mode.register(storageArea: "area", files: ["a.dcm", "b.dcm"])"#, "printIndex: true, markNotNew: true"]),
        (ToolArguments("--stats"), ["mode: Archive.IndexerOptions.Mode.statistics(storageAreas: [])", "configPath: nil"]),
        (ToolArguments("--rebuild", "--check", "a1", "a2", "-c", "x.cfg"),
         [#"mode: Archive.IndexerOptions.Mode.check(storageAreas: ["a1", "a2"])"#, #"configPath: Optional("x.cfg")"#]),
    ])
    func indexerOptions(_ c: ToolArguments, _ fragments: [String]) throws {
        let line = try Self.options(c.arguments, tool: "quarryidx")
        for fragment in fragments { #expect(line.contains(fragment), "\(fragment)") }
    }
}
