extension DataSet {
    /// Decodes a data set encoded in `transferSyntax` (PS3.5 §7, §10): the
    /// bytes of a DIMSE data set, or of a file after its meta information.
    /// Error offsets count from the first byte of `bytes` plus `baseOffset`
    /// (for a deflated data set, from the first byte of the inflated data).
    package init(decoding bytes: [UInt8], transferSyntax: TransferSyntax, baseOffset: Int = 0) throws(DICOMParseError) {
        try self.init(decoding: bytes, from: 0, transferSyntax: transferSyntax, baseOffset: baseOffset)
    }

    /// Decodes `bytes[start...]`; offsets are array indices plus `baseOffset`.
    init(decoding bytes: [UInt8], from start: Int, transferSyntax: TransferSyntax, baseOffset: Int = 0)
        throws(DICOMParseError) {
        let encoding = ElementEncoding(transferSyntax)
        if transferSyntax.isDeflated {
            let inflated = try Inflater.inflateAll(Array(bytes[min(start, bytes.count)...]), offset: baseOffset + start)
            self = try Self.decode(MemoryInput(inflated), encoding)
        } else {
            self = try Self.decode(MemoryInput(bytes, start: start, baseOffset: baseOffset), encoding)
        }
    }

    static func decode(_ input: MemoryInput, _ encoding: ElementEncoding) throws(DICOMParseError) -> DataSet {
        var parser = DataSetParser(input: input)
        return try parser.dataSet(encoding, end: .endOfInput, depth: 0)
    }

    /// The data set encoded in `transferSyntax`: Implicit VR Little Endian,
    /// Explicit VR Little or Big Endian, or deflated (PS3.5 §A.5). Encapsulated
    /// syntaxes are Explicit VR Little Endian with pixel data as opaque
    /// fragments; nothing checks that pixel data matches the syntax.
    package func encoded(transferSyntax: TransferSyntax,
                         options: DataSetEncodingOptions = DataSetEncodingOptions()) throws(DICOMEncodeError) -> [UInt8] {
        var writer = DataSetWriter(options: options)
        try writer.write(self, ElementEncoding(transferSyntax))
        return transferSyntax.isDeflated ? try deflateAll(writer.output) : writer.output
    }
}
