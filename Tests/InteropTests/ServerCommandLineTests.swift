import Foundation
import QuarryTestSupport
import Testing

/// quarryscp's command line against dcmqrscp's (DCMTK 3.6.7), run side by side.
@Suite struct ServerCommandLineTests {
    static let quarryscp = TestEnvironment.binary("quarryscp")
    static let dcmqrscp = TestEnvironment.dcmtk("dcmqrscp")

    /// Command lines dcmqrscp refuses before doing anything (exit 1, banner, `error: …`).
    static let refused: [ToolArguments] = [
        .init("-c", "/nonexistent.cfg", "0"), .init("-c", "/nonexistent.cfg", "70000"),
        .init("-c", "/nonexistent.cfg", "abc"), .init("-c", "/nonexistent.cfg", "1", "2"),
        .init("-c", "/nonexistent.cfg", "-5"), .init("-c", "/nonexistent.cfg", ""),
        .init("--foo"), .init("-vd"), .init("--"), .init("-pdu"), .init("-c"), .init("+C"),
        .init("-pdu", "1000"), .init("-pdu", "200000"), .init("-pdu", "abc"), .init("-pdu", ""),
        .init("-pdu", "-5000"), .init("-pdu", "0x1000"), .init("-pdu", "--help"),
        .init("-QP", "-QS", "-QO"), .init("-QP", "-QS", "-QO", "-ta", "0"), .init("-QP", "-QS", "-QO", "-ll", "foo"),
        .init("-ta", "0"), .init("-ta", "-1"), .init("-ta", "abc"), .init("-to", "0"), .init("-td", "0"),
        .init("-ta", "0", "-pdu", "1000"), .init("-pdu", "1000", "-ta", "0"), .init("0", "-pdu", "1000"),
        .init("+cl", "10"), .init("+cl", "-1"), .init("+cl", "5", "+te"),
        .init("-xf", "a", "b"), .init("-xf", "f", "a", "b", "+xe"), .init("-xf", "f", "a", "b", "-xe"),
        .init("+xs", "-xf", "f", "a", "b"), .init("+te", "+xs"), .init("+xs", "+ti"), .init("+B", "+te"),
        .init("+B", "+g"), .init("+B", "-e"), .init("+B", "+ti", "+g"), .init("-F", "+p", "1", "1"),
        .init("+B", "+p", "2", "2"), .init("+p", "1"), .init("+p", "a", "b"),
        .init("-ll", "foo"), .init("-ll"), .init("-ll", "foo", "-v"), .init("-v", "-lc", "/nonexistent"),
        .init("-lc", "/nonexistent", "-ll", "info"), .init("-lc", "/nonexistent"), .init("-lc", "/tmp"),
        .init("--help", "-c"), .init("--help", "@/nonexistent/cmdfile"), .init("1", "2", "--foo"),
    ]

    @Test(arguments: refused) func refusedLikeDcmqrscp(_ c: ToolArguments) throws {
        let quarry = try expectSameRefusal(dcmtk: "dcmqrscp", quarry: "quarryscp", c.arguments)
        #expect(lines(quarry.stderr).prefix(3) == ["$quarry: quarryscp v0.1.0 $", "", "quarryscp: DICOM image archive (dcmqrscp-compatible Q/R SCP)"])
    }

