import DICOM
import Foundation
import QuarryTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// An acknowledged image is never lost (issue 5): the server is killed with
/// SIGKILL while two clients store, again and again; after each restart
/// every object a client received a success response for is in the area,
/// reads back as sent and is indexed, and `quarryidx --check` finds nothing
/// wrong but orphan files (objects written but not yet recorded).
@Suite struct ServerCrashTests {
    static let kills = 20

    @Test func killedWhileTwoClientsStoreLosesNoAcknowledgedObject() throws {
        var quarry = try StorageServer(areas: 1)
        let folder = quarry.directory.path + "/send"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let written = try runPython(ConcurrentStoreTests.writer, [folder, "120", "10"], timeout: 120)
        try #require(written.status == 0, "\(written.output)")
        let files = (0..<120).map { String(format: "%@/f%04d.dcm", folder, $0) }
        let clientFiles = [Array(files[..<60]), Array(files[60...])]
        let sent = try Dictionary(uniqueKeysWithValues: files.map { path in
            let object = try StoredObject(path: path)
            return (path, (uid: object.sopInstanceUID, dataSet: try DICOMFile(reading: object.bytes).dataSet))
        })
        var acknowledged = Set<String>()   // file paths
        var generator = SystemRandomNumberGenerator()
        var roundsWithOrphans = 0
        for round in 1...Self.kills {
            let results = Collector()
            let group = DispatchGroup()
            let server = quarry
            for (k, files) in clientFiles.enumerated() {
                let start = (round * 11) % files.count   // a different first object each round
                let share = Array(files[start...] + files[..<start])
                DispatchQueue.global().async(group: group) {
                    results.append(k, Result { try server.storescu("A1", share, ["-v"]) })
                }
            }
            // Kill once stores are under way (the journal was written), at a random moment after.
            let journal = quarry.area("A1") + "/quarry.index"
            let before = Self.version(journal)
            let deadline = Date().addingTimeInterval(10)
            while Self.version(journal) == before, Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.04, using: &generator))
            quarry.server.signal(SIGKILL)
            #expect(group.wait(timeout: .now() + 60) == .success)
            _ = quarry.server.waitForExit(timeout: 10)
            for (_, result) in results.values {
                acknowledged.formUnion(Self.acknowledgedFiles(try result.get().stderr))
            }
            try quarry.restart(label: "quarryscp\(round)")

            // Every acknowledged object: indexed, its file present, the data set as sent.
            let listing = try runProcess(TestEnvironment.binary("quarryidx"), ["-p", quarry.area("A1")])
            let indexed = Self.indexedFiles(listing.stdout)
            for path in acknowledged {
                let expected = try #require(sent[path])
                guard let name = indexed[expected.uid] else {
                    Issue.record("round \(round): acknowledged \(expected.uid) is not indexed")
                    continue
                }
                let stored = try StoredObject(path: quarry.area("A1") + "/" + name)
                #expect(try DICOMFile(reading: stored.bytes).dataSet == expected.dataSet, "round \(round): \(name)")
            }
            let check = try runProcess(TestEnvironment.binary("quarryidx"), ["--check", quarry.area("A1")])
            #expect(check.status == 0 || check.status == 4, "round \(round): \(check.output)")
            if check.status == 4 { roundsWithOrphans += 1 }
        }
        print("crash loop: \(Self.kills) kills, \(acknowledged.count) distinct objects acknowledged, orphans after \(roundsWithOrphans) kills")
        #expect(!acknowledged.isEmpty)
    }

    /// Changes whenever the file is written or replaced (compaction): inode, size, modification time.
    static func version(_ path: String) -> [Int] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        return [Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
    }

    /// The files storescu `-v` reports a success response for.
    static func acknowledgedFiles(_ log: String) -> Set<String> {
        var result = Set<String>()
        var current: String?
        for line in log.split(separator: "\n") {
            if line.hasPrefix("I: Sending file: ") {
                current = String(line.dropFirst("I: Sending file: ".count))
            } else if line == "I: Received Store Response (Success)", let file = current {
                result.insert(file)
                current = nil
            }
        }
        return result
    }

    /// SOP Instance UID → file name, from `quarryidx -p`.
    static func indexedFiles(_ listing: String) -> [String: String] {
        var result: [String: String] = [:]
        var file: String?
        for line in listing.split(separator: "\n") {
            if line.hasPrefix("  Filename: ") { file = String(line.dropFirst("  Filename: ".count)) }
            if line.hasPrefix("    SOPInstanceUID: \""), let name = file {
                result[String(line.dropFirst("    SOPInstanceUID: \"".count).dropLast())] = name
            }
        }
        return result
    }
}
