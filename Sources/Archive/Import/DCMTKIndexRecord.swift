import DICOM

/// One used instance slot of DCMTK's `index.dat` (`IdxRecord`, spec §5.6):
/// the file's path as registered, its SOP Class, size and time, and the 38
/// attribute values dcmqrdb copied, truncated to their fixed widths. Quarry
/// imports the path and re-reads attributes from the file itself.
package struct DCMTKIndexRecord: Sendable, Equatable {
    /// `RECORD NUMBER` in `dcmqridx -p`: the slot, counting from 0.
    package var slot: Int
    /// The path exactly as stored: as given to dcmqridx (possibly relative to
    /// its working directory), or `<area>/<name>` for a dcmqrscp store.
    /// Bytes that are not UTF-8 are replaced (such a path will not be found).
    package var filename: String
    package var sopClassUID: String
    /// `time(2)` of the registration, as a double.
    package var recordedDate: Double
    /// The file's size when registered.
    package var imageSize: UInt32
    /// dcmqridx `-n` registers instances as "not new".
    package var isNew: Bool
    package var instanceDescription: String
    /// The 38 attribute fields in `dcmqridx.h`'s `RECORDIDX_*` order: bytes up
    /// to the first NUL, in the record's Specific Character Set.
    package var values: [[UInt8]]

    /// The `RECORDIDX_*` field names and the tags their values come from.
    package static var fields: [(name: String, tag: Tag)] { DCMTKIndexLayout.fields.map { ($0.name, $0.tag) } }

    /// The value of the first field filled from `tag`, decoded as ASCII/UTF-8
    /// (right for UIDs, codes, dates and numbers).
    package func string(_ tag: Tag) -> String? {
        guard let index = DCMTKIndexLayout.fields.firstIndex(where: { $0.tag == tag }), index < values.count else { return nil }
        return String(decoding: values[index], as: UTF8.self)
    }

    package var sopInstanceUID: String { string(.sopInstanceUID) ?? "" }
    package var studyInstanceUID: String { string(.studyInstanceUID) ?? "" }
    package var seriesInstanceUID: String { string(.seriesInstanceUID) ?? "" }
    package var patientID: String { string(.patientID) ?? "" }

    package init(slot: Int, filename: String, sopClassUID: String, recordedDate: Double, imageSize: UInt32,
                 isNew: Bool, instanceDescription: String, values: [[UInt8]]) {
        (self.slot, self.filename, self.sopClassUID, self.recordedDate, self.imageSize) = (slot, filename, sopClassUID, recordedDate, imageSize)
        (self.isNew, self.instanceDescription, self.values) = (isNew, instanceDescription, values)
    }

    /// Parses one `DCMTKIndexLayout.recordSize`-byte slot; nil for a free slot
    /// (empty filename). Every field has a fixed place, so short input is the
    /// only thing to check.
    init?(slot: Int, bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= DCMTKIndexLayout.recordSize else { return nil }
        let name = Self.cString(bytes, DCMTKIndexLayout.filename)
        guard !name.isEmpty else { return nil }
        self.init(slot: slot,
                  filename: String(decoding: name, as: UTF8.self),
                  sopClassUID: String(decoding: Self.cString(bytes, DCMTKIndexLayout.sopClassUID), as: UTF8.self),
                  recordedDate: bytes.loadUnaligned(fromByteOffset: DCMTKIndexLayout.recordedDate, as: Double.self),
                  imageSize: bytes.loadUnaligned(fromByteOffset: DCMTKIndexLayout.imageSize, as: UInt32.self),
                  isNew: bytes[DCMTKIndexLayout.hierarchyStatus] == 1,
                  instanceDescription: String(decoding: Self.cString(bytes, DCMTKIndexLayout.instanceDescription), as: UTF8.self),
                  values: DCMTKIndexLayout.fields.map { Self.cString(bytes, $0.range) })
    }

    /// The bytes of a `char[]` field up to its first NUL (all of it when none).
    static func cString(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> [UInt8] {
        let field = bytes[range]
        return Array(field.prefix { $0 != 0 })
    }
}

/// One used study slot of `index.dat` (`StudyDescRecord`): what dcmqrscp's
/// quotas count (spec §5.5).
package struct DCMTKStudyDescriptor: Sendable, Equatable {
    /// `STUDY DESCRIPTOR` in `dcmqridx -p`: 0…499.
    package var slot: Int
    package var studyInstanceUID: String
    package var studySize: UInt32
    package var lastRecordedDate: Double
    package var numberOfImages: UInt32

    package init(slot: Int, studyInstanceUID: String, studySize: UInt32, lastRecordedDate: Double, numberOfImages: UInt32) {
        (self.slot, self.studyInstanceUID, self.studySize) = (slot, studyInstanceUID, studySize)
        (self.lastRecordedDate, self.numberOfImages) = (lastRecordedDate, numberOfImages)
    }

    /// nil for a free slot (empty Study Instance UID).
    init?(slot: Int, bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= DCMTKIndexLayout.studyDescriptorSize else { return nil }
        let uid = DCMTKIndexRecord.cString(bytes, DCMTKIndexLayout.studyUID)
        guard !uid.isEmpty else { return nil }
        self.init(slot: slot, studyInstanceUID: String(decoding: uid, as: UTF8.self),
                  studySize: bytes.loadUnaligned(fromByteOffset: DCMTKIndexLayout.studySize, as: UInt32.self),
                  lastRecordedDate: bytes.loadUnaligned(fromByteOffset: DCMTKIndexLayout.studyLastRecordedDate, as: Double.self),
                  numberOfImages: bytes.loadUnaligned(fromByteOffset: DCMTKIndexLayout.studyImageCount, as: UInt32.self))
    }
}
