import Archive
import DICOM
import Foundation

/// A Quarry index of a synthetic manifest (bench/corpus.py: the same instance
/// shapes as the corpus files, with no files behind them), built through the
/// Archive API — `JournalIndex.add` in batches of 10,000, one journal sync each, as
/// `quarryidx` registers files — then loaded afresh to time the load. The server
/// started on the folder answers C-FIND from it (C-MOVE would find no files).
struct SyntheticIndex {
    /// Manifest columns (corpus.MANIFEST_FIELDS, then the file size) and the tags they fill.
    static let columns: [(Int, Tag)] = [
        (3, Tag(0x0020, 0x000D)), (4, Tag(0x0020, 0x000E)), (5, Tag(0x0010, 0x0020)), (6, Tag(0x0010, 0x0010)),
        (7, Tag(0x0010, 0x0030)), (8, Tag(0x0010, 0x0040)), (9, Tag(0x0008, 0x0020)), (10, Tag(0x0008, 0x0030)),
        (11, Tag(0x0008, 0x0050)), (12, Tag(0x0020, 0x0010)), (13, Tag(0x0008, 0x1030)), (14, Tag(0x0008, 0x0090)),
        (15, Tag(0x0008, 0x0060)), (16, Tag(0x0020, 0x0011)), (17, Tag(0x0008, 0x103E)), (18, Tag(0x0020, 0x0013)),
        (19, Tag(0x0018, 0x0015)), (20, Tag(0x0010, 0x1010)), (21, Tag(0x0008, 0x0031)), (9, Tag(0x0008, 0x0021)),
    ]

    let arguments: BenchArguments
    init(_ arguments: BenchArguments) { self.arguments = arguments }

    static func record(_ line: Substring) throws -> InstanceRecord {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard f.count == 23, let n = Int(f[0]), let size = Int64(f[22]) else { throw BenchFailure("bad manifest line: \(line)") }
        let modality = f[15]
        var record = InstanceRecord(
            fileName: "\(modality)_\(String(UInt64(n) &* 0x9E37_79B9_7F4A_7C15, radix: 16)).dcm", fileSize: size,
            transferSyntaxUID: BenchUID.explicitLittleEndian, sopClassUID: String(f[2]), sopInstanceUID: String(f[1]),
            specificCharacterSet: "ISO_IR 100")
        record.setString("ISO_IR 100", for: Tag(0x0008, 0x0005))
        record.setString(String(f[2]), for: Tag(0x0008, 0x0016))
        record.setString(String(f[1]), for: Tag(0x0008, 0x0018))
        for (column, tag) in columns { record.setString(String(f[column]), for: tag) }
        return record
    }

    func run() throws -> [String: Any] {
        let manifest = try arguments.string("manifest")
        let directory = try arguments.string("directory")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        let writeStart = now()
        var count = 0
        do {
            let index = try JournalIndex(directory: directory, compactionMinimumRecords: Int.max)
            var batch: [InstanceRecord] = []
            func flush() throws {
                for result in try index.add(batch, quota: .unlimited) {
                    if case .failure(let error) = result { throw BenchFailure("index add: \(error)") }
                }
                count += batch.count
                batch.removeAll(keepingCapacity: true)
            }
            for line in text.split(separator: "\n") {
                batch.append(try Self.record(line))
                if batch.count == 10_000 { try flush() }
            }
            if !batch.isEmpty { try flush() }
        }
        let writeSeconds = now() - writeStart
        var result = try Self.load(directory)
        result["added"] = count
        result["write_seconds"] = writeSeconds
        return result
    }

    /// Opens the index of `directory` afresh: what loading it costs (no file is read
    /// but the journal).
    static func load(_ directory: String) throws -> [String: Any] {
        let loadStart = now()
        let index = try JournalIndex(directory: directory)
        let loadSeconds = now() - loadStart
        let snapshot = try index.snapshot()
        let instances = snapshot.count(at: .image)
        let journalBytes = (try? FileManager.default.attributesOfItem(atPath: index.path)[.size] as? Int) ?? 0
        return [
            "instances": instances, "studies": snapshot.count(at: .study),
            "load_seconds": loadSeconds, "journal_bytes": journalBytes,
            "allocated_bytes_per_instance": Double(index.allocatedBytes) / Double(max(1, instances)),
        ]
    }
}
