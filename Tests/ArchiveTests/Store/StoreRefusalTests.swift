import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// What the pipeline refuses with 0xC000 (spec §5.3; issue 5: data sets that
/// do not parse or end early, and — beyond dcmqrscp — objects the index could
/// not file under a study and series), and what it stores with a warning.
/// A refusal leaves nothing in the area and nothing in the index.
@Suite struct StoreRefusalTests {
    static let hostileUIDs: [(String, [UInt8])] = [
        ("empty", []),
        ("NUL inside", Array("1.2.3".utf8) + [0] + Array("4.5".utf8)),
        ("slash", Array("1.2/../../etc".utf8)),
        ("backslash", Array("1.2.3\\1.2.4".utf8)),
        ("letters", Array("1.2.abc".utf8)),
    ]

    @Test(arguments: hostileUIDs)
    func hostileStudyInstanceUIDIsRefused(label: String, value: [UInt8]) throws {
        try expectRefusal(replacing: .studyInstanceUID, with: value, comment: "Unusable Study Instance UID")
    }

    @Test(arguments: hostileUIDs)
    func hostileSeriesInstanceUIDIsRefused(label: String, value: [UInt8]) throws {
        try expectRefusal(replacing: .seriesInstanceUID, with: value, comment: "Unusable Series Instance UID")
    }

    @Test(arguments: [(Tag.studyInstanceUID, "No Study Instance UID (0020,000d) in the data set"),
                      (Tag.seriesInstanceUID, "No Series Instance UID (0020,000e) in the data set")])
    func missingStudyOrSeriesInstanceUIDIsRefused(tag: Tag, comment: String) throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        var object = StoreTestObject(1)
        if tag == .studyInstanceUID { object.studyInstanceUID = nil } else { object.seriesInstanceUID = nil }
        let result = try store(object, into: area)
        #expect(result.status == .cannotUnderstand)
        #expect(result.errorComment == comment)
        #expect(try leftovers(dir.path).isEmpty)
    }

    /// dcmqrscp: "E: Bad image file" and 0xC000 when SOP Class or Instance UID is absent.
    @Test func missingSOPInstanceUIDIsRefused() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        var object = StoreTestObject(1)
        let request = object.request()
        object.sopInstanceUID = nil
        let log = StorageTestLog()
        let result = store(try object.encoded(), request, into: area, log: log.log)
        #expect(result.status == .cannotUnderstand)
        #expect(result.errorComment == "No SOP Instance UID (0008,0018) in the data set")
        #expect(log.text.contains("E: Bad image file: "))
        #expect(try leftovers(dir.path).isEmpty)
    }

    /// A data set cut anywhere inside its elements ends early: 0xC000, nothing kept.
    @Test(arguments: [1, 9, 30, 57, 100])
    func truncatedDataSetIsRefused(cutFromEnd: Int) throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        let object = StoreTestObject(1)
        let sent = try object.encoded()
        let log = StorageTestLog()
        let result = store(Array(sent.dropLast(cutFromEnd)), object.request(), into: area, log: log.log)
        #expect(result.status == .cannotUnderstand)
        #expect(result.errorComment?.hasPrefix("Data set does not parse") == true)
        #expect(log.text.contains("E: Store SCP: cannot understand the data set of \(object.sopInstanceUID ?? "")"))
        #expect(try leftovers(dir.path).isEmpty)
        #expect(try area.index.snapshot().count(at: .image) == 0)
    }

    @Test(arguments: [[UInt8](), Array("not a DICOM data set at all".utf8), [0x08, 0x00, 0x16, 0x00, 0x55, 0x49, 0xFF, 0x7F]])
    func bytesThatAreNoDataSetAreRefused(bytes: [UInt8]) throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        let result = store(bytes, StoreTestObject(1).request(), into: area)
        #expect(result.status == .cannotUnderstand)
        #expect(try leftovers(dir.path).isEmpty)
    }

    /// Real modalities send these: stored, with a warning naming the problem.
    @Test(arguments: [("leading zero", "1.2.826.0.1.3680043.8.498.5555.01"),
                      ("over 64 characters", "1.2.826.0.1.3680043.8.498.5555." + String(repeating: "9", count: 40))])
    func irregularUIDIsStoredWithAWarning(label: String, uid: String) throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        var object = StoreTestObject(1)
        object.studyInstanceUID = uid
        let log = StorageTestLog()
        let result = try store(object, into: area, log: log.log)
        #expect(result.status == .success)
        #expect(log.text.contains("W: Store SCP: storing \(object.sopInstanceUID ?? "") with an irregular Study Instance UID \"\(uid)\""))
        let snapshot = try area.index.snapshot()
        #expect(snapshot.study(uid) != nil)
    }

    private func expectRefusal(replacing tag: Tag, with value: [UInt8], comment: String) throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        var object = StoreTestObject(1)
        object.extra = [DataElement(tag: tag, vr: .UI, bytes: value.count % 2 == 0 ? value : value + [0])]
        let log = StorageTestLog()
        let result = try store(object, into: area, log: log.log)
        #expect(result.status == .cannotUnderstand)
        #expect(result.errorComment?.hasPrefix(comment) == true, "\(result.errorComment ?? "")")
        #expect(log.text.contains("E: Store SCP: refusing \(object.sopInstanceUID ?? "")"))
        #expect(try leftovers(dir.path).isEmpty)
        #expect(try area.index.snapshot().count(at: .image) == 0)
    }
}
