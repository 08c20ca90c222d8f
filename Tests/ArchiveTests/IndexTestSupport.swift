import DICOM
import Foundation
import Synchronization
@testable import Archive

/// Collects what a `Log` writes.
final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])
    var log: Log { Log(threshold: .info) { [self] _, text in self.lines.withLock { $0.append(text) } } }
    var text: [String] { lines.withLock { $0 } }
    var warnings: [String] { text.filter { $0.hasPrefix("W: ") } }
}

/// A synthetic instance: patient `P<p>`, study `1.2.<study>`, series `1.2.<study>.<series>`.
func makeInstance(_ sop: String, study: Int = 1, series: Int = 1, patient: Int? = nil, size: Int64 = 1000,
                  modality: String = "CT", sopClass: String = "1.2.840.10008.5.1.4.1.1.2",
                  extra: [Tag: String] = [:]) -> InstanceRecord {
    var record = InstanceRecord(fileName: "CT_\(sop).dcm", fileSize: size, transferSyntaxUID: "1.2.840.10008.1.2.1",
                                sopClassUID: sopClass, sopInstanceUID: sop)
    let p = patient ?? study
    record.setString("P\(p)", for: Tag(0x0010, 0x0020))
    record.setString("Doe^P\(p)", for: Tag(0x0010, 0x0010))
    record.setString("1.2.\(study)", for: Tag(0x0020, 0x000D))
    record.setString("ACC\(study)", for: Tag(0x0008, 0x0050))
    record.setString("1.2.\(study).\(series)", for: Tag(0x0020, 0x000E))
    record.setString(modality, for: Tag(0x0008, 0x0060))
    record.setString(String(series), for: Tag(0x0020, 0x0011))
    for (tag, value) in extra { record.setString(value, for: tag) }
    return record
}

extension IndexSnapshot {
    /// SOP Instance UIDs of the live instances, in order.
    var sopInstanceUIDs: [String] {
        entities(at: .image).compactMap { string(Tag(0x0008, 0x0018), of: $0) }
    }

    func study(_ uid: String) -> IndexEntity? { entities(withUniqueKey: uid, at: .study).first }
}

func readFile(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

func writeFile(_ path: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

final class Counter: Sendable {
    private let count = Atomic<Int>(0)
    func increment() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}

final class Flag: Sendable {
    private let flag = Atomic<Bool>(false)
    func set(_ value: Bool) { flag.store(value, ordering: .relaxed) }
    var isSet: Bool { flag.load(ordering: .relaxed) }
}

final class Collector<Value: Sendable>: Sendable {
    private let items = Mutex<[Value]>([])
    func append(_ value: Value) { items.withLock { $0.append(value) } }
    var values: [Value] { items.withLock { $0 } }
}

/// Runs `body(0..<count)` on that many threads of their own (Swift concurrency's pool
/// has one thread per core, too few to show blocking calls overlapping) and waits.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let done = DispatchGroup()
    for t in 0..<count {
        done.enter()
        let thread = Thread {
            body(t)
            done.leave()
        }
        thread.start()
    }
    done.wait()
}
