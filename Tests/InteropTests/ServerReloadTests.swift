import Foundation
import QuarryTestSupport
import Testing

/// SIGHUP on a real quarryscp (issue 8): the config file edited, the
/// signal sent, DCMTK's echoscu sees the result.
@Suite struct ServerReloadTests {
    @Test func anAETitleAddedByEditingTheFileAnswersAfterSIGHUP() throws {
        let fixture = try QuarryServerFixture()
        let refused = try fixture.echoscu(calling: "VIEWER1", called: "NEWAE")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Called AE Title Not Recognized"), "\(refused.stderr)")
        let edited = QuarryServerFixture.configText(fixture.directory).replacingOccurrences(
            of: "AETable END", with: "NEWAE \(fixture.directory.path)/areas/NEWAE RW (10, 10mb) viewers\nAETable END")
        _ = try fixture.directory.write("dcmqrscp.cfg", edited)
        fixture.server.signal(SIGHUP)
        #expect(fixture.server.waitForLog("I: SIGHUP: configuration reloaded from \(fixture.configPath): AE titles added: NEWAE;"),
                "\(fixture.server.log)")
        let echo = try fixture.echoscu(calling: "VIEWER1", called: "NEWAE")
        #expect(echo.status == 0 && echo.stderr.isEmpty, "\(echo.output)\n\(fixture.server.log)")
        #expect(FileManager.default.fileExists(atPath: fixture.directory.path + "/areas/NEWAE"))
    }

    @Test func aBrokenFileIsRefusedAndTheServerGoesOnWithTheOldOne() throws {
        // Without -v: the reload's verdict and errors print at the default level.
        let directory = try TemporaryDirectory("quarryscp")
        let config = try directory.write("dcmqrscp.cfg", QuarryServerFixture.configText(directory))
        let port = freeTCPPort()
        let server = try ServerProcess(QuarryServerFixture.quarryscp, ["-c", config, String(port)], port: port, in: directory)
        let broken = QuarryServerFixture.configText(directory)
            .replacingOccurrences(of: "viewers = viewer1, viewer2", with: "viewers = viewer1, viewer3")
            .replacingOccurrences(of: "AETable END", with: "NEWAE \(directory.path)/areas/NEWAE RW (1, 1mb) ANY\nAETable END")
        _ = try directory.write("dcmqrscp.cfg", broken)
        server.signal(SIGHUP)
        #expect(server.waitForLog("not reloaded, the configuration in force is unchanged"), "\(server.log)")
        let lines = server.log.split(separator: "\n").map(String.init)
        #expect(lines.contains("E: CONFIG Error: Symbolic name \"viewer3\" not defined!"), "\(server.log)")
        #expect(lines.contains { $0.hasPrefix("E:     \(config):6:") && $0.contains("\"viewer3\"") }, "\(server.log)")
        #expect(lines.contains("E: SIGHUP: bad config file: \(config): not reloaded, the configuration in force is unchanged"))
        for (calling, called, accepted) in [("VIEWER2", "STORE", true), ("ANYBODY", "ANYAE", true), ("ANYBODY", "NEWAE", false)] {
            let echo = try runProcess(QuarryServerFixture.echoscu,
                                      ["-ta", "5", "-aet", calling, "-aec", called, "localhost", String(port)], timeout: 30)
            #expect((echo.status == 0 && echo.stderr.isEmpty) == accepted, "\(calling) -> \(called): \(echo.output)")
        }
        // Fixed and sent again: now it takes.
        _ = try directory.write("dcmqrscp.cfg", broken.replacingOccurrences(of: "viewer3", with: "viewer2"))
        server.signal(SIGHUP)
        #expect(server.waitForLog("I: SIGHUP: configuration reloaded from \(config): AE titles added: NEWAE"), "\(server.log)")
        let echo = try runProcess(QuarryServerFixture.echoscu,
                                  ["-ta", "5", "-aet", "ANYBODY", "-aec", "NEWAE", "localhost", String(port)], timeout: 30)
        #expect(echo.status == 0 && echo.stderr.isEmpty, "\(echo.output)")
        #expect(server.isRunning)
    }
}
