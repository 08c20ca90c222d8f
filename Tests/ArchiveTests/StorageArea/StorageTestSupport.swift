import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Synchronization

/// A `Log` at debug level whose lines a test can read.
final class StorageTestLog: Sendable {
    private let lines = Mutex<[String]>([])
    var log: Log { Log(threshold: .debug) { [self] _, text in lines.withLock { $0.append(text) } } }
    var text: String { lines.withLock { $0.joined() } }
}

/// Names in a folder, sorted.
func entriesOfFolder(_ path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
}

func contentsOfFile(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// A naming that hands out `names` in order, then `fallback`.
func scriptedNaming(_ names: [String], fallback: String = "XX_ffffffffffffffff.dcm") -> StoreFileNaming {
    let queue = Mutex(names)
    return StoreFileNaming { _ in queue.withLock { $0.isEmpty ? fallback : $0.removeFirst() } }
}

/// Deterministic bytes standing for a meta header and a data set's fragments.
func patternedBytes(_ count: Int, seed: UInt8 = 0) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) &+ seed }
}
