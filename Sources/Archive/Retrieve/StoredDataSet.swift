import DICOM

/// A stored file opened for a C-MOVE or C-GET sub-operation: where its data set
/// starts and the transfer syntax it is in, read from its meta information (or, for
/// a file written without it, from its first bytes); the data set is then sent in
/// pieces — as stored, or converted (`DataSetTranscoder`) — never read whole.
package final class StoredDataSet {
    /// `<area>/<name>`, for log lines.
    package let path: String
    /// The syntax the file's data set is in: what the file says, not the index.
    package let transferSyntax: TransferSyntax
    /// Offset of the data set's first byte in the file.
    package let dataSetOffset: Int
    private let reader: StoredFileReader

    /// Bytes handed to the sink at a time.
    package static let chunkSize = 1 << 16

    /// Opens `name` in `area` and reads its header. Throws `StorageAreaError` when the
    /// file cannot be opened or read, `DICOMParseError` when it is not DICOM.
    package init(name: String, in area: StorageArea) throws {
        reader = try area.openStoredFile(name)
        path = reader.path
        let header = try DataSetStreamReader(file: FileSource(reader), chunkSize: 4096)
        transferSyntax = header.transferSyntax
        dataSetOffset = header.dataSetOffset
    }

    /// Sends the data set in `destination` (a UID) to `sink`: the file's bytes as they
    /// are when it is the stored syntax, else converted. Throws what reading, converting
    /// or the sink throws.
    package func send(in destination: String, to sink: @escaping ([UInt8]) throws -> Void) throws {
        reader.seek(to: Int64(dataSetOffset))
        if TransferSyntax.unpaddedUID(destination) == transferSyntax.uid {
            while reader.remaining > 0 { try sink(try reader.read(upTo: Self.chunkSize)) }
            return
        }
        guard let target = TransferSyntax(uid: destination), TransferSyntax(uid: transferSyntax.uid) != nil else {
            throw DICOMEncodeError(tag: Tag(0, 0), reason: "cannot convert \(transferSyntax.name) to \(destination)")
        }
        var transcoder = try DataSetTranscoder(source: FileSource(reader), from: transferSyntax, to: target, sink: sink)
        try transcoder.run()
    }
}

extension StoredDataSet {
    /// A stored file read through `StoredFileReader` as a `DICOMByteSource`.
    struct FileSource: DICOMByteSource {
        let reader: StoredFileReader

        init(_ reader: StoredFileReader) { self.reader = reader }

        func read(upTo maxCount: Int) throws(DICOMParseError) -> [UInt8] {
            do {
                return try reader.read(upTo: maxCount)
            } catch {
                throw DICOMParseError(.io(error.description), offset: Int(reader.offset))
            }
        }
    }
}
