import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// Many associations storing into one area at once (one thread each, DESIGN.md
/// "Concurrency"): every object stored and indexed once, no file lost.
@Suite struct StoreConcurrencyTests {
    @Test func eightThreadsStoringAtOnce() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        let threads = 8, perThread = 40
        let failures = Collector<String>()
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for n in 0..<perThread {
                do {
                    let result = try store(StoreTestObject(n, study: t + 1), into: area)
                    if result.status != .success { failures.append("\(t).\(n): \(result.status)") }
                } catch {
                    failures.append("\(t).\(n): \(error)")
                }
            }
        }
        #expect(failures.values.isEmpty)
        let snapshot = try area.index.snapshot()
        #expect(snapshot.count(at: .image) == threads * perThread)
        #expect(Set(snapshot.sopInstanceUIDs).count == threads * perThread)
        #expect(try objectFiles(dir.path).count == threads * perThread)
        // What another process (a restarted server) reads from the journal agrees.
        let reopened = try ArchiveArea.open(atPath: dir.path, log: .silent)
        #expect(try reopened.index.snapshot().count(at: .image) == threads * perThread)
    }
}
