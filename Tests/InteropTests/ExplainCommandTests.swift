import Foundation
import QuarryTestSupport
import Testing

/// `quarryscp --explain` run as a program (issue 8): its verdict is the one
/// the running server gives echoscu, from the config alone, touching nothing.
@Suite struct ExplainCommandTests {
    struct Case: Sendable, CustomStringConvertible {
        var calling: String
        var called: String
        var options: [String] = []
        var accepted: Bool
        /// The reason line printed under the verdict.
        var reason: String
        var description: String { "\(calling) -> \(called) \(options.joined(separator: " "))" }
    }

    static let cases: [Case] = [
        Case(calling: "VIEWER1", called: "STORE", accepted: true,
             reason: #"dcmqrscp.cfg:9: "STORE" admits VIEWER1 at localhost (AETable line 9)"#),
        Case(calling: "NOBODY", called: "STORE", accepted: false,
             reason: #"dcmqrscp.cfg:9: calling AE title "NOBODY" is not among the peers of "STORE" (AETable line 9); refused (1,1,7)"#),
        Case(calling: "VIEWER1", called: "STORE", options: ["-dhl"], accepted: false,
             reason: #"dcmqrscp.cfg:9: "STORE" admits VIEWER1 only from localhost, not from 127.0.0.1 (AETable line 9); refused (1,1,7)"#),
        Case(calling: "ANYBODY", called: "READONLY", accepted: true,
             reason: #"dcmqrscp.cfg:11: "READONLY" admits ANY peer (AETable line 11)"#),
    ]

    /// The explanation for CALLING@127.0.0.1, then echoscu from 127.0.0.1 against a real server on the same config.
    @Test(arguments: cases) func explanationAgreesWithTheServer(_ c: Case) throws {
        let fixture = try QuarryServerFixture(c.options)
        let explained = try runProcess(QuarryServerFixture.quarryscp,
                                       ["-c", fixture.configPath, "--explain", "\(c.calling)@127.0.0.1", c.called] + c.options,
                                       currentDirectory: fixture.directory.path, timeout: 30)
        #expect(explained.status == (c.accepted ? 0 : 1), "\(explained.output)")
        let lines = explained.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(c.calling)@127.0.0.1 -> \(c.called): \(c.accepted ? "accepted" : "refused")")
        #expect(lines.contains("    " + c.reason.replacingOccurrences(of: "dcmqrscp.cfg", with: fixture.configPath)),
                "\(explained.stdout)")
        #expect(lines.contains("C-ECHO: yes") == c.accepted)
        let echo = try fixture.echoscu(calling: c.calling, called: c.called)
        #expect((echo.status == 0 && echo.stderr.isEmpty) == c.accepted, "\(echo.output)")
    }

    @Test func moveDestinationAndNothingTouched() throws {
        let directory = try TemporaryDirectory("explain")
        let config = try directory.write("dcmqrscp.cfg", QuarryServerFixture.configText(directory))
        let result = try runProcess(QuarryServerFixture.quarryscp,
                                    ["-c", config, "--explain", "VIEWER1@localhost", "STORE", "--move-to", "VIEWER2"],
                                    timeout: 30)
        #expect(result.status == 0, "\(result.output)")
        // Every service this quarryscp serves, on an RW AE.
        for line in ["C-ECHO: yes", "C-STORE: yes", "C-FIND: Patient Root, Study Root, Patient/Study Only",
                     "C-MOVE: Patient Root, Study Root, Patient/Study Only", "C-GET: Patient Root, Study Root, Patient/Study Only"] {
            #expect(result.stdout.contains("\n\(line)\n"), "\(result.stdout)")
        }
        #expect(result.stdout.contains("""
            C-MOVE to VIEWER2: 127.0.0.1:11202
                \(config):9: the AETable line of STORE lists (VIEWER2, 127.0.0.1, 11202); \
            the sub-association calls VIEWER2 at 127.0.0.1:11202 as STORE

            """), "\(result.stdout)")
        let refused = try runProcess(QuarryServerFixture.quarryscp,
                                     ["-c", config, "--explain", "VIEWER1@localhost", "STORE", "--move-to", "VIEWER2", "-ZA"],
                                     timeout: 30)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("C-MOVE to VIEWER2: refused (127.0.0.1:11202)"))
        #expect(refused.stdout.contains(
            "    command line --move-aetitle: the destination must be the requesting AE title VIEWER1 "
                + #"(0xA801; the server logs "mapMoveDestination: strictMove Reqs: 'VIEWER1' != 'VIEWER2'")"#))
        // Offline: no storage area is created, nothing listens.
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/areas"))
    }

    @Test func invalidConfigIsAnErrorWithItsLocation() throws {
        let directory = try TemporaryDirectory("explain")
        let config = try directory.write("bad.cfg", "AETable BEGIN\nSTORE /tmp RW (10, 10mb) nosuchgroup\nAETable END\n")
        let result = try runProcess(QuarryServerFixture.quarryscp, ["-c", config, "--explain", "A", "STORE"], timeout: 30)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("CONFIG Error: No symbolic names defined!\n    \(config):2:"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("F: bad config file: \(config)\n"))
    }
}
