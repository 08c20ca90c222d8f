import DICOM

/// A file of a storage area (a stored object, or the temporary file of one
/// being received) as the streaming reader's byte source: chunks read with
/// `pread`, skips that only move the position. Reading a 1 GB object's header
/// costs one chunk of memory.
struct StoredFileByteSource: DICOMByteSource {
    let reader: StoredFileReader

    init(_ reader: StoredFileReader) { self.reader = reader }

    mutating func read(upTo maxCount: Int) throws(DICOMParseError) -> [UInt8] {
        do { return try reader.read(upTo: maxCount) } catch {
            throw DICOMParseError(.io(error.description), offset: Int(reader.offset))
        }
    }

    mutating func skip(_ count: Int) throws(DICOMParseError) -> Int {
        let before = reader.offset
        reader.seek(to: before + Int64(max(count, 0)))
        return Int(reader.offset - before)
    }
}
