import DICOM
import QuarryTestSupport
import Testing
@testable import Archive

@Suite struct QuotaTests {
    /// The least recently stored-into study goes, by journal sequence: storing into
    /// study 1 again makes study 2 the oldest.
    @Test func maxStudiesEvictsTheLeastRecentlyStoredIntoStudy() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        let quota = StorageQuota(maxStudies: 2)
        _ = try index.add(makeInstance("1.9.1", study: 1), quota: quota)
        _ = try index.add(makeInstance("1.9.2", study: 2), quota: quota)
        _ = try index.add(makeInstance("1.9.3", study: 2), quota: quota)
        _ = try index.add(makeInstance("1.9.4", study: 1), quota: quota)
        let outcome = try index.add(makeInstance("1.9.5", study: 3), quota: quota)
        #expect(outcome.evicted.map(\.instance.sopInstanceUID) == ["1.9.2", "1.9.3"])
        #expect(outcome.evicted.allSatisfy { $0.reason == .maxStudies && $0.instance.studyInstanceUID == "1.2.2" })
        #expect(outcome.evicted.first?.instance.patientID == "P2")
        #expect(outcome.evicted.first?.instance.fileName == "CT_1.9.2.dcm")
        let s = try index.snapshot()
        #expect(s.entities(at: .study).compactMap { s.string(Tag(0x0020, 0x000D), of: $0) } == ["1.2.1", "1.2.3"])
        #expect(s.studiesByLastStore.compactMap { s.string(Tag(0x0020, 0x000D), of: $0) } == ["1.2.1", "1.2.3"])
    }

    /// dcmqrscp's one-second ages let a just-stored study be evicted (spec §12.3); by
    /// sequence, 505 studies into a 500-study area keep the 500 newest.
    @Test func sequenceOrderKeepsTheNewestStudies() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        let quota = StorageQuota(maxStudies: 500)
        let records = (0..<505).map { makeInstance("1.9.\($0)", study: $0) }
        let results = try index.add(records, quota: quota)
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        let s = try index.snapshot()
        #expect(s.count(at: .study) == 500)
        #expect(s.study("1.2.4") == nil && s.study("1.2.5") != nil && s.study("1.2.504") != nil)
    }

    @Test func theStudyBeingStoredIsNeverEvicted() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        let quota = StorageQuota(maxStudies: 1)
        _ = try index.add(makeInstance("1.9.1", study: 1), quota: quota)
        #expect(try index.add(makeInstance("1.9.2", study: 1), quota: quota).evicted.isEmpty)
        let outcome = try index.add(makeInstance("1.9.3", study: 2), quota: quota)
        #expect(outcome.evicted.count == 2)
        // A limit of 0 still stores the new study (alone).
        let zero = try index.add(makeInstance("1.9.4", study: 3), quota: StorageQuota(maxStudies: 0))
        #expect(zero.evicted.map(\.instance.sopInstanceUID) == ["1.9.3"])
        #expect(try index.snapshot().sopInstanceUIDs == ["1.9.4"])
    }

    /// 4 instances of 1000 bytes into a study limited to 2500: the 2 newest stay
    /// (dcmqrscp: 4 × 39 KB into 100 KB, spec §5.5).
    @Test func maxBytesPerStudyEvictsTheOldestInstancesOfThatStudy() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        let quota = StorageQuota(maxBytesPerStudy: 2500)
        _ = try index.add(makeInstance("1.9.0", study: 9), quota: quota)
        var evicted: [String] = []
        for k in 1...4 {
            let outcome = try index.add(makeInstance("1.9.\(k)", study: 1, series: k % 2 + 1), quota: quota)
            evicted += outcome.evicted.map(\.instance.sopInstanceUID)
            #expect(outcome.evicted.allSatisfy { $0.reason == .maxBytesPerStudy })
        }
        #expect(evicted == ["1.9.1", "1.9.2"])
        let s = try index.snapshot()
        #expect(s.byteCount(of: try #require(s.study("1.2.1"))) == 2000)
        #expect(s.study("1.2.9") != nil)
    }

    @Test(arguments: [StorageQuota.Policy.delete, .reject])
    func instanceLargerThanTheStudyLimitIsRefused(policy: StorageQuota.Policy) throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        let quota = StorageQuota(maxBytesPerStudy: 1000, policy: policy)
        _ = try index.add(makeInstance("1.9.1", size: 1000), quota: quota)
        #expect(throws: IndexError.quotaExceeded(.instanceLargerThanStudyLimit(instanceBytes: 1001, maxBytesPerStudy: 1000))) {
            try index.add(makeInstance("1.9.2", size: 1001), quota: quota)
        }
        #expect(try index.snapshot().sopInstanceUIDs == ["1.9.1"])
    }

    @Test func rejectPolicyRefusesInsteadOfDeleting() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        let quota = StorageQuota(maxStudies: 1, maxBytesPerStudy: 2000, policy: .reject)
        _ = try index.add(makeInstance("1.9.1", study: 1), quota: quota)
        _ = try index.add(makeInstance("1.9.2", study: 1), quota: quota)
        #expect(throws: IndexError.quotaExceeded(.studyBytes(studyBytes: 2000, instanceBytes: 1000, maxBytesPerStudy: 2000))) {
            try index.add(makeInstance("1.9.3", study: 1), quota: quota)
        }
        #expect(throws: IndexError.quotaExceeded(.studies(count: 1, maxStudies: 1))) {
            try index.add(makeInstance("1.9.4", study: 2), quota: quota)
        }
        // A duplicate replaces its own bytes: it fits.
        #expect(try index.add(makeInstance("1.9.2", study: 1), quota: quota).replaced != nil)
        #expect(try index.snapshot().sopInstanceUIDs == ["1.9.1", "1.9.2"])
    }

    /// Moving the only instance of the only study into a new study is no new study.
    @Test func duplicateThatEmptiesItsStudyFreesItsSlot() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        let quota = StorageQuota(maxStudies: 1, policy: .reject)
        _ = try index.add(makeInstance("1.9.1", study: 1), quota: quota)
        let outcome = try index.add(makeInstance("1.9.1", study: 2), quota: quota)
        #expect(outcome.replaced?.studyInstanceUID == "1.2.1" && outcome.evicted.isEmpty)
    }

    /// Evictions are journaled: a reload sees the same area.
    @Test func evictionsSurviveAReload() throws {
        let area = try TemporaryDirectory()
        do {
            let index = try JournalIndex(directory: area.path)
            for k in 1...5 { _ = try index.add(makeInstance("1.9.\(k)", study: k), quota: StorageQuota(maxStudies: 2)) }
        }
        #expect(try JournalIndex(directory: area.path).snapshot().sopInstanceUIDs == ["1.9.4", "1.9.5"])
    }
}
