import Testing
import ToolSupport

struct ParseCase: Sendable, CustomStringConvertible {
    var arguments: [String]
    var error: String?
    var description: String { arguments.joined(separator: " ") }
}

@Suite struct CommandLineParseTests {
    /// Each message as dcmqrscp 3.6.7 prints it for the same command line (spec §1.1, §1.2).
    static let parseCases: [ParseCase] = [
        .init(arguments: ["--foo"], error: "Unknown option --foo"),
        .init(arguments: ["-vd"], error: "Unknown option -vd"),
        .init(arguments: ["--verb"], error: "Unknown option --verb"),
        .init(arguments: ["--"], error: "Unknown option --"),
        .init(arguments: ["-.5"], error: "Unknown option -.5"),
        .init(arguments: ["-pdu"], error: "Missing value for option --max-pdu"),
        .init(arguments: ["-xf", "a", "b"], error: "Missing value for option --assoc-config-file"),
        .init(arguments: ["1", "2"], error: "Too many parameters"),
        .init(arguments: ["1", "2", "--foo"], error: "Unknown option --foo"),
        .init(arguments: ["1", "2", "-c"], error: "Missing value for option --config"),
        .init(arguments: ["--help", "-c"], error: "Missing value for option --config"),
        .init(arguments: ["@/nonexistent/cmdfile"], error: "Cannot open command file '/nonexistent/cmdfile'"),
        .init(arguments: ["--help", "1", "2"], error: nil),
        .init(arguments: ["-5"], error: nil),
        .init(arguments: ["-c", "--help"], error: nil),
        .init(arguments: ["-xf", "f", "-v", "+cl"], error: nil),
    ]

    @Test(arguments: parseCases) func parseErrors(_ c: ParseCase) {
        if let error = c.error {
            #expect(throws: CommandLineError(error)) { _ = try serverLike.parse(c.arguments, programName: "server") }
        } else {
            #expect(throws: Never.self) { _ = try serverLike.parse(c.arguments, programName: "server") }
        }
    }

    @Test func optionsAndParametersInAnyOrderValuesVerbatim() throws {
        let p = try serverLike.parse(["-c", "--help", "11112", "-xf", "f", "-v", "+cl", "-ta", "5"], programName: "server")
        #expect(p.parameters == ["11112"])
        #expect(p.value("--config") == "--help")
        #expect(p.occurrence("--assoc-config-file")?.values == ["f", "-v", "+cl"])
        #expect(p.value("--acse-timeout") == "5")
        #expect(!p.has("--help") && !p.has("--verbose"))
        #expect(p.expandedArguments == ["--config", "--help", "11112", "--assoc-config-file", "f", "-v", "+cl", "--acse-timeout", "5"])
    }

    @Test func rightmostOfABlockWinsAndRepeatedOptionsCountRightmost() throws {
        let p = try serverLike.parse(["-s", "--fork", "-c", "a", "-s", "-c", "b"], programName: "server")
        #expect(p.rightmost(of: ["--single-process", "--fork"]) == "--single-process")
        #expect(p.value("--config") == "b")
        let q = try serverLike.parse(["-s", "--fork"], programName: "server")
        #expect(q.rightmost(of: ["--single-process", "--fork"]) == "--fork")
        #expect(q.rightmost(of: ["--max-pdu"]) == nil)
    }

    @Test func requiredParameters() {
        #expect(throws: CommandLineError("Missing parameter index-out")) {
            _ = try dcmqridxLike.parse(["-v"], programName: "dcmqridx")
        }
        #expect(throws: Never.self) { _ = try dcmqridxLike.parse(["--version"], programName: "dcmqridx") }
        #expect(throws: Never.self) {
            let p = try dcmqridxLike.parse(["area", "a.dcm", "b.dcm", "c.dcm"], programName: "dcmqridx")
            #expect(p.parameters == ["area", "a.dcm", "b.dcm", "c.dcm"])
        }
    }

    @Test func waivingOptionMakesParametersOptional() {
        var cmd = dcmqridxLike
        cmd.addOption("--stats", help: "statistics", waivesRequiredParameters: true)
        #expect(throws: Never.self) { _ = try cmd.parse(["--stats"], programName: "x") }
        #expect(throws: CommandLineError("Missing parameter index-out")) { _ = try cmd.parse(["-p"], programName: "x") }
    }
}
