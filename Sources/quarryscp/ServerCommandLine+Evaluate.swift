import DICOM
import QRServer
import ToolSupport

extension ServerCommandLine {
    /// Reads the options in dcmqrscp's order (apps/dcmqrscp.cc), so that of
    /// several mistakes the one dcmqrscp reports is the one reported.
    static func evaluate(_ cmd: CommandLineEvaluation) throws(CommandLineError) -> (options: ServerOptions, log: Log) {
        let line = cmd.parsed
        var o = ServerOptions()
        if let port = try line.unsignedParameter(1, min: 1, max: 65535) { o.port = UInt16(port) }
        let (settings, log) = try cmd.configureLogging()
        o.logLevel = log.threshold
        o.logConfigPath = settings.configFile
        o.configPath = line.value("--config")
        o.singleProcess = line.rightmost(of: ["--single-process", "--fork"]) == "--single-process"
        try evaluateDatabaseOptions(line, &o)
        try evaluateNetworkOptions(line, &o)
        try evaluateOutputOptions(line, &o)
        evaluateCharacterSetOptions(line, &o)
        try evaluateAdministrationOptions(line, &o)
        return (o, log)
    }

    private static func evaluateDatabaseOptions(_ line: ParsedCommandLine, _ o: inout ServerOptions) throws(CommandLineError) {
        o.requireFind = line.has("--require-find")
        o.noParallelStore = line.has("--no-parallel-store")
        o.disableGet = line.has("--disable-get")
        o.allowShutdown = line.has("--allow-shutdown")
        o.checkFind = line.rightmost(of: ["--check-find", "--no-check-find"]) == "--check-find"
        o.checkMove = line.rightmost(of: ["--check-move", "--no-check-move"]) == "--check-move"
        // A restriction counts when given after the last --move-unrestricted.
        let unrestricted = line.position(of: "--move-unrestricted") ?? -1
        func restricted(_ option: String) -> Bool { (line.position(of: option) ?? -1) > unrestricted }
        o.restrictMoveToRequestingAETitle = restricted("--move-aetitle")
        o.restrictMoveToRequestingHost = restricted("--move-host")
        o.restrictMoveToRequestingVendor = restricted("--move-vendor")
        o.supportPatientRoot = !line.has("--no-patient-root")
        o.supportStudyRoot = !line.has("--no-study-root")
        o.supportPatientStudyOnly = !line.has("--no-patient-study")
        if !o.supportPatientRoot, !o.supportStudyRoot, !o.supportPatientStudyOnly {
            throw CommandLineError("cannot disable all Q/R models")
        }
        o.personNameMatching = line.rightmost(of: ["--pn-exact", "--pn-insensitive"]) == "--pn-insensitive" ? .insensitive : .exact
        if let policy = line.value("--quota-policy") {
            guard let p = ServerOptions.QuotaPolicy(rawValue: policy) else {
                throw CommandLineError.invalidValue("--quota-policy", policy)
            }
            o.quotaPolicy = p
        }
    }

    private static func evaluateNetworkOptions(_ line: ParsedCommandLine, _ o: inout ServerOptions) throws(CommandLineError) {
        if let name = line.rightmost(of: preferOptions.map(\.longName)),
           let chosen = preferOptions.first(where: { $0.longName == name }) {
            o.acceptedTransferSyntaxes = chosen.preference
        }
        if let name = line.rightmost(of: proposeOptions.map(\.longName)),
           let chosen = proposeOptions.first(where: { $0.longName == name }) {
            o.proposedTransferSyntaxes = chosen.preference
        }
        o.accessControl = line.rightmost(of: ["--access-full", "--access-control"]) == "--access-control"
        o.connectionTimeout = try line.signedInteger("--timeout", min: 1)
        o.acseTimeout = try line.signedInteger("--acse-timeout", min: 1) ?? o.acseTimeout
        o.dimseTimeout = try line.signedInteger("--dimse-timeout", min: 1)
        o.maxPDU = try line.unsignedInteger("--max-pdu", min: minimumPDU, max: maximumPDU).map { UInt32($0) }
        o.disableHostLookup = line.has("--disable-host-lookup")
        o.refuseAssociations = line.has("--refuse")
        o.rejectWithoutImplementationClassUID = line.has("--reject")
        o.ignoreStoreData = line.has("--ignore")
        o.correctUIDPadding = line.has("--uid-padding")
        if let occurrence = line.occurrence("--assoc-config-file") {
            if o.acceptedTransferSyntaxes != .uncompressed {
                throw .conflict("--assoc-config-file", preferName(o.acceptedTransferSyntaxes))
            }
            if o.proposedTransferSyntaxes != .uncompressed {
                throw .conflict("--assoc-config-file", proposeName(o.proposedTransferSyntaxes))
            }
            let v = occurrence.values
            o.associationProfiles = .init(file: v[0], incomingProfile: v[1], outgoingProfile: v[2])
        }
    }