    @Test func commandFilesAreExpandedLikeDcmqrscp() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("args", "-c '/n x' +xe\n\n -pdu\t\"40 00\"")
        let dcmtk = try runProcess(Self.dcmqrscp, ["--arguments", "@\(file)"], timeout: 30)
        let quarry = try runProcess(Self.quarryscp, ["--arguments", "@\(file)"], timeout: 30)
        #expect((dcmtk.status, quarry.status) == (1, 1))
        #expect(errorLines(quarry) == ["error: Invalid value for option --max-pdu (underflow: 40 00)"])
        #expect(errorLines(quarry) == errorLines(dcmtk))
        let printed = { (r: ProcessResult, tool: String) in
            lines(r.stderr).prefix(2).map { $0.replacingOccurrences(of: "'\(tool)'", with: "'TOOL'") }
        }
        #expect(printed(quarry, Self.quarryscp) == printed(dcmtk, Self.dcmqrscp))
        #expect(printed(quarry, Self.quarryscp).first == "I: calling 'TOOL' with 6 arguments: '--arguments' '--config' '/n x' '--prefer-little' '--max-pdu' '40 00' ")
    }

    /// `--arguments` goes through the `-lc` logger at INFO, as in dcmqrscp.
    @Test func argumentsThroughALogConfigFileAppender() throws {
        let dir = try TemporaryDirectory()
        func run(_ tool: String, _ name: String) throws -> String {
            let cfg = try dir.write("\(name).cfg", """
                log4cplus.rootLogger = INFO, F
                log4cplus.appender.F = log4cplus::FileAppender
                log4cplus.appender.F.File = \(dir.path)/\(name).log
                """)
            _ = try runProcess(tool, ["--arguments", "-lc", cfg, "-c", "/nonexistent/dcmqrscp.cfg"], timeout: 30)
            let text = (try? String(contentsOfFile: "\(dir.path)/\(name).log", encoding: .utf8)) ?? ""
            return (lines(text).first ?? "").replacingOccurrences(of: "'\(tool)'", with: "'TOOL'")
                .replacingOccurrences(of: "\(name).cfg", with: "X.cfg")
        }
        let ours = try run(Self.quarryscp, "quarry")
        #expect(ours == "INFO - calling 'TOOL' with 5 arguments: '--arguments' '--log-config' '\(dir.path)/X.cfg' '--config' '/nonexistent/dcmqrscp.cfg' ")
        #expect(ours == (try run(Self.dcmqrscp, "dcmtk")))
    }

    @Test func helpListsEveryDcmqrscpOptionInItsLayout() throws {
        let dcmtk = try runProcess(Self.dcmqrscp, ["--help"])
        let quarry = try runProcess(Self.quarryscp, ["--help"])
        #expect((dcmtk.status, quarry.status) == (0, 0))
        let theirs = optionNames(inHelp: dcmtk.stdout)
        #expect(theirs.count > 150)
        #expect(theirs.subtracting(optionNames(inHelp: quarry.stdout)).isEmpty)
        // Every help line of dcmqrscp, in order, but the header and the two lines where Quarry differs.
        let differing: Set<String> = [
            "                                  (default: /usr//etc/dcmtk/dcmqrscp.cfg)",
            "          --fork                  fork child process for each assoc. (default)",
        ]
        let expected = lines(dcmtk.stdout).dropFirst(4).filter { !differing.contains($0) }
        #expect(isSubsequence(Array(expected), of: lines(quarry.stdout)))
        #expect(quarry.stdout.hasPrefix("$quarry: quarryscp v0.1.0 $\n\nquarryscp: DICOM image archive (dcmqrscp-compatible Q/R SCP)\nusage: quarryscp [options] [port]\n\n"))
        #expect(quarry.stderr.isEmpty)
    }

    @Test func versionOnStandardOutput() throws {
        let quarry = try runProcess(Self.quarryscp, ["--version", "1", "2"])
        #expect(quarry.status == 0)
        #expect(quarry.stdout.hasPrefix("$quarry: quarryscp v0.1.0 $\n\nquarryscp: "))
        #expect(quarry.stdout.contains("\nExternal libraries used:\n- ZLIB, Version "))
        #expect(quarry.stderr.isEmpty)
    }

    /// Quarry's own options, refused in DCMTK's words.
    @Test(arguments: [
        (ToolArguments("--quota-policy", "keep"), "error: Invalid value for option --quota-policy (keep)"),
        (ToolArguments("--move-to", "X"), "error: --move-to only allowed with --explain"),
        (ToolArguments("--explain", "A@", "B"), "error: Invalid value for option --explain (A@)"),
        (ToolArguments("--explain", "A", "WAY_TOO_LONG_AE_TITLE"), "error: Invalid value for option --explain (WAY_TOO_LONG_AE_TITLE)"),
        (ToolArguments("--explain", "A", "B", "--move-to", ""), "error: Invalid value for option --move-to"),
        (ToolArguments("+xa", "+te"), "error: --write-xfer-little not allowed with --accept-all"),
        (ToolArguments("+xa", "-xf", "f", "i", "o"), "error: --assoc-config-file not allowed with --accept-all"),
    ])
    func quarryOptionsRefused(_ c: ToolArguments, _ message: String) throws {
        let quarry = try runProcess(Self.quarryscp, c.arguments, timeout: 30)
        #expect(quarry.status == 1)
        #expect(errorLines(quarry) == [message])
    }
}
