import QuarryTestSupport
import Testing

/// A command line whose outcome DCMTK's tool and Quarry's are compared on.
struct ToolArguments: Sendable, CustomStringConvertible {
    var arguments: [String]
    init(_ arguments: String...) { self.arguments = arguments }
    var description: String { arguments.map { $0.isEmpty || $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ") }
}

/// Runs DCMTK's `dcmtkTool` and Quarry's `quarryTool` on `arguments` and
/// checks both refuse them alike: exit 1, the same single `error: …` line,
/// nothing on standard output. Returns Quarry's run.
@discardableResult
func expectSameRefusal(dcmtk dcmtkTool: String, quarry quarryTool: String, _ arguments: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessResult {
    let dcmtk = try runProcess(TestEnvironment.dcmtk(dcmtkTool), arguments, timeout: 30)
    let quarry = try runProcess(TestEnvironment.binary(quarryTool), arguments, timeout: 30)
    #expect(dcmtk.status == 1, "\(dcmtkTool) does not refuse this command line: \(dcmtk.output)", sourceLocation: sourceLocation)
    #expect(quarry.status == 1, sourceLocation: sourceLocation)
    #expect(errorLines(quarry) == errorLines(dcmtk), sourceLocation: sourceLocation)
    #expect(errorLines(quarry).count == 1, sourceLocation: sourceLocation)
    #expect(quarry.stdout.isEmpty, sourceLocation: sourceLocation)
    return quarry
}

/// The `error: …` lines of a tool's standard error.
func errorLines(_ result: ProcessResult) -> [String] {
    result.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error:") }
}

/// The lines of a `--help` text.
func lines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// Whether `part` appears in `whole` in order (other lines may come between).
func isSubsequence(_ part: [String], of whole: [String]) -> Bool {
    var rest = whole[...]
    for line in part {
        guard let i = rest.firstIndex(of: line) else { return false }
        rest = rest[(i + 1)...]
    }
    return true
}

/// Option names (`-pdu`, `+x=`, `--max-pdu`) in the option columns of a DCMTK `--help` text.
func optionNames(inHelp text: String) -> Set<String> {
    var names = Set<String>()
    for line in lines(text) where line.hasPrefix("  ") {
        for token in line.prefix(34).split(separator: " ") where token.count > 1 {
            let t = String(token)
            if t.hasPrefix("--") || ((t.hasPrefix("-") || t.hasPrefix("+")) && !t.hasPrefix("-->")) {
                names.insert(t)
            }
        }
    }
    return names
}
