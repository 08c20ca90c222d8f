import QuarryTestSupport
import Testing

/// quarryidx's command line against dcmqridx's (DCMTK 3.6.7).
@Suite struct IndexerCommandLineTests {
    static let quarryidx = TestEnvironment.binary("quarryidx")
    static let dcmqridx = TestEnvironment.dcmtk("dcmqridx")

    static let refused: [ToolArguments] = [
        .init("-v"), .init("-p"), .init("--foo", "x"), .init("-ll", "foo", "x"), .init("-ll"),
        .init("@/nonexistent/cmdfile"), .init("-v", "-ll", "info", "x"), .init("-lc", "/nonexistent", "x"),
    ]

    @Test(arguments: refused) func refusedLikeDcmqridx(_ c: ToolArguments) throws {
        try expectSameRefusal(dcmtk: "dcmqridx", quarry: "quarryidx", c.arguments)
    }

    @Test func noArgumentsPrintsUsage() throws {
        let quarry = try runProcess(Self.quarryidx, [])
        #expect(quarry.status == 0)
        #expect(quarry.stdout.contains("usage: quarryidx [options] index-out [dcmfile-in...]\n"))
    }

    @Test func helpHasDcmqridxsLinesAndOptions() throws {
        let dcmtk = try runProcess(Self.dcmqridx, ["--help"])
        let quarry = try runProcess(Self.quarryidx, ["--help"])
        #expect((dcmtk.status, quarry.status) == (0, 0))
        #expect(optionNames(inHelp: dcmtk.stdout).subtracting(optionNames(inHelp: quarry.stdout)).isEmpty)
        #expect(isSubsequence(Array(lines(dcmtk.stdout).dropFirst(4)), of: lines(quarry.stdout)))
        for option in ["--check", "--rebuild", "--stats"] { #expect(quarry.stdout.contains("       \(option) ")) }
    }

    @Test(arguments: [
        (ToolArguments("--stats", "-p"), "error: --print not allowed with --stats"),
        (ToolArguments("--check", "area", "-n"), "error: --not-new not allowed with --check"),
        (ToolArguments("-c", "x.cfg", "area"), "error: --config only allowed with --check, --rebuild or --stats"),
    ])
    func quarryOptionsRefused(_ c: ToolArguments, _ message: String) throws {
        let quarry = try runProcess(Self.quarryidx, c.arguments, timeout: 30)
        #expect(quarry.status == 1)
        #expect(errorLines(quarry) == [message])
    }
}
