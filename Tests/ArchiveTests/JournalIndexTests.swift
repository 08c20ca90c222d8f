import DICOM
import Foundation
import QuarryTestSupport
import Synchronization
import Testing
@testable import Archive

@Suite struct JournalIndexTests {
    let patientName = Tag(0x0010, 0x0010)
    let studyDescription = Tag(0x0008, 0x1030)
    let seriesDescription = Tag(0x0008, 0x103E)

    @Test func valuesOfEveryLevelAreAnswered() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        var record = makeInstance("1.9.1", extra: [Tag(0x0020, 0x0013): "7", studyDescription: "Head"])
        record.attributes[Tag(0x0028, 0x0010)] = [0x00, 0x02]                 // Rows, US 512
        record.attributes[Tag(0x0008, 0x0020)] = Array("20240131".utf8)
        _ = try index.add(record, quota: .unlimited)
        let s = try index.snapshot()
        let instance = try #require(s.entities(at: .image).first { _ in true })
        #expect(s.string(Tag(0x0020, 0x0013), of: instance) == "7")
        #expect(s.string(Tag(0x0028, 0x0010), of: instance) == "512")
        #expect(s.string(Tag(0x0008, 0x0016), of: instance) == "1.2.840.10008.5.1.4.1.1.2")
        #expect(s.string(patientName, of: instance) == "Doe^P1")            // from the patient record
        #expect(s.string(Tag(0x0008, 0x0020), of: instance) == "20240131")
        let study = try #require(s.study("1.2.1"))
        #expect(s.string(studyDescription, of: study) == "Head")
        #expect(s.string(Tag(0x0020, 0x0013), of: study) == nil)            // lower level: not the index's to say
        #expect(s.string(Tag(0x0009, 0x0010), of: study) == nil)
        #expect(s.parent(of: instance).flatMap { s.parent(of: $0) } == study)
        #expect(s.instanceFile(instance)?.fileName == "CT_1.9.1.dcm")
        #expect(s.instanceFile(instance)?.transferSyntaxUID == "1.2.840.10008.1.2.1")
    }

    /// A level's values come from its first instance; later ones only fill empty values.
    @Test func levelValuesComeFromTheLevelsOwnRecord() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        _ = try index.add(makeInstance("1.9.1", extra: [studyDescription: "First"]), quota: .unlimited)
        _ = try index.add(makeInstance("1.9.2", extra: [studyDescription: "Second", seriesDescription: "Filled",
                                                        patientName: "Other^Name"]), quota: .unlimited)
        for index in [index, try JournalIndex(directory: area.path)] {          // live, and replayed
            let s = try index.snapshot()
            let study = try #require(s.study("1.2.1"))
            let series = try #require(s.children(of: study).first)
            #expect(s.string(studyDescription, of: study) == "First")
            #expect(s.string(seriesDescription, of: series) == "Filled")
            #expect(s.string(patientName, of: study) == "Doe^P1")
            for instance in s.entities(at: .image) { #expect(s.string(studyDescription, of: instance) == "First") }
        }
    }

    @Test func characterSetsAreDecodedAndKept() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        var record = makeInstance("1.9.1")
        record.specificCharacterSet = "ISO_IR 100"
        record.attributes[patientName] = [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x20]   // "Müller " in Latin-1
        _ = try index.add(record, quota: .unlimited)
        let s = try index.snapshot()
        let patient = try #require(s.entities(at: .patient).first { _ in true })
        #expect(s.string(patientName, of: patient) == "Müller")
        #expect(s.specificCharacterSet(of: patient) == "ISO_IR 100")
        #expect(s.string(Tag(0x0008, 0x0005), of: patient) == "ISO_IR 100")
    }

    @Test func computedValues() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        _ = try index.add(makeInstance("1.9.1", series: 1, modality: "CT"), quota: .unlimited)
        _ = try index.add(makeInstance("1.9.2", series: 1, modality: "CT"), quota: .unlimited)
        _ = try index.add(makeInstance("1.9.3", series: 2, modality: "MR", sopClass: "1.2.840.10008.5.1.4.1.1.4"), quota: .unlimited)
        _ = try index.add(makeInstance("1.9.4", study: 2, series: 1, patient: 1, modality: "CT"), quota: .unlimited)
        let s = try index.snapshot()
        let study = try #require(s.study("1.2.1"))
        let patient = try #require(s.parent(of: study))
        #expect(s.string(Tag(0x0008, 0x0061), of: study) == "CT\\MR")
        let modalities = try #require(IndexedAttributes.attribute(Tag(0x0008, 0x0061)))
        #expect(modalities.isComputed && modalities.level == .study)
        #expect(s.string(modalities, of: study) == "CT\\MR")
        #expect(s.valueID(modalities, of: study) == nil)
        #expect(s.string(Tag(0x0008, 0x0062), of: study) == "1.2.840.10008.5.1.4.1.1.2\\1.2.840.10008.5.1.4.1.1.4")
        #expect(s.string(Tag(0x0020, 0x1206), of: study) == "2")
        #expect(s.string(Tag(0x0020, 0x1208), of: study) == "3")
        #expect(s.string(Tag(0x0020, 0x1209), of: s.children(of: study)[0]) == "2")
        #expect(s.string(Tag(0x0020, 0x1200), of: patient) == "2")
        #expect(s.string(Tag(0x0020, 0x1202), of: patient) == "3")
        #expect(s.string(Tag(0x0020, 0x1204), of: patient) == "4")
        #expect(s.byteCount(of: study) == 3000)
        #expect(s.count(at: .patient) == 1 && s.count(at: .study) == 2 && s.count(at: .series) == 3)

        _ = try index.remove(sopInstanceUID: "1.9.3")
        let after = try index.snapshot()
        #expect(after.string(Tag(0x0008, 0x0061), of: study) == "CT")
        #expect(after.string(Tag(0x0008, 0x0062), of: study) == "1.2.840.10008.5.1.4.1.1.2")
        #expect(after.string(Tag(0x0020, 0x1206), of: study) == "1")
        #expect(after.count(at: .series) == 2)
        // The earlier snapshot did not change.
        #expect(s.count(at: .series) == 3)
    }

    @Test func duplicateInTheSameStudyReplacesTheOldRecord() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        _ = try index.add(makeInstance("1.9.1"), quota: .unlimited)
        var again = makeInstance("1.9.1", size: 1500)
        again.fileName = "CT_new.dcm"
        let outcome = try index.add(again, quota: .unlimited)
        #expect(outcome.replaced?.fileName == "CT_1.9.1.dcm")
        #expect(outcome.replaced?.studyInstanceUID == "1.2.1")
        let s = try index.snapshot()
        #expect(s.count(at: .image) == 1)
        #expect(s.retrieveList(for: Array(s.entities(at: .study))).map(\.fileName) == ["CT_new.dcm"])
        #expect(s.byteCount(of: try #require(s.study("1.2.1"))) == 1500)
    }

    /// Where dcmqrscp keeps two records and later corrupts its study table (spec §12.6),
    /// the newest copy wins and the emptied study goes.
    @Test func duplicateAcrossStudiesMovesTheInstance() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        _ = try index.add(makeInstance("1.9.1", study: 1), quota: .unlimited)
        let moved = try index.add(makeInstance("1.9.1", study: 2), quota: .unlimited)
        #expect(moved.replaced?.studyInstanceUID == "1.2.1")
        let back = try index.add(makeInstance("1.9.1", study: 1), quota: .unlimited)
        #expect(back.replaced?.studyInstanceUID == "1.2.2")
        for index in [index, try JournalIndex(directory: area.path)] {
            let s = try index.snapshot()
            #expect(s.sopInstanceUIDs == ["1.9.1"])
            #expect(s.count(at: .study) == 1)
            #expect(s.study("1.2.2") == nil)
            #expect(s.string(Tag(0x0020, 0x1208), of: try #require(s.study("1.2.1"))) == "1")
        }
    }

    @Test func removeReportsWhatWentAndIgnoresTheUnknown() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        _ = try index.add(makeInstance("1.9.1"), quota: .unlimited)
        #expect(try index.remove(sopInstanceUID: "1.9.1")?.fileName == "CT_1.9.1.dcm")
        #expect(try index.remove(sopInstanceUID: "1.9.1") == nil)
        let s = try index.snapshot()
        #expect(s.count(at: .image) == 0 && s.count(at: .study) == 0 && s.count(at: .patient) == 0)
    }

    @Test(arguments: [
        ("", "CT_x.dcm"),
        ("1.2.3", ""),
    ])
    func recordsWithoutIdentityAreRefused(sop: String, file: String) throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        var record = makeInstance(sop)
        record.fileName = file
        #expect(throws: IndexError.self) { try index.add(record, quota: .unlimited) }
        #expect(try index.snapshot().count(at: .image) == 0)
    }

    /// `quarryidx` in another process appends while the server runs: the server's next
    /// snapshot includes it, and the other way round, also across a compaction.
    @Test func twoIndexesOnOneJournalCatchUp() throws {
        let area = try TemporaryDirectory()
        let server = try JournalIndex(directory: area.path, compactionMinimumRecords: 4)
        let tool = try JournalIndex(directory: area.path, compactionMinimumRecords: 4)
        _ = try tool.add(makeInstance("1.9.1"), quota: .unlimited)
        #expect(try server.snapshot().sopInstanceUIDs == ["1.9.1"])
        _ = try server.add(makeInstance("1.9.2", study: 2), quota: .unlimited)
        _ = try tool.add(makeInstance("1.9.2", study: 3), quota: .unlimited)   // the newest wins in both
        #expect(try server.snapshot().sopInstanceUIDs == ["1.9.1", "1.9.2"])
        #expect(try server.snapshot().study("1.2.3") != nil)
        #expect(try tool.snapshot().study("1.2.2") == nil)
        for k in 3...6 { _ = try server.add(makeInstance("1.9.\(k)"), quota: .unlimited) }
        for k in 3...6 { _ = try server.remove(sopInstanceUID: "1.9.\(k)") }   // compacts
        _ = try tool.add(makeInstance("1.9.7"), quota: .unlimited)             // into the compacted file
        #expect(try server.snapshot().sopInstanceUIDs == ["1.9.1", "1.9.2", "1.9.7"])
        #expect(try tool.snapshot().sopInstanceUIDs == ["1.9.1", "1.9.2", "1.9.7"])
        #expect(try JournalIndex(directory: area.path).snapshot().sopInstanceUIDs == ["1.9.1", "1.9.2", "1.9.7"])
    }

    /// Stores from many threads (and two index objects, as two processes would) each get
    /// their own sequence number; duplicates leave one record; one sync serves several.
    @Test func concurrentAddsFromManyThreads() throws {
        let area = try TemporaryDirectory()
        let syncs = Counter()
        let first = try JournalIndex(directory: area.path) { syncs.increment() }
        let second = try JournalIndex(directory: area.path) { syncs.increment() }
        let threads = 8, perThread = 40
        let sequences = Collector<UInt64>()
        onThreads(threads) { t in
            let index = t % 2 == 0 ? first : second
            for k in 0..<perThread {
                // Threads t and t+4 send the same SOP Instance UIDs.
                let outcome = try? index.add(makeInstance("1.9.\(t % 4).\(k)", study: k % 5 + 1, series: t % 4 + 1),
                                             quota: .unlimited)
                if let outcome { sequences.append(outcome.sequence) }
            }
        }
        let all = sequences.values
        #expect(all.count == threads * perThread)
        #expect(Set(all).count == all.count)
        #expect(syncs.value <= threads * perThread)
        for index in [first, second, try JournalIndex(directory: area.path)] {
            let s = try index.snapshot()
            #expect(s.count(at: .image) == 4 * perThread)
            #expect(Set(s.sopInstanceUIDs).count == 4 * perThread)
            #expect(s.count(at: .study) == 5)
            let total = s.entities(at: .study).reduce(0) { $0 + s.relatedCount(.image, of: $1) }
            #expect(total == 4 * perThread)
        }
    }

    /// After a failed journal sync nothing more is promised durable.
    @Test func failedSyncMakesTheIndexRefuseWrites() throws {
        let area = try TemporaryDirectory()
        let failing = Flag()
        let index = try JournalIndex(directory: area.path, log: .silent, decoder: .standard, compactionMinimumRecords: 1000) {
            file throws(IndexError) in
            if failing.isSet { throw .io(operation: "fdatasync", path: file.path, errno: 5) }
            try file.syncData()
        }
        _ = try index.add(makeInstance("1.9.1"), quota: .unlimited)
        failing.set(true)
        #expect(throws: IndexError.self) { try index.add(makeInstance("1.9.2"), quota: .unlimited) }
        failing.set(false)
        #expect(throws: IndexError.self) { try index.add(makeInstance("1.9.3"), quota: .unlimited) }
        #expect(try index.snapshot().count(at: .image) >= 1)
    }

    /// A query's snapshot does not move while stores go on.
    @Test func snapshotIsStableWhileStoresContinue() throws {
        let area = try TemporaryDirectory()
        let index = try JournalIndex(directory: area.path)
        for k in 1...50 { _ = try index.add(makeInstance("1.9.\(k)", study: k % 3 + 1), quota: .unlimited) }
        let snapshot = try index.snapshot()
        let before = snapshot.sopInstanceUIDs
        for k in 1...25 { _ = try index.remove(sopInstanceUID: "1.9.\(k)") }
        for k in 51...120 { _ = try index.add(makeInstance("1.9.\(k)", study: k % 7 + 1), quota: .unlimited) }
        #expect(snapshot.sopInstanceUIDs == before)
        #expect(snapshot.count(at: .study) == 3)
        #expect(try index.snapshot().count(at: .image) == 95)
    }
}

@Suite struct GroupCommitTests {
    /// While one sync runs, the stores that arrive wait for the next one, which serves
    /// them all: far fewer syncs than stores, and every store returns after a sync
    /// that began after its record was written.
    @Test func oneSyncServesEveryWaitingStore() throws {
        let area = try TemporaryDirectory()
        let syncs = Counter()
        let index = try JournalIndex(directory: area.path, log: .silent, decoder: .standard, compactionMinimumRecords: 1000) {
            file throws(IndexError) in
            try file.syncData()
            usleep(3000)
            syncs.increment()
        }
        let threads = 8, perThread = 20
        onThreads(threads) { t in
            for k in 0..<perThread { _ = try? index.add(makeInstance("1.9.\(t).\(k)"), quota: .unlimited) }
        }
        #expect(try index.snapshot().count(at: .image) == threads * perThread)
        #expect(syncs.value < threads * perThread / 2, "\(syncs.value) syncs")
    }
}
