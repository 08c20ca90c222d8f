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

    /// The data set in `destination` (a UID), piece by piece: the file's bytes as they
    /// are when it is the stored syntax, else converted. Reading or converting throws
    /// as it goes (`StorageAreaError` wrapped in `DICOMParseError.io`, `DICOMParseError`,
    /// `DICOMEncodeError`).
    package func chunks(in destination: String) throws -> Chunks {
        reader.seek(to: Int64(dataSetOffset))
        if TransferSyntax.unpaddedUID(destination) == transferSyntax.uid { return Chunks(source: .asStored(reader)) }
        guard let target = TransferSyntax(uid: destination), TransferSyntax(uid: transferSyntax.uid) != nil else {
            throw DICOMEncodeError(tag: Tag(0, 0), reason: "cannot convert \(transferSyntax.name) to \(destination)")
        }
        return Chunks(source: .converted(try DataSetTranscoder(source: FileSource(reader), from: transferSyntax, to: target)))
    }

    /// Sends the whole data set in `destination` to `sink`.
    package func send(in destination: String, to sink: ([UInt8]) throws -> Void) throws {
        var pieces = try chunks(in: destination)
        while let chunk = try pieces.next() { try sink(chunk) }
    }

    /// The pieces of a data set being sent.
    package struct Chunks {
        enum Source {
            case asStored(StoredFileReader)
            case converted(DataSetTranscoder)
            /// While the transcoder runs (so its buffers are not shared and copied), or after a failure.
            case busy
        }

        var source: Source

        /// The next piece; nil at the end.
        package mutating func next() throws -> [UInt8]? {
            switch source {
            case .asStored(let reader):
                return reader.remaining > 0 ? try reader.read(upTo: StoredDataSet.chunkSize) : nil
            case .converted(var transcoder):
                source = .busy
                let chunk = try transcoder.nextChunk()
                source = .converted(transcoder)
                return chunk
            case .busy:
                return nil
            }
        }
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
