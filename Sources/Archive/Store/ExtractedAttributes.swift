import DICOM

/// What the index needs from one object (`IndexedAttributes.extractedTags`),
/// read by the streaming reader from the object's bytes — the temporary file of
/// a C-STORE, or a file `quarryidx` registers — together with the facts about
/// its encoding. Reading walks the data set to its end, skipping long values,
/// so a data set that ends early or does not parse is found (spec §5.3's
/// 0xC000) without ever holding more than a chunk of it.
package struct ExtractedAttributes: Sendable, Equatable {
    /// Raw values of the extracted tags present in the data set (little-endian,
    /// padding kept), as `InstanceRecord.attributes` takes them.
    package var attributes: [Tag: [UInt8]]
    /// The transfer syntax the data set is encoded in.
    package var transferSyntax: TransferSyntax
    /// The file's meta information; nil for a bare data set.
    package var fileMetaInformation: FileMetaInformation?
    /// Offset of the data set's first byte in the file.
    package var dataSetOffset: Int

    package init(attributes: [Tag: [UInt8]], transferSyntax: TransferSyntax,
                 fileMetaInformation: FileMetaInformation?, dataSetOffset: Int) {
        (self.attributes, self.transferSyntax) = (attributes, transferSyntax)
        (self.fileMetaInformation, self.dataSetOffset) = (fileMetaInformation, dataSetOffset)
    }

    /// The text of a UI, CS or other ASCII value, without its padding; nil when absent.
    package func text(_ tag: Tag) -> String? {
        guard let raw = attributes[tag] else { return nil }
        var end = raw.count
        while end > 0, raw[end - 1] == 0 || raw[end - 1] == 0x20 { end -= 1 }
        return String(decoding: raw[..<end], as: UTF8.self)
    }

    package var sopClassUID: String? { text(.sopClassUID) }
    package var sopInstanceUID: String? { text(.sopInstanceUID) }
    package var studyInstanceUID: String? { text(.studyInstanceUID) }
    package var seriesInstanceUID: String? { text(.seriesInstanceUID) }
    package var patientID: String? { text(.patientID) }
    /// Specific Character Set (0008,0005) as written; "" when absent (ASCII).
    package var specificCharacterSet: String {
        attributes[.specificCharacterSet].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The index record for this object stored as `fileName` (`fileSize` bytes on disk).
    package func instanceRecord(fileName: String, fileSize: Int64) -> InstanceRecord {
        InstanceRecord(fileName: fileName, fileSize: fileSize, transferSyntaxUID: transferSyntax.uid,
                       sopClassUID: sopClassUID ?? "", sopInstanceUID: sopInstanceUID ?? "",
                       specificCharacterSet: specificCharacterSet, attributes: attributes)
    }
}

extension ExtractedAttributes {
    /// The tags kept, as a set for the walk.
    static let wanted: Set<Tag> = Set(IndexedAttributes.extractedTags)

    /// Reads a Part 10 file (or a bare data set the reader recognises) from `source`.
    package static func read(file source: any DICOMByteSource, log: Log = .silent) throws(DICOMParseError) -> ExtractedAttributes {
        var reader = try DataSetStreamReader(file: source, log: log)
        return try walk(&reader)
    }

    /// Reads a data set encoded in `transferSyntax` from `source` (offsets in
    /// errors count from `dataSetOffset`, where the data set starts in its file).
    package static func read(dataSet source: any DICOMByteSource, transferSyntax: TransferSyntax,
                             fileMetaInformation: FileMetaInformation?, dataSetOffset: Int) throws(DICOMParseError) -> ExtractedAttributes {
        var reader = try DataSetStreamReader(dataSet: source, transferSyntax: transferSyntax)
        var extracted = try walk(&reader)
        extracted.fileMetaInformation = fileMetaInformation
        extracted.dataSetOffset = dataSetOffset
        return extracted
    }

    /// Every top-level element to the end of the data set: the wanted ones
    /// kept, long values skipped (pixel data is never read into memory).
    private static func walk(_ reader: inout DataSetStreamReader) throws(DICOMParseError) -> ExtractedAttributes {
        var attributes: [Tag: [UInt8]] = [:]
        while let next = try reader.nextElement() {
            let tag = next.element.tag
            guard wanted.contains(tag), !next.isValueSkipped, attributes[tag] == nil,
                  case .bytes(let value) = next.element.value else { continue }
            attributes[tag] = value
        }
        return ExtractedAttributes(attributes: attributes, transferSyntax: reader.transferSyntax,
                                   fileMetaInformation: reader.fileMetaInformation, dataSetOffset: reader.dataSetOffset)
    }
}
