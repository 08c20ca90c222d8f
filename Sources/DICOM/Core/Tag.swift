/// A data element tag (PS3.5 §7.1): group and element number.
package struct Tag: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var group: UInt16
    package var element: UInt16

    package init(_ group: UInt16, _ element: UInt16) { (self.group, self.element) = (group, element) }
    package init(raw: UInt32) { self.init(UInt16(raw >> 16), UInt16(raw & 0xFFFF)) }

    package var raw: UInt32 { UInt32(group) << 16 | UInt32(element) }

    package static func < (a: Tag, b: Tag) -> Bool { a.raw < b.raw }

    /// Private data elements have an odd group number (PS3.5 §7.8).
    package var isPrivate: Bool { group & 1 == 1 }
    /// (gggg,0000): group length elements.
    package var isGroupLength: Bool { element == 0 }
    /// Private Creator Data Elements: (gggg,0010-00FF) in an odd group (PS3.5 §7.8.1).
    package var isPrivateCreator: Bool { isPrivate && element >= 0x0010 && element <= 0x00FF }

    /// DCMTK's spelling: `(0010,0020)`, lower-case hex.
    package var description: String { "(\(Self.hex4(group)),\(Self.hex4(element)))" }

    package static func hex4(_ v: UInt16) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 4 - s.count) + s
    }
}

extension Tag {
    // Delimiters of PS3.5 §7.5 (they carry no VR, even in explicit VR syntaxes).
    package static let item = Tag(0xFFFE, 0xE000)
    package static let itemDelimitationItem = Tag(0xFFFE, 0xE00D)
    package static let sequenceDelimitationItem = Tag(0xFFFE, 0xE0DD)

    // File meta information (PS3.10 §7.1).
    package static let fileMetaInformationGroupLength = Tag(0x0002, 0x0000)
    package static let fileMetaInformationVersion = Tag(0x0002, 0x0001)
    package static let mediaStorageSOPClassUID = Tag(0x0002, 0x0002)
    package static let mediaStorageSOPInstanceUID = Tag(0x0002, 0x0003)
    package static let transferSyntaxUID = Tag(0x0002, 0x0010)
    package static let implementationClassUID = Tag(0x0002, 0x0012)
    package static let implementationVersionName = Tag(0x0002, 0x0013)
    package static let sourceApplicationEntityTitle = Tag(0x0002, 0x0016)

    // Attributes the archive and the services name often.
    package static let specificCharacterSet = Tag(0x0008, 0x0005)
    package static let sopClassUID = Tag(0x0008, 0x0016)
    package static let sopInstanceUID = Tag(0x0008, 0x0018)
    package static let studyDate = Tag(0x0008, 0x0020)
    package static let studyTime = Tag(0x0008, 0x0030)
    package static let accessionNumber = Tag(0x0008, 0x0050)
    package static let queryRetrieveLevel = Tag(0x0008, 0x0052)
    package static let retrieveAETitle = Tag(0x0008, 0x0054)
    package static let failedSOPInstanceUIDList = Tag(0x0008, 0x0058)
    package static let modality = Tag(0x0008, 0x0060)
    package static let patientName = Tag(0x0010, 0x0010)
    package static let patientID = Tag(0x0010, 0x0020)
    package static let studyInstanceUID = Tag(0x0020, 0x000D)
    package static let seriesInstanceUID = Tag(0x0020, 0x000E)
    package static let studyID = Tag(0x0020, 0x0010)
    package static let seriesNumber = Tag(0x0020, 0x0011)
    package static let instanceNumber = Tag(0x0020, 0x0013)
    package static let pixelData = Tag(0x7FE0, 0x0010)
    package static let floatPixelData = Tag(0x7FE0, 0x0008)
    package static let doubleFloatPixelData = Tag(0x7FE0, 0x0009)
}
