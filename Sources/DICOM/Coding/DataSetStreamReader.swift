/// Reads a data set from a byte source one top-level element at a time
/// (STYLE.md §5): a value longer than `maximumValueLength` — pixel data, a
/// large OB/OW/UN, a sequence of defined length — is skipped without being
/// read into memory (sequences of undefined length are read whole), and
/// reading can stop before a tag (Pixel Data), so learning a 2 GB object's
/// Study Instance UID costs one chunk of memory.
package struct DataSetStreamReader {
    private var parser: DataSetParser<StreamInput>
    private var encoding: ElementEncoding
    private var context = ImplicitVRContext()
    /// The transfer syntax the data set is read in.
    package private(set) var transferSyntax: TransferSyntax
    /// The file's meta information; nil for a bare data set.
    package private(set) var fileMetaInformation: FileMetaInformation?
    /// Offset in the file (or source) of the data set's first byte: what a
    /// retrieve copies from to send the data set as stored.
    package private(set) var dataSetOffset: Int
    /// Values longer than this are skipped, not read.
    package var maximumValueLength: Int

    /// A data set in a known transfer syntax (a C-STORE's data set, the rest
    /// of a file). Offsets count from the first byte `source` gives — in a
    /// deflated data set, inflated bytes.
    package init(dataSet source: any DICOMByteSource, transferSyntax: TransferSyntax,
                 chunkSize: Int = 1 << 16, maximumValueLength: Int = 1 << 16) throws(DICOMParseError) {
        (self.transferSyntax, fileMetaInformation, dataSetOffset) = (transferSyntax, nil, 0)
        (encoding, self.maximumValueLength) = (ElementEncoding(transferSyntax), maximumValueLength)
        let input = StreamInput(source: source, chunkSize: chunkSize)
        parser = DataSetParser(input: input)
        if transferSyntax.isDeflated { try startInflating() }
    }

    /// A file: reads the preamble, "DICM" and meta information when present
    /// (PS3.10 §7.1) and settles the data set's transfer syntax as
    /// `DICOMFile` does; a file without them is read as a bare data set.
    /// Offsets are file offsets (in a deflated data set: inflated bytes from its start).
    package init(file source: any DICOMByteSource, chunkSize: Int = 1 << 16, maximumValueLength: Int = 1 << 16,
                 log: Log = .silent) throws(DICOMParseError) {
        parser = DataSetParser(input: StreamInput(source: source, chunkSize: chunkSize))
        let header = try Part10Header.read(&parser)
        let first = try parser.input.peek(8)
        if header.preamble == nil, header.meta.isEmpty, EncodingDetection.detect(first) == nil {
            throw DICOMParseError(.notRecognized, offset: 0)
        }
        fileMetaInformation = header.meta.isEmpty ? nil : FileMetaInformation(header.meta)
        transferSyntax = try header.dataSetTransferSyntax(first: first, log: log)
        (encoding, dataSetOffset, self.maximumValueLength) = (ElementEncoding(transferSyntax), header.dataSetOffset, maximumValueLength)
        if transferSyntax.isDeflated { try startInflating() }
    }

    private mutating func startInflating() throws(DICOMParseError) {
        let (buffered, source) = parser.input.detach()
        let inflating = try InflatingByteSource(prefix: buffered, source: source, chunkSize: parser.input.chunkSize)
        parser = DataSetParser(input: StreamInput(source: inflating, chunkSize: parser.input.chunkSize))
    }

    /// The next top-level element; nil at the end of the data set, or — leaving
    /// it unread — when the next tag is `stop` or after it.
    package mutating func nextElement(stoppingBefore stop: Tag? = nil) throws(DICOMParseError) -> StreamedElement? {
        if let stop {
            let next = try parser.input.peek(4)
            if next.count == 4, encoding.tag(next) >= stop { return nil }
        }
        guard let header = try parser.header(encoding) else { return nil }
        if header.tag.group == 0xFFFE {
            throw DICOMParseError(.misplacedDelimiter(header.tag), tag: header.tag, offset: header.offset)
        }
        let valueOffset = parser.offset
        let vr = header.vr ?? context.vr(for: header.tag)
        var streamed = StreamedElement(element: DataElement(tag: header.tag, vr: vr, bytes: []), offset: header.offset,
                                       valueOffset: valueOffset,
                                       valueLength: header.hasUndefinedLength ? nil : header.length, isValueSkipped: true)
        if !header.hasUndefinedLength, Int(header.length) > maximumValueLength {
            if header.vr != nil, Int(header.length) % valueSize(of: vr) != 0 {
                throw DICOMParseError(.invalidLength(vr: vr, length: header.length), tag: header.tag, offset: header.offset)
            }
            try parser.skip(Int(header.length), tag: header.tag, at: header.offset)
            return streamed
        }
        if header.hasUndefinedLength, header.tag == .pixelData || vr == .OB || vr == .OW {
            guard let pixels = try parser.encapsulated(header.tag, encoding, keepingAtMost: maximumValueLength) else {
                streamed.element.value = .encapsulated(EncapsulatedPixelData(basicOffsetTable: [], fragments: []))
                return streamed
            }
            streamed.element.value = .encapsulated(pixels)
        } else {
            streamed.element = try parser.element(header, encoding, depth: 0, context: context)
        }
        streamed.isValueSkipped = false
        context.note(streamed.element)
        return streamed
    }

    /// The elements up to the end or to `stop` (Pixel Data by default), those
    /// whose values were skipped left out.
    package mutating func readDataSet(stoppingBefore stop: Tag? = .pixelData) throws(DICOMParseError) -> DataSet {
        var dataSet = DataSet()
        while let next = try nextElement(stoppingBefore: stop) {
            if !next.isValueSkipped, !dataSet.contains(next.element.tag) { dataSet.append(next.element) }
        }
        return dataSet
    }
}

/// One top-level element from `DataSetStreamReader`, and where it lies.
package struct StreamedElement: Sendable, Equatable {
    /// The element; a skipped value reads as empty (`isValueSkipped`).
    package var element: DataElement
    /// Offset of the element's tag.
    package var offset: Int
    /// Offset of the value's first byte.
    package var valueOffset: Int
    /// The value length in the header; nil for undefined length.
    package var valueLength: UInt32?
    /// The value was longer than the reader's maximum and was skipped.
    package var isValueSkipped: Bool
}
