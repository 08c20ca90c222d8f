/// A DICOM file (PS3.10 §7): preamble, "DICM", File Meta Information and the
/// data set — or, for files written without them, the data set alone, read
/// the way DCMTK reads such files.
package struct DICOMFile: Sendable, Equatable {
    /// The 128-byte preamble; nil for a file that has none.
    package var preamble: [UInt8]?
    /// Group 0002; nil for a file that has none.
    package var fileMetaInformation: FileMetaInformation?
    /// How `dataSet` is encoded in the file: the meta information's syntax, or
    /// the one the data set's first element shows when the file does not say
    /// (or says wrong, as pydicom finds).
    package var transferSyntax: TransferSyntax
    package var dataSet: DataSet
    /// Offset of the data set's first byte in the file read (0 for a new one).
    package var dataSetOffset: Int

    /// A new file; `fileMetaInformation.transferSyntaxUID` names the syntax
    /// the data set is written in (a UID PS3.6 does not list: Explicit VR Little Endian).
    package init(fileMetaInformation: FileMetaInformation, dataSet: DataSet) {
        (self.fileMetaInformation, self.dataSet, preamble, dataSetOffset) = (fileMetaInformation, dataSet, nil, 0)
        transferSyntax = fileMetaInformation.transferSyntax ?? .explicitVRLittleEndian
    }

    /// Decodes a whole file held in memory; error offsets are offsets in `bytes`.
    package init(reading bytes: [UInt8], log: Log = .silent) throws(DICOMParseError) {
        var parser = DataSetParser(input: MemoryInput(bytes))
        let header = try Part10Header.read(&parser)
        guard header.preamble != nil || !header.meta.isEmpty || !bytes.isEmpty else {
            throw DICOMParseError(.notRecognized, offset: 0)
        }
        let first = parser.input.peek(8)
        if header.preamble == nil, header.meta.isEmpty, EncodingDetection.detect(first) == nil {
            throw DICOMParseError(.notRecognized, offset: 0)
        }
        preamble = header.preamble
        fileMetaInformation = header.meta.isEmpty ? nil : FileMetaInformation(header.meta)
        transferSyntax = try header.dataSetTransferSyntax(first: first, log: log)
        dataSetOffset = header.dataSetOffset
        dataSet = try DataSet(decoding: bytes, from: header.dataSetOffset, transferSyntax: transferSyntax)
    }

    /// Reads and decodes the file at `path`.
    package init(contentsOfFile path: String, log: Log = .silent) throws(DICOMParseError) {
        let source = try FileByteSource(path: path)
        var bytes: [UInt8] = []
        while true {
            let chunk = try source.read(upTo: 1 << 20)
            if chunk.isEmpty { break }
            bytes += chunk
        }
        try self.init(reading: bytes, log: log)
    }

    /// The file's bytes: preamble (as read, or zeros), "DICM", the meta
    /// information with its group length computed, then the data set in
    /// `transferSyntax`. A file read without meta information is written
    /// without it, as the bare data set.
    package func encoded(options: DataSetEncodingOptions = DataSetEncodingOptions()) throws(DICOMEncodeError) -> [UInt8] {
        let body = try dataSet.encoded(transferSyntax: transferSyntax, options: options)
        guard let fileMetaInformation else { return body }
        return fileMetaInformation.encodedHeader(preamble: preamble) + body
    }
}
