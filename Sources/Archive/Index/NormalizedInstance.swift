import DICOM

/// An `InstanceRecord` in the index's text form (`IndexValueDecoder`), checked:
/// what the writer turns into a journal record.
struct NormalizedInstance: Sendable {
    var fileName: String
    var fileSize: Int64
    var transferSyntaxUID: String
    var sopClassUID: String
    var sopInstanceUID: String
    var specificCharacterSet: String
    var patientID: String
    var studyInstanceUID: String
    var seriesInstanceUID: String
    /// Non-empty values other than the unique keys, per level, in table order.
    var values: [QueryRetrieveLevel: [JournalRecord.TagValue]]

    init(_ record: InstanceRecord, decoder: IndexValueDecoder) throws(IndexError) {
        func field(_ value: String, _ name: String, required: Bool = false) throws(IndexError) -> String {
            if required, value.isEmpty { throw .invalidRecord("empty \(name)") }
            guard value.utf8.count <= StringPool.maximumLength else {
                throw .invalidRecord("\(name) longer than \(StringPool.maximumLength) bytes")
            }
            return value
        }
        guard record.fileSize >= 0 else { throw .invalidRecord("negative file size") }
        fileName = try field(record.fileName, "file name", required: true)
        fileSize = record.fileSize
        transferSyntaxUID = try field(Self.trimmedUID(record.transferSyntaxUID), "Transfer Syntax UID")
        sopClassUID = try field(Self.trimmedUID(record.sopClassUID), "SOP Class UID")
        sopInstanceUID = try field(Self.trimmedUID(record.sopInstanceUID), "SOP Instance UID", required: true)
        specificCharacterSet = try field(record.specificCharacterSet, "Specific Character Set")
        func text(_ tag: Tag, _ vr: VR) -> String {
            guard let raw = record.attributes[tag] else { return "" }
            return Self.cut(decoder.text(of: raw, vr: vr, specificCharacterSet: record.specificCharacterSet))
        }
        patientID = try field(text(IndexedTag.patientID, .LO), "Patient ID")
        studyInstanceUID = try field(text(IndexedTag.studyInstanceUID, .UI), "Study Instance UID")
        seriesInstanceUID = try field(text(IndexedTag.seriesInstanceUID, .UI), "Series Instance UID")
        var values: [QueryRetrieveLevel: [JournalRecord.TagValue]] = [:]
        for level in QueryRetrieveLevel.allCases {
            let tags = IndexedAttributes.values(at: level)
            let vrs = IndexedAttributes.valueVRs(at: level)
            values[level] = tags.indices.compactMap { k in
                let value = text(tags[k], vrs[k])
                return value.isEmpty ? nil : JournalRecord.TagValue(tag: tags[k], value: value)
            }
        }
        self.values = values
    }

    /// UIDs lose their NUL padding and surrounding spaces (PS3.5 §9.1).
    static func trimmedUID(_ uid: String) -> String {
        var s = Substring(uid)
        while let last = s.last, last == "\0" || last == " " { s.removeLast() }
        while s.first == " " { s.removeFirst() }
        return String(s)
    }

    /// A value cut to what the pool holds, on a character boundary.
    static func cut(_ value: String) -> String {
        guard value.utf8.count > StringPool.maximumLength else { return value }
        var end = value.utf8.index(value.utf8.startIndex, offsetBy: StringPool.maximumLength)
        while end > value.utf8.startIndex, end.samePosition(in: value.unicodeScalars) == nil { end = value.utf8.index(before: end) }
        return String(value[..<end])
    }
}
