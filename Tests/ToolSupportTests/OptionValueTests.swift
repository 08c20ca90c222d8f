import Testing
import ToolSupport

struct ValueCase: Sendable, CustomStringConvertible {
    var arguments: [String]
    var expected: Result<UInt?, CommandLineError>
    var description: String { arguments.joined(separator: " ") }
}

/// Values read as DCMTK 3.6.7 reads them (measured with dcmqrscp: `-pdu`,
/// `-ta`, `+cl` and the port parameter).
@Suite struct OptionValueTests {
    static let unsignedCases: [ValueCase] = [
        .init(arguments: ["-pdu", "1000"], expected: .failure(.init("Invalid value for option --max-pdu (underflow: 1000)"))),
        .init(arguments: ["-pdu", "200000"], expected: .failure(.init("Invalid value for option --max-pdu (overflow: 200000)"))),
        .init(arguments: ["-pdu", "abc"], expected: .failure(.init("Invalid value for option --max-pdu (abc)"))),
        .init(arguments: ["-pdu", ""], expected: .failure(.init("Invalid value for option --max-pdu"))),
        .init(arguments: ["-pdu", " "], expected: .failure(.init("Invalid value for option --max-pdu ( )"))),
        .init(arguments: ["-pdu", "0x1000"], expected: .failure(.init("Invalid value for option --max-pdu (underflow: 0x1000)"))),
        .init(arguments: ["-pdu", "-5000"], expected: .failure(.init("Invalid value for option --max-pdu (-5000)"))),
        .init(arguments: ["-pdu", "4096.5"], expected: .success(4096)),
        .init(arguments: ["-pdu", " 5000"], expected: .success(5000)),
        .init(arguments: ["-pdu", "+5000"], expected: .success(5000)),
        .init(arguments: ["-pdu", "131072"], expected: .success(131072)),
        .init(arguments: ["-pdu", "99999999999999999999"], expected: .failure(.init("Invalid value for option --max-pdu (overflow: 99999999999999999999)"))),
        .init(arguments: [], expected: .success(nil)),
    ]

    @Test(arguments: unsignedCases) func unsignedOptionValues(_ c: ValueCase) throws {
        let parsed = try serverLike.parse(c.arguments, programName: "server")
        #expect(Result { () throws(CommandLineError) in try parsed.unsignedInteger("--max-pdu", min: 4096, max: 131072) } == c.expected)
    }

    static let signedCases: [(String, Result<Int?, CommandLineError>)] = [
        ("0", .failure(.init("Invalid value for option --acse-timeout (underflow: 0)"))),
        ("-1", .failure(.init("Invalid value for option --acse-timeout (underflow: -1)"))),
        ("abc", .failure(.init("Invalid value for option --acse-timeout (abc)"))),
        ("5abc", .success(5)),
        ("99999999999999", .success(99999999999999)),
    ]

    @Test(arguments: signedCases) func signedOptionValues(_ text: String, _ expected: Result<Int?, CommandLineError>) throws {
        let parsed = try serverLike.parse(["-ta", text], programName: "server")
        #expect(Result { () throws(CommandLineError) in try parsed.signedInteger("--acse-timeout", min: 1) } == expected)
    }

    static let parameterCases: [(String, Result<UInt?, CommandLineError>)] = [
        ("0", .failure(.init("Invalid parameter value 0 (underflow)"))),
        ("70000", .failure(.init("Invalid parameter value 70000 (overflow)"))),
        ("abc", .failure(.init("Invalid parameter value abc"))),
        ("", .failure(.init("Invalid parameter value "))),
        ("-5", .failure(.init("Invalid parameter value -5 (overflow)"))),
        ("-", .failure(.init("Invalid parameter value -"))),
        ("+11200", .success(11200)),
        ("11200x", .success(11200)),
        ("65535", .success(65535)),
    ]

    @Test(arguments: parameterCases) func portParameter(_ text: String, _ expected: Result<UInt?, CommandLineError>) throws {
        let parsed = try serverLike.parse([text], programName: "server")
        #expect(Result { () throws(CommandLineError) in try parsed.unsignedParameter(1, min: 1, max: 65535) } == expected)
    }

    @Test func absentParameterIsNil() throws {
        let parsed = try serverLike.parse([], programName: "server")
        #expect(try parsed.unsignedParameter(1, min: 1, max: 65535) == nil)
    }

    @Test func valueOfAMultiValueOption() throws {
        let parsed = try serverLike.parse(["-xf", "f", "7", "x"], programName: "server")
        #expect(try parsed.unsignedInteger("--assoc-config-file", 1) == 7)
        #expect(throws: CommandLineError("Invalid value for option --assoc-config-file (x)")) {
            try parsed.unsignedInteger("--assoc-config-file", 2)
        }
    }
}
