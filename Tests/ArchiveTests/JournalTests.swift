import DICOM
import Foundation
import QuarryTestSupport
import Testing
@testable import Archive

@Suite struct JournalTests {
    /// A record read back has every field it was written with.
    @Test func recordRoundTrips() throws {
        let add = JournalRecord.Add(
            fileName: "CT_1.dcm", fileSize: 1234, transferSyntaxUID: "1.2.840.10008.1.2", sopClassUID: "1.2.3",
            sopInstanceUID: "9.8.7", specificCharacterSet: "ISO_IR 100",
            patient: .init(key: "P1", values: [.init(tag: Tag(0x0010, 0x0010), value: "Müller")]),
            study: .init(key: "1.2", specificCharacterSet: "ISO_IR 192", values: []),
            series: .init(key: "1.2.1", values: [.init(tag: Tag(0x0008, 0x0060), value: "MR")]),
            imageValues: [.init(tag: Tag(0x0020, 0x0013), value: "7")])
        let frame = JournalRecord.add(add).framed(sequence: 42)
        try frame.withUnsafeBytes { b in
            let f = try #require(JournalScanner.frame(in: b, at: 0, after: 41))
            #expect(f.sequence == 42 && f.end == frame.count)
            guard case .add(let v) = f.record else { Issue.record("not an add"); return }
            #expect(String(decoding: v.fileName, as: UTF8.self) == "CT_1.dcm")
            #expect(v.fileSize == 1234)
            #expect(String(decoding: v.study.specificCharacterSet ?? UnsafeRawBufferPointer(start: nil, count: 0), as: UTF8.self) == "ISO_IR 192")
            var patientValues: [String] = []
            v.patient.values.forEach { tag, value in patientValues.append("\(tag)=\(String(decoding: value, as: UTF8.self))") }
            #expect(patientValues == ["(0010,0010)=Müller"])
            // Not after a record with the same or a higher sequence number.
            #expect(JournalScanner.frame(in: b, at: 0, after: 42) == nil)
        }
    }

    /// Every single-byte change of a frame is caught (CRC-32C, length or sequence check).
    @Test func anyFlippedByteIsCaught() {
        let frame = JournalRecord.remove(sopInstanceUID: "1.2.3.4").framed(sequence: 5)
        for k in frame.indices {
            var damaged = frame
            damaged[k] ^= 0x10
            damaged.withUnsafeBytes { #expect(JournalScanner.frame(in: $0, at: 0, after: 4) == nil, "byte \(k)") }
        }
    }

    @Test func newJournalHasAHeader() throws {
        let area = try TemporaryDirectory()
        _ = try JournalIndex(directory: area.path)
        let bytes = try readFile(area.path + "/quarry.index")
        #expect(bytes.count == 32)
        #expect(Array(bytes[0..<8]) == Array("QUARRYIX".utf8))
        #expect(bytes[8] == 1)
    }

    @Test func foreignFileIsRefused() throws {
        let area = try TemporaryDirectory()
        try writeFile(area.path + "/quarry.index", Array("QRDB05 not a Quarry index at all, sorry".utf8))
        #expect(throws: IndexError.self) { try JournalIndex(directory: area.path) }
    }

    @Test func newerVersionIsRefused() throws {
        let area = try TemporaryDirectory()
        try writeFile(area.path + "/quarry.index", JournalFormat.Header(version: 2).encoded)
        #expect(throws: IndexError.unsupportedVersion(path: area.path + "/quarry.index", version: 2)) {
            try JournalIndex(directory: area.path)
        }
    }

    /// A crash while the last record was written: the journal cut at every offset inside
    /// that record loads the earlier records, warns, and cuts the tail off the file.
    @Test func tornTailIsCutAtEveryOffset() throws {
        let source = try TemporaryDirectory()
        let journal = source.path + "/quarry.index"
        var lastStart = 0
        do {
            let index = try JournalIndex(directory: source.path)
            for k in 1...3 {
                if k == 3 { lastStart = try readFile(journal).count }
                _ = try index.add(makeInstance("1.9.\(k)"), quota: .unlimited)
            }
        }
        let whole = try readFile(journal)
        #expect(whole.count > lastStart + 100)
        for cut in lastStart..<whole.count {
            let area = try TemporaryDirectory()
            try writeFile(area.path + "/quarry.index", Array(whole[0..<cut]))
            let recorder = LogRecorder()
            let index = try JournalIndex(directory: area.path, log: recorder.log)
            #expect(try index.snapshot().sopInstanceUIDs == ["1.9.1", "1.9.2"], "cut at \(cut)")
            #expect(recorder.warnings.count == (cut == lastStart ? 0 : 1), "cut at \(cut)")
            if cut > lastStart {
                #expect(recorder.warnings.first?.contains("cut off \(cut - lastStart) bytes") == true)
            }
            #expect(try readFile(area.path + "/quarry.index").count == lastStart)
            // Appends after the cut are read back.
            _ = try index.add(makeInstance("1.9.4"), quota: .unlimited)
            let reopened = try JournalIndex(directory: area.path)
            #expect(try reopened.snapshot().sopInstanceUIDs == ["1.9.1", "1.9.2", "1.9.4"])
        }
    }