    private static func evaluateOutputOptions(_ line: ParsedCommandLine, _ o: inout ServerOptions) throws(CommandLineError) {
        o.bitPreserving = line.rightmost(of: ["--normal", "--bit-preserving"]) == "--bit-preserving"
        o.writeFileMetaInformation = line.rightmost(of: ["--write-file", "--write-dataset"]) != "--write-dataset"
        let writeOptions: [(String, ServerOptions.WriteTransferSyntax)] = [
            ("--write-xfer-same", .same), ("--write-xfer-little", .explicitLittleEndian),
            ("--write-xfer-big", .explicitBigEndian), ("--write-xfer-implicit", .implicitLittleEndian),
            ("--write-xfer-deflated", .deflatedExplicitLittleEndian),
        ]
        if let name = line.rightmost(of: writeOptions.map(\.0)), let chosen = writeOptions.first(where: { $0.0 == name }) {
            if chosen.1 != .same {
                if o.bitPreserving { throw .conflict(name, "--bit-preserving") }
                if o.acceptedTransferSyntaxes.prefersCompressed || o.acceptedTransferSyntaxes == .acceptAll {
                    throw .conflict(name, preferName(o.acceptedTransferSyntaxes))
                }
            }
            o.writeTransferSyntax = chosen.1
        }
        o.enableNewVRs = line.rightmost(of: ["--enable-new-vr", "--disable-new-vr"]) != "--disable-new-vr"
        let groupOptions: [(String, ServerOptions.GroupLengthEncoding)] = [
            ("--group-length-recalc", .recalculate), ("--group-length-create", .create), ("--group-length-remove", .remove),
        ]
        if let name = line.rightmost(of: groupOptions.map(\.0)), let chosen = groupOptions.first(where: { $0.0 == name }) {
            if o.bitPreserving { throw .conflict(name, "--bit-preserving") }
            o.groupLength = chosen.1
        }
        if let name = line.rightmost(of: ["--length-explicit", "--length-undefined"]) {
            if o.bitPreserving { throw .conflict(name, "--bit-preserving") }
            o.explicitLengthSequences = name == "--length-explicit"
        }
        if line.rightmost(of: ["--padding-off", "--padding-create"]) == "--padding-create" {
            if !o.writeFileMetaInformation { throw .conflict("--padding-create", "--write-dataset") }
            if o.bitPreserving { throw .conflict("--padding-create", "--bit-preserving") }
            let file = try line.unsignedInteger("--padding-create", 0, min: 0, max: UInt(UInt32.max)) ?? 0
            let item = try line.unsignedInteger("--padding-create", 1, min: 0, max: UInt(UInt32.max)) ?? 0
            o.padding = .init(file: UInt32(file), item: UInt32(item))
        }
        if line.has("--compression-level") {
            guard o.proposedTransferSyntaxes == .deflatedExplicitLittleEndian
                    || o.writeTransferSyntax == .deflatedExplicitLittleEndian || o.writeTransferSyntax == .same else {
                throw .dependence("--compression-level", "--propose-deflated, --write-xfer-deflated or --write-xfer-same")
            }
            o.compressionLevel = Int(try line.unsignedInteger("--compression-level", min: 0, max: 9) ?? 6)
        }
    }

    /// dcmqrscp reads these after its config file, which they override.
    private static func evaluateCharacterSetOptions(_ line: ParsedCommandLine, _ o: inout ServerOptions) {
        if let name = line.rightmost(of: ["--use-request-charset", "--override-charset"]) {
            o.overrideRequestCharacterSet = name == "--override-charset"
        }
        switch line.rightmost(of: ["--convert-to-utf8", "--convert-to-latin1", "--convert-to-ascii", "--convert-to-charset"]) {
        case "--convert-to-utf8": o.convertCharacterSet = .utf8
        case "--convert-to-latin1": o.convertCharacterSet = .latin1
        case "--convert-to-ascii": o.convertCharacterSet = .ascii
        case "--convert-to-charset": o.convertCharacterSet = .definedTerm(line.value("--convert-to-charset") ?? "")
        default: break
        }
        o.transliterate = line.has("--transliterate")
        o.discardIllegalCharacters = line.has("--discard-illegal")
    }

    private static func evaluateAdministrationOptions(_ line: ParsedCommandLine, _ o: inout ServerOptions) throws(CommandLineError) {
        let mode = line.rightmost(of: ["--check-config", "--explain"])
        if line.has("--move-to"), mode != "--explain" { throw .dependence("--move-to", "--explain") }
        switch mode {
        case "--check-config":
            o.mode = .checkConfig
        case "--explain":
            let calling = line.value("--explain", 0) ?? ""
            let called = line.value("--explain", 1) ?? ""
            var request = ServerOptions.ExplainRequest(callingAETitle: calling, calledAETitle: called)
            if let at = calling.lastIndex(of: "@") {
                request.callingAETitle = String(calling[..<at])
                request.callingHost = String(calling[calling.index(after: at)...])
                if request.callingHost?.isEmpty == true { throw CommandLineError.invalidValue("--explain", calling) }
            }
            for title in [request.callingAETitle, called] where !isAETitle(title) {
                throw CommandLineError.invalidValue("--explain", title)
            }
            if let destination = line.value("--move-to") {
                guard isAETitle(destination) else { throw CommandLineError.invalidValue("--move-to", destination) }
                request.moveDestination = destination
            }
            o.mode = .explain(request)
        default:
            o.mode = .serve
        }
    }

    /// An AE title as PS3.5 Table 6.2-1 allows: 1 to 16 characters of the
    /// default repertoire, no backslash or control character, not only spaces.
    static func isAETitle(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 16 && text.contains { $0 != " " }
            && text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\\" }
    }
}
