#if canImport(Glibc)
import Glibc
#endif
import DICOM

/// Builds a storage-area index of synthetic instances and measures what loading it
/// costs: the design budget is ≤ ~300 bytes of memory per instance and a load of a
/// million instances in a few seconds (issue 5). Not a test (nothing asserted); the
/// index scale test and `make bench` call it.
package enum IndexBenchmark {
    package struct Report: Sendable, CustomStringConvertible {
        package var instances: Int
        package var studies: Int
        package var journalBytes: Int
        package var writeSeconds: Double
        package var loadSeconds: Double
        /// The index structures' own allocation (`IndexState.allocatedBytes`), per instance.
        package var allocatedBytesPerInstance: Double
        /// Growth of the resident set across the load, per instance.
        package var residentBytesPerInstance: Double

        package var description: String {
            func f(_ x: Double) -> String { String(Double(Int(x * 10)) / 10) }
            return """
                index scale: \(instances) instances in \(studies) studies, journal \(journalBytes / 1_048_576) MiB \
                (\(journalBytes / max(1, instances)) bytes per instance)
                  journal written in \(f(writeSeconds)) s, loaded in \(f(loadSeconds)) s
                  memory per instance: \(f(allocatedBytesPerInstance)) bytes allocated by the index, \
                \(f(residentBytesPerInstance)) bytes of resident set growth
                """
        }
    }

    /// A synthetic instance shaped like a CT series member: realistic UID and file-name
    /// lengths, unique content times, repeated study and series values.
    package static func instance(_ n: Int, instancesPerSeries: Int = 25, seriesPerStudy: Int = 4) -> InstanceRecord {
        let seriesIndex = n / instancesPerSeries
        let study = seriesIndex / seriesPerStudy
        let root = "1.2.826.0.1.3680043.8.498."
        let studyUID = root + "\(10_000_000_000 + study * 7919)"
        let seriesUID = studyUID + ".\(seriesIndex % seriesPerStudy + 1)"
        var record = InstanceRecord(
            fileName: "CT_" + hex16(UInt64(n) &* 0x9E37_79B9_7F4A_7C15) + ".dcm", fileSize: 526_000,
            transferSyntaxUID: "1.2.840.10008.1.2.1", sopClassUID: "1.2.840.10008.5.1.4.1.1.2",
            sopInstanceUID: seriesUID + ".\(1_000_000 + n).\(n % instancesPerSeries + 1)")
        let text: [(UInt16, UInt16, String)] = [
            (0x0010, 0x0010, "PATIENT^NUMBER\(study / 3)"), (0x0010, 0x0020, "PID\(study / 3)"),
            (0x0010, 0x0030, "19700101"), (0x0010, 0x0040, study % 2 == 0 ? "F" : "M"),
            (0x0020, 0x000D, studyUID), (0x0008, 0x0020, "2024\(10 + study % 3)\(10 + study % 19)"),
            (0x0008, 0x0030, "101010"), (0x0008, 0x0050, "ACC\(study)"), (0x0020, 0x0010, "\(study)"),
            (0x0008, 0x1030, "CT CHEST WITH CONTRAST"), (0x0008, 0x0090, "REFERRING^DOCTOR"),
            (0x0020, 0x000E, seriesUID), (0x0008, 0x0060, "CT"), (0x0020, 0x0011, "\(seriesIndex % seriesPerStudy + 1)"),
            (0x0008, 0x103E, "AXIAL 1.25MM"), (0x0018, 0x0015, "CHEST"), (0x0008, 0x0070, "VENDOR"),
            (0x0020, 0x0013, "\(n % instancesPerSeries + 1)"), (0x0008, 0x0008, "ORIGINAL\\PRIMARY\\AXIAL"),
            (0x0020, 0x0012, "1"), (0x0008, 0x0023, "20241010"),
            (0x0008, 0x0033, "10\(10 + n % 50)\(10 + (n / 50) % 50).\(100_000 + n % 900_000)"),
        ]
        for (g, e, v) in text { record.setString(v, for: Tag(g, e)) }
        record.attributes[Tag(0x0028, 0x0010)] = [0x00, 0x02]
        record.attributes[Tag(0x0028, 0x0011)] = [0x00, 0x02]
        record.attributes[Tag(0x0028, 0x0100)] = [0x10, 0x00]
        return record
    }

    /// Writes a journal of `count` synthetic instances into `directory` as compaction
    /// would (no in-memory index: the process stays small), loads it afresh and measures
    /// the load.
    package static func measure(instances count: Int, directory: String) throws(IndexError) -> Report {
        let writeStart = now()
        try writeJournal(instances: count, directory: directory)
        let writeSeconds = now() - writeStart
        trimHeap()
        let residentBefore = residentBytes()
        let loadStart = now()
        let index = try JournalIndex(directory: directory, compactionMinimumRecords: Int.max)
        let loadSeconds = now() - loadStart
        let residentAfter = residentBytes()
        let allocated = index.allocatedBytes
        let snapshot = try index.snapshot()
        let journal = try JournalFile.open(index.path, create: false).size()
        return Report(
            instances: snapshot.count(at: .image), studies: snapshot.count(at: .study), journalBytes: journal,
            writeSeconds: writeSeconds, loadSeconds: loadSeconds,
            allocatedBytesPerInstance: Double(allocated) / Double(max(1, count)),
            residentBytesPerInstance: Double(residentAfter - residentBefore) / Double(max(1, count)))
    }

    /// Seconds to index `count` synthetic instances through `add` in batches of `batch`
    /// (one journal sync per batch, as `quarryidx` registers files).
    package static func measureAdds(instances count: Int, batch: Int, directory: String) throws(IndexError) -> Double {
        let index = try JournalIndex(directory: directory)
        let start = now()
        var n = 0
        while n < count {
            let records = (n..<min(count, n + batch)).map { instance($0) }
            _ = try index.add(records, quota: .unlimited)
            n += records.count
        }
        return now() - start
    }

    static func writeJournal(instances count: Int, directory: String) throws(IndexError) {
        var core = try JournalCore(directory: directory)
        try core.lockCurrent(exclusive: true, log: .silent, forceLoad: true)
        defer { core.file.unlock() }
        var patients = Set<String>(), studies = Set<String>(), series = Set<String>()
        var buffer: [UInt8] = []
        var written = try core.file.size()
        var sequence = core.state.lastSequence
        for n in 0..<count {
            let i = try NormalizedInstance(instance(n), decoder: .standard)
            func group(_ level: QueryRetrieveLevel, _ key: String, _ first: Bool) -> JournalRecord.LevelGroup {
                JournalRecord.LevelGroup(key: key, values: first ? i.values[level] ?? [] : [])
            }
            let add = JournalRecord.Add(
                fileName: i.fileName, fileSize: i.fileSize, transferSyntaxUID: i.transferSyntaxUID,
                sopClassUID: i.sopClassUID, sopInstanceUID: i.sopInstanceUID,
                specificCharacterSet: i.specificCharacterSet,
                patient: group(.patient, i.patientID, patients.insert(i.patientID).inserted),
                study: group(.study, i.studyInstanceUID, studies.insert(i.studyInstanceUID).inserted),
                series: group(.series, i.seriesInstanceUID, series.insert(i.seriesInstanceUID).inserted),
                imageValues: i.values[.image] ?? [])
            sequence += 1
            buffer += JournalRecord.add(add).framed(sequence: sequence)
            if buffer.count >= 8 << 20 || n == count - 1 {
                try core.file.append(buffer, sizeBefore: written)
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try core.file.syncData()
    }

    private static func hex16(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// glibc's `malloc_trim(0)` (malloc.h is not in the Glibc module): returns freed
    /// heap to the system so the resident set measures what is in use.
    private static func trimHeap() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        }
        #endif
    }

    /// Resident set size, from /proc/self/statm (its second field, in pages).
    private static func residentBytes() -> Int {
        guard let f = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(f) }
        var line = [UInt8](repeating: 0, count: 256)
        let got = line.withUnsafeMutableBufferPointer { b in
            b.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: b.count) { fgets($0, Int32(b.count), f) } } ?? nil
        }
        guard got != nil else { return 0 }
        let text = String(decoding: line.prefix { $0 != 0 }, as: UTF8.self)
        let fields = text.split(separator: " ")
        guard fields.count >= 2, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
