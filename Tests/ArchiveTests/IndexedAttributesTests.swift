import DICOM
import Testing
@testable import Archive

@Suite struct IndexedAttributesTests {
    @Test(arguments: QueryRetrieveLevel.allCases)
    func everyDcmqrscpKeyIsHeldAtItsLevel(level: QueryRetrieveLevel) {
        let held = Set(IndexedAttributes.stored(at: level))
        for tag in IndexedAttributes.dcmqrscpKeys(at: level) {
            #expect(held.contains(tag), "\(tag) at \(level)")
            #expect(IndexedAttributes.level(of: tag) == level)
        }
    }

    @Test func everyTagIsInTheDictionaryAndHeldOnce() {
        let all = QueryRetrieveLevel.allCases.flatMap { IndexedAttributes.stored(at: $0) + IndexedAttributes.computed(at: $0) }
        #expect(Set(all).count == all.count)
        for tag in all { #expect(IndexedAttributes.vr(of: tag) != .UN, "\(tag)") }
        #expect(IndexedAttributes.extractedTags == IndexedAttributes.extractedTags.sorted())
        #expect(IndexedAttributes.extractedTags.contains(Tag(0x0008, 0x0005)))
    }

    @Test(arguments: [
        (Tag(0x0008, 0x0061), QueryRetrieveLevel.study),   // ModalitiesInStudy
        (Tag(0x0008, 0x0062), .study),                     // SOPClassesInStudy
        (Tag(0x0020, 0x1209), .series),                    // NumberOfSeriesRelatedInstances
        (Tag(0x0020, 0x1204), .patient),                   // NumberOfPatientRelatedInstances
        (Tag(0x0008, 0x103E), .series),                    // SeriesDescription
        (Tag(0x0028, 0x0010), .image),                     // Rows
        (Tag(0x0008, 0x0016), .image),                     // SOPClassUID
    ])
    func issueSixKeysAreIndexed(tag: Tag, level: QueryRetrieveLevel) {
        #expect(IndexedAttributes.level(of: tag) == level)
    }

    @Test func unknownTagsAreNotHeld() {
        #expect(IndexedAttributes.level(of: Tag(0x0009, 0x0010)) == nil)
        #expect(IndexedAttributes.level(of: Tag(0x7FE0, 0x0010)) == nil)
    }

    @Test(arguments: [
        ([UInt8]("  ACC03  ".utf8), Tag(0x0008, 0x0050), "", "ACC03"),
        ([UInt8]("1.2.3\0".utf8), Tag(0x0020, 0x000D), "", "1.2.3"),
        ([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], Tag(0x0010, 0x0010), "ISO_IR 100", "Müller"),
        ([0x4D, 0xC3, 0xBC, 0x6C, 0x6C, 0x65, 0x72], Tag(0x0010, 0x0010), "ISO_IR 192", "Müller"),
        ([0x00, 0x02], Tag(0x0028, 0x0010), "", "512"),
        ([0x01, 0x00, 0x02, 0x00], Tag(0x0028, 0x0011), "", "1\\2"),
    ] as [([UInt8], Tag, String, String)])
    func valuesAreDecoded(raw: [UInt8], tag: Tag, charset: String, text: String) {
        #expect(IndexValueDecoder.standard.text(of: raw, tag: tag, specificCharacterSet: charset) == text)
    }
}
