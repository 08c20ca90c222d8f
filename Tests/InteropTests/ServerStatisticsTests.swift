import Foundation
import QuarryTestSupport
import Testing

/// SIGUSR1 on a real quarryscp (issue 8): an `I:` line per storage area, at
/// the default log level too; with `-v` the same lines at start.
@Suite struct ServerStatisticsTests {
    static func start(_ arguments: [String], in directory: TemporaryDirectory) throws -> ServerProcess {
        let config = try directory.write("dcmqrscp.cfg", QuarryServerFixture.configText(directory))
        let port = freeTCPPort()
        return try ServerProcess(QuarryServerFixture.quarryscp, arguments + ["-c", config, String(port)], port: port, in: directory)
    }

    static func areaLines(_ server: ServerProcess, _ directory: TemporaryDirectory) -> [String] {
        server.log.split(separator: "\n").map(String.init).filter { $0.hasPrefix("I: \(directory.path)/areas/") }
    }

    static func waitForAreaLines(_ server: ServerProcess, _ directory: TemporaryDirectory, _ count: Int) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while areaLines(server, directory).count < count, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return areaLines(server, directory).count >= count
    }

    @Test(arguments: [([String](), false), (["-v"], true)])
    func sigusr1LogsALinePerArea(arguments: [String], atStart: Bool) throws {
        let directory = try TemporaryDirectory("quarryscp")
        let server = try Self.start(arguments, in: directory)
        // At start: only with -v (dcmqrscp prints nothing at start).
        if atStart { #expect(Self.waitForAreaLines(server, directory, 3), "\(server.log)") }
        server.signal(SIGUSR1)   // at any moment: one held while the server starts is handled once it serves
        let expected = atStart ? 6 : 3
        #expect(Self.waitForAreaLines(server, directory, expected), "\(server.log)")
        #expect(Self.areaLines(server, directory).count == expected, "\(server.log)")
        let lines = Self.areaLines(server, directory)
        for area in ["STORE", "ANYAE", "READONLY"] {
            #expect(lines.contains { $0.hasPrefix("I: \(directory.path)/areas/\(area): 0 patients, ") && $0.contains("; quota of \(area): ") },
                    "\(lines)")
        }
        #expect(server.isRunning)
    }

    @Test func quietServerPrintsNothing() throws {
        let directory = try TemporaryDirectory("quarryscp")
        let server = try Self.start(["-q"], in: directory)
        server.signal(SIGUSR1)
        server.signal(SIGHUP)
        // The signals are handled in order on one thread: once the reload is done, the summaries were written.
        let echo = try runProcess(QuarryServerFixture.echoscu, ["-ta", "5", "-aet", "VIEWER1", "-aec", "STORE", "localhost",
                                                                String(server.port)], timeout: 30)
        #expect(echo.status == 0)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(server.log.isEmpty, "\(server.log)")
        #expect(server.isRunning)
    }

    /// After storescu, the figures move: the instances stored, and the studies counted against the quota.
    @Test func sigusr1CountsWhatWasStored() throws {
        var seen = Set<String>()
        let objects = CorpusObject.all.filter {
            $0.isStorable && CorpusObject.uncompressedSyntaxes.contains($0.transferSyntaxUID) && seen.insert($0.sopInstanceUID).inserted
        }.prefix(3)
        try #require(objects.count == 3, "pydicom's test files are needed")
        let storage = try StorageServer(quota: "(50, 100mb)")
        let stored = try storage.storescu("A1", objects.map(\.path))
        #expect(stored.status == 0, "\(stored.output)")
        storage.server.signal(SIGUSR1)
        #expect(storage.server.waitForLog("I: \(storage.area("A1")): "), "\(storage.server.log)")
        let line = try #require(logLines(storage.server).first { $0.hasPrefix("I: \(storage.area("A1")): ") })
        #expect(line.contains(" series, 3 instances, "), "\(line)")
        #expect(line.contains("; quota of A1: "), "\(line)")
        #expect(line.contains(" of 50 studies ("), "\(line)")
        #expect(line.contains(" of 100.0 MiB ("), "\(line)")
        #expect(logLines(storage.server).contains { $0.hasPrefix("I: \(storage.area("OTHER")): 0 patients, 0 studies, 0 series, 0 instances") })
    }
}
