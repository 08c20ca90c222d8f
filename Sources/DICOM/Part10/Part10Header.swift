/// What precedes the data set in a file (PS3.10 §7.1): the 128-byte preamble,
/// the "DICM" prefix and the File Meta Information (group 0002) — or nothing,
/// for a file that is a bare data set.
struct Part10Header {
    /// The preamble, nil when the file has none.
    var preamble: [UInt8]?
    /// Group 0002 elements as read; empty when the file has none.
    var meta: DataSet
    /// Offset of the data set's first byte.
    var dataSetOffset: Int

    static let prefix: [UInt8] = Array("DICM".utf8)

    /// Reads the preamble, prefix and meta information when present. Group 0002
    /// is Explicit VR Little Endian (PS3.10 §7.1); a file that wrote it in
    /// implicit VR is read too, as DCMTK does. Meta elements are read while
    /// the group is 0002, whatever the group length says.
    static func read<Input: ParserInput>(_ parser: inout DataSetParser<Input>) throws(DICOMParseError) -> Part10Header {
        var header = Part10Header(preamble: nil, meta: DataSet(), dataSetOffset: parser.offset)
        let start = try parser.input.peek(132)
        if start.count == 132, Array(start[128..<132]) == prefix {
            header.preamble = Array(start[0..<128])
            try parser.skip(132, tag: nil, at: parser.offset)
        }
        let first = try parser.input.peek(8)
        guard first.count >= 6, first[0] == 0x02, first[1] == 0x00 else {
            if header.preamble != nil, first.count < 8 {
                throw DICOMParseError(.invalidFileMetaInformation("no elements after the DICM prefix"), offset: parser.offset)
            }
            header.dataSetOffset = parser.offset
            return header
        }
        let encoding: ElementEncoding = VR(bytes: first[4], first[5]) != nil ? .explicitVRLittleEndian : .implicitVRLittleEndian
        var context = ImplicitVRContext()
        while true {
            let next = try parser.input.peek(2)
            guard next.count == 2, next[0] == 0x02, next[1] == 0x00, let h = try parser.header(encoding) else { break }
            let element = try parser.element(h, encoding, depth: 0, context: context)
            context.note(element)
            if !header.meta.contains(element.tag) { header.meta.append(element) }
        }
        header.dataSetOffset = parser.offset
        return header
    }

    /// The transfer syntax of the data set: the one the meta information names
    /// (unless the first element plainly contradicts it), or — with no meta,
    /// no Transfer Syntax UID, or a UID PS3.6 does not list — the one the
    /// first element shows. `first` holds the data set's first bytes.
    func dataSetTransferSyntax(first: [UInt8], log: Log) throws(DICOMParseError) -> TransferSyntax {
        let uid = TransferSyntax.unpadded(meta.string(.transferSyntaxUID) ?? "")
        if let declared = TransferSyntax(uid: uid) {
            if declared.isDeflated || first.isEmpty { return declared }
            let actual = EncodingDetection.check(declared: ElementEncoding(declared), first: first)
            guard actual != ElementEncoding(declared) else { return declared }
            let found: TransferSyntax = actual.isExplicitVR ? .explicitVRLittleEndian : .implicitVRLittleEndian
            log.warn("Transfer syntax \(declared.name) in the meta header, but the data set is \(found.name): reading it as \(found.name)")
            return found
        }
        if first.isEmpty { return .explicitVRLittleEndian }
        guard let detected = EncodingDetection.detect(first) else {
            throw DICOMParseError(.notRecognized, offset: dataSetOffset)
        }
        let known: TransferSyntax = detected.isBigEndian ? .explicitVRBigEndian
            : detected.isExplicitVR ? .explicitVRLittleEndian : .implicitVRLittleEndian
        if uid.isEmpty { return known }
        log.warn("Unknown transfer syntax \(uid) in the meta header: reading the data set as \(known.name)")
        var syntax = known
        (syntax.uid, syntax.name) = (uid, "Unknown Transfer Syntax (\(known.name))")
        return syntax
    }
}