    /// A damaged record between good ones is skipped with a warning; the journal is
    /// then compacted, so the next start is silent.
    @Test func corruptRecordInTheMiddleIsSkipped() throws {
        let area = try TemporaryDirectory()
        let journal = area.path + "/quarry.index"
        var starts: [Int] = []
        do {
            let index = try JournalIndex(directory: area.path)
            for k in 1...4 {
                starts.append(try readFile(journal).count)
                _ = try index.add(makeInstance("1.9.\(k)"), quota: .unlimited)
            }
        }
        var bytes = try readFile(journal)
        bytes[starts[1] + 40] ^= 0xFF
        try writeFile(journal, bytes)
        let recorder = LogRecorder()
        let index = try JournalIndex(directory: area.path, log: recorder.log)
        #expect(try index.snapshot().sopInstanceUIDs == ["1.9.1", "1.9.3", "1.9.4"])
        #expect(recorder.warnings.count == 1)
        #expect(recorder.warnings.first?.contains("skipped \(starts[2] - starts[1]) damaged bytes at offset \(starts[1])") == true)

        let again = LogRecorder()
        let reopened = try JournalIndex(directory: area.path, log: again.log)
        #expect(again.warnings.isEmpty)
        #expect(try reopened.snapshot().sopInstanceUIDs == ["1.9.1", "1.9.3", "1.9.4"])
    }

    @Test func corruptLastRecordIsCut() throws {
        let area = try TemporaryDirectory()
        let journal = area.path + "/quarry.index"
        do {
            let index = try JournalIndex(directory: area.path)
            for k in 1...3 { _ = try index.add(makeInstance("1.9.\(k)"), quota: .unlimited) }
        }
        var bytes = try readFile(journal)
        bytes[bytes.count - 3] ^= 0x01
        try writeFile(journal, bytes)
        let recorder = LogRecorder()
        let index = try JournalIndex(directory: area.path, log: recorder.log)
        #expect(try index.snapshot().sopInstanceUIDs == ["1.9.1", "1.9.2"])
        #expect(recorder.warnings.count == 1)
    }

    /// Dead records outweighing live ones trigger a rewrite: smaller file, same index,
    /// sequence numbers kept and never reused.
    @Test func compactionKeepsLiveRecordsAndSequences() throws {
        let area = try TemporaryDirectory()
        let journal = area.path + "/quarry.index"
        let index = try JournalIndex(directory: area.path, compactionMinimumRecords: 10)
        for k in 1...10 {
            _ = try index.add(makeInstance("1.9.\(k)", study: k % 2 + 1, extra: [Tag(0x0008, 0x1030): "Study \(k % 2)"]),
                              quota: .unlimited)
        }
        let before = try readFile(journal).count
        for k in 1...8 { _ = try index.remove(sopInstanceUID: "1.9.\(k)") }
        let after = try readFile(journal).count
        #expect(after < before / 3, "\(before) → \(after)")
        let snapshot = try index.snapshot()
        #expect(snapshot.sopInstanceUIDs == ["1.9.9", "1.9.10"])
        #expect(snapshot.lastSequence == 18)

        let reopened = try JournalIndex(directory: area.path)
        let loaded = try reopened.snapshot()
        #expect(loaded.sopInstanceUIDs == ["1.9.9", "1.9.10"])
        #expect(loaded.lastSequence == 18)
        for study in loaded.entities(at: .study) {
            #expect(loaded.string(Tag(0x0008, 0x1030), of: study) == snapshot.string(Tag(0x0008, 0x1030), of: study))
        }
        let outcome = try reopened.add(makeInstance("1.9.11"), quota: .unlimited)
        #expect(outcome.sequence == 19)
    }
}

@Suite struct JournalSharingTests {
    /// A writer that died mid-record leaves a torn tail: a reader (shared lock) leaves it
    /// alone; the next writer (exclusive lock) cuts it before appending, and the reader
    /// then reads what was appended.
    @Test func tornTailLeftByAnotherProcessIsCutByTheNextWriter() throws {
        let area = try TemporaryDirectory()
        let journal = area.path + "/quarry.index"
        let reader = try JournalIndex(directory: area.path)
        let writer = try JournalIndex(directory: area.path)
        _ = try writer.add(makeInstance("1.9.1"), quota: .unlimited)
        let good = try readFile(journal)
        let torn = Array(JournalRecord.remove(sopInstanceUID: "1.9.1").framed(sequence: 2).dropLast(3))
        // Same inode: append the torn bytes in place.
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(torn))
        try handle.close()

        #expect(try reader.snapshot().sopInstanceUIDs == ["1.9.1"])
        #expect(try readFile(journal).count == good.count + torn.count)
        _ = try writer.add(makeInstance("1.9.2"), quota: .unlimited)
        #expect(try reader.snapshot().sopInstanceUIDs == ["1.9.1", "1.9.2"])
        #expect(try JournalIndex(directory: area.path).snapshot().sopInstanceUIDs == ["1.9.1", "1.9.2"])
    }
}
