import DICOM

/// What the storage handler (or `quarryidx`) knows about one stored instance:
/// the input of `StorageAreaIndex.add`.
///
/// `attributes` holds the raw values of the tags of `IndexedAttributes.extractedTags`
/// as found in the data set (binary VRs little-endian, as `DataElement` holds them;
/// padding may be left on); absent tags are simply missing. Text values are in the
/// instance's `specificCharacterSet`; the index decodes them (`IndexValueDecoder`).
package struct InstanceRecord: Sendable, Equatable {
    /// The file's name relative to the storage area (dcmqrscp's flat layout), or an
    /// absolute path for a file `quarryidx` registered where it lies.
    package var fileName: String
    /// Bytes on disk: what maxBytesPerStudy counts (spec §5.5).
    package var fileSize: Int64
    /// Transfer Syntax UID (0002,0010) of the file.
    package var transferSyntaxUID: String
    /// SOP Class UID (0008,0016).
    package var sopClassUID: String
    /// SOP Instance UID (0008,0018): unique within a storage area.
    package var sopInstanceUID: String
    /// The raw value of Specific Character Set (0008,0005); empty when absent (ASCII).
    package var specificCharacterSet: String
    /// Raw values by tag.
    package var attributes: [Tag: [UInt8]]

    package init(fileName: String, fileSize: Int64, transferSyntaxUID: String, sopClassUID: String,
                 sopInstanceUID: String, specificCharacterSet: String = "", attributes: [Tag: [UInt8]] = [:]) {
        self.fileName = fileName
        self.fileSize = fileSize
        self.transferSyntaxUID = transferSyntaxUID
        self.sopClassUID = sopClassUID
        self.sopInstanceUID = sopInstanceUID
        self.specificCharacterSet = specificCharacterSet
        self.attributes = attributes
    }

    /// Sets a text value (ASCII or already in the record's character set).
    package mutating func setString(_ value: String, for tag: Tag) { attributes[tag] = Array(value.utf8) }
}
