import DICOM
import Testing

struct DictionaryCase: Sendable, CustomStringConvertible {
    var tag: Tag, keyword: String, vr: VR, vm: String, retired: Bool
    var description: String { keyword }
}

@Suite struct DataDictionaryTests {
    static let cases: [DictionaryCase] = [
        .init(tag: Tag(0x0010, 0x0010), keyword: "PatientName", vr: .PN, vm: "1", retired: false),
        .init(tag: Tag(0x0020, 0x000D), keyword: "StudyInstanceUID", vr: .UI, vm: "1", retired: false),
        .init(tag: Tag(0x0008, 0x0061), keyword: "ModalitiesInStudy", vr: .CS, vm: "1-n", retired: false),
        .init(tag: Tag(0x0010, 0x1000), keyword: "OtherPatientIDs", vr: .LO, vm: "1-n", retired: true),
        .init(tag: Tag(0x7FE0, 0x0010), keyword: "PixelData", vr: .OB, vm: "1", retired: false),
        .init(tag: Tag(0x0000, 0x0900), keyword: "Status", vr: .US, vm: "1", retired: false),
        .init(tag: Tag(0x0028, 0x0106), keyword: "SmallestImagePixelValue", vr: .US, vm: "1", retired: false),
        .init(tag: Tag(0x0008, 0x0005), keyword: "SpecificCharacterSet", vr: .CS, vm: "1-n", retired: false),
    ]

    @Test(arguments: cases) func lookupByTagAndKeyword(_ c: DictionaryCase) throws {
        let byTag = try #require(DataDictionary.entry(for: c.tag))
        #expect(byTag.keyword == c.keyword)
        #expect(byTag.vr == c.vr)
        #expect(byTag.vm == c.vm)
        #expect(byTag.isRetired == c.retired)
        #expect(DataDictionary.entry(forKeyword: c.keyword)?.tag == c.tag)
    }

    @Test func holdsTheWholeStandard() {
        #expect(DataDictionary.standardEntryCount > 5000)
    }

    /// PS3.5 §7.6: overlay (60xx) and curve (50xx) groups repeat.
    @Test(arguments: [UInt16(0x6000), 0x6002, 0x601E]) func repeatingOverlayGroups(group: UInt16) throws {
        let e = try #require(DataDictionary.entry(for: Tag(group, 0x3000)))
        #expect(e.keyword == "OverlayData")
        #expect(e.tag == Tag(group, 0x3000))
    }

    @Test func privateAndUnknownTags() {
        #expect(DataDictionary.entry(for: Tag(0x0009, 0x1001)) == nil)
        #expect(DataDictionary.vr(for: Tag(0x0009, 0x1001)) == .UN)
        #expect(DataDictionary.vr(for: Tag(0x0009, 0x0010)) == .LO)   // private creator
        #expect(DataDictionary.vr(for: Tag(0x0018, 0x0000)) == .UL)   // group length
    }
}
