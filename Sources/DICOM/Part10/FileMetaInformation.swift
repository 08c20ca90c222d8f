/// The File Meta Information of a Part 10 file (PS3.10 §7.1, Table 7.1-1):
/// group 0002, always Explicit VR Little Endian, after a 128-byte preamble
/// and "DICM".
package struct FileMetaInformation: Sendable, Equatable {
    /// File Meta Information Version (0002,0001): 00H 01H for this version of PS3.10.
    package var version: [UInt8]
    package var mediaStorageSOPClassUID: String
    package var mediaStorageSOPInstanceUID: String
    package var transferSyntaxUID: String
    package var implementationClassUID: String
    package var implementationVersionName: String?
    package var sourceApplicationEntityTitle: String?
    /// Any other group 0002 elements (Sending/Receiving AE Title, Private
    /// Information…), written as they are.
    package var otherElements: [DataElement]

    package init(mediaStorageSOPClassUID: String, mediaStorageSOPInstanceUID: String, transferSyntaxUID: String,
                 implementationClassUID: String, implementationVersionName: String? = nil,
                 sourceApplicationEntityTitle: String? = nil, otherElements: [DataElement] = []) {
        version = [0x00, 0x01]
        (self.mediaStorageSOPClassUID, self.mediaStorageSOPInstanceUID) = (mediaStorageSOPClassUID, mediaStorageSOPInstanceUID)
        (self.transferSyntaxUID, self.implementationClassUID) = (transferSyntaxUID, implementationClassUID)
        (self.implementationVersionName, self.sourceApplicationEntityTitle) = (implementationVersionName, sourceApplicationEntityTitle)
        self.otherElements = otherElements
    }

    /// The meta information of group 0002 elements as read; a missing element
    /// reads as an empty string (a file may lack them, PS3.10 does not forgive it).
    package init(_ group: DataSet) {
        self.init(mediaStorageSOPClassUID: Self.uid(group, .mediaStorageSOPClassUID),
                  mediaStorageSOPInstanceUID: Self.uid(group, .mediaStorageSOPInstanceUID),
                  transferSyntaxUID: Self.uid(group, .transferSyntaxUID),
                  implementationClassUID: Self.uid(group, .implementationClassUID),
                  implementationVersionName: group.string(.implementationVersionName),
                  sourceApplicationEntityTitle: group.string(.sourceApplicationEntityTitle))
        if let v = group[.fileMetaInformationVersion]?.bytes { version = v }
        otherElements = group.elements.filter { !Self.standardTags.contains($0.tag) && $0.tag.group == 0x0002 }
    }

    private static let standardTags: Set<Tag> = [
        .fileMetaInformationGroupLength, .fileMetaInformationVersion, .mediaStorageSOPClassUID,
        .mediaStorageSOPInstanceUID, .transferSyntaxUID, .implementationClassUID, .implementationVersionName,
        .sourceApplicationEntityTitle,
    ]

    private static func uid(_ group: DataSet, _ tag: Tag) -> String { TransferSyntax.unpadded(group.string(tag) ?? "") }

    /// The transfer syntax named, nil when PS3.6 does not list it.
    package var transferSyntax: TransferSyntax? { TransferSyntax(uid: transferSyntaxUID) }

    /// Group 0002 with File Meta Information Group Length (0002,0000) computed.
    package var dataSet: DataSet {
        var group = DataSet()
        group.set(DataElement(tag: .fileMetaInformationVersion, vr: .OB, bytes: version))
        group.setString(.mediaStorageSOPClassUID, .UI, mediaStorageSOPClassUID)
        group.setString(.mediaStorageSOPInstanceUID, .UI, mediaStorageSOPInstanceUID)
        group.setString(.transferSyntaxUID, .UI, transferSyntaxUID)
        group.setString(.implementationClassUID, .UI, implementationClassUID)
        if let implementationVersionName { group.setString(.implementationVersionName, .SH, implementationVersionName) }
        if let sourceApplicationEntityTitle { group.setString(.sourceApplicationEntityTitle, .AE, sourceApplicationEntityTitle) }
        for element in otherElements { group.set(element) }
        var writer = DataSetWriter(options: DataSetEncodingOptions())
        try? writer.write(group, .explicitVRLittleEndian)   // group 0002 values are far below 4 GiB
        group.setUInt32(.fileMetaInformationGroupLength, UInt32(truncatingIfNeeded: writer.output.count))
        return group
    }

    /// The bytes before a Part 10 file's data set: the preamble (128 zero
    /// bytes unless given), "DICM", and group 0002 in Explicit VR Little Endian
    /// with its group length computed (PS3.10 §7.1). The storage path writes
    /// these, then the data set bytes as received.
    package func encodedHeader(preamble: [UInt8]? = nil) -> [UInt8] {
        var bytes = preamble.map { Array($0.prefix(128)) } ?? []
        bytes += [UInt8](repeating: 0, count: 128 - bytes.count)
        bytes += Part10Header.prefix
        var writer = DataSetWriter(options: DataSetEncodingOptions())
        try? writer.write(dataSet, .explicitVRLittleEndian)
        return bytes + writer.output
    }
}
