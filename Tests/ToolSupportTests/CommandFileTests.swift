import QuarryTestSupport
import Testing
import ToolSupport

struct WordsCase: Sendable, CustomStringConvertible {
    var text: String
    var words: [String]
    var description: String { text }
}

/// DCMTK 3.6.7's command-file reading, as measured with `dcmqrscp --arguments @file`.
@Suite struct CommandFileTests {
    static let cases: [WordsCase] = [
        .init(text: "-v -c /nx\n-pdu \"5000\"  +xe\n", words: ["-v", "-c", "/nx", "-pdu", "5000", "+xe"]),
        .init(text: "-c '/n x' +xe\n\n -pdu\t\"40 00\"", words: ["-c", "/n x", "+xe", "-pdu", "40 00"]),
        .init(text: "\"a'b\" 'c\"d' e\"f g\"h", words: ["a'b", "c\"d", "ef g", "h"]),
        .init(text: "ab\"cd ef\"gh \"\" x", words: ["abcd ef", "gh", "", "x"]),
        .init(text: "\"unterminated x y\n", words: ["unterminated x y\n"]),
        .init(text: "# no comments\n", words: ["#", "no", "comments"]),
        .init(text: "a\\ b", words: ["a\\", "b"]),
        .init(text: "", words: []),
    ]

    @Test(arguments: cases) func words(_ c: WordsCase) {
        #expect(CommandFile.words(in: c.text) == c.words)
    }

    @Test func expandsOnlyTopLevelCommandFiles() throws {
        let dir = try TemporaryDirectory()
        let inner = try dir.write("inner", "-q")
        let outer = try dir.write("outer", "-v @\(inner)\n-p 'my file.dcm'")
        let parsed = try dcmqridxLike.parse(["--arguments", "@\(outer)", "b.dcm"], programName: "dcmqridx")
        #expect(parsed.expandedArguments == ["--arguments", "--verbose", "@\(inner)", "--print", "my file.dcm", "b.dcm"])
        #expect(parsed.parameters == ["@\(inner)", "my file.dcm", "b.dcm"])
    }
}
