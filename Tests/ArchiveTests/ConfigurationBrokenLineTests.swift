import Archive
import Foundation
import QuarryTestSupport
import Testing

/// One broken configuration and everything Quarry prints about it.
struct BrokenLine: Sendable, CustomTestStringConvertible {
    /// How DCMTK's dcmqrscp 3.6.7 reacts to the same file.
    enum DCMTKReaction: Sendable {
        /// It rejects the file with the same `CONFIG Error:` lines that Quarry
        /// prints in dcmqrscp's words, and the same `F:` line.
        case sameWords
        /// It rejects it with these lines: the same words, but its line numbers
        /// count the 511-byte pieces it reads a long line in.
        case countsPieces([String])
        /// It crashes (SIGSEGV) instead of reporting anything.
        case crashes
    }

    var name: String
    var text: String
    /// `diagnosticText` and the `F:` line, line by line.
    var output: [String]
    var dcmqrscp: DCMTKReaction

    init(_ name: String, _ text: String, _ output: String..., dcmqrscp: DCMTKReaction = .sameWords) {
        (self.name, self.text, self.output, self.dcmqrscp) = (name, text, output, dcmqrscp)
    }

    var testDescription: String { name }
}

let brokenLines: [BrokenLine] = [
    BrokenLine("unknown keyword",
               "NetworkTCPPort = 11112\nFooBar = 1\n",
               "CONFIG Error: Unknown mnemonic \"FooBar\" in configuration file, line 2!",
               "    etc/broken.cfg:2:1: \"FooBar\": expected a keyword (NetworkTCPPort, MaxPDUSize, MaxAssociations, SpecificCharacterSet, UserName, GroupName, HostTable, VendorTable, AETable; case-sensitive), a comment starting with \"#\" in column 1, or an empty line",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("keyword in lower case",
               "networktcpport = 11200\n",
               "CONFIG Error: Unknown mnemonic \"networktcpport\" in configuration file, line 1!",
               "    etc/broken.cfg:1:1: \"networktcpport\": expected a keyword: did you mean \"NetworkTCPPort\"? (keywords are case-sensitive)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("no space before =",
               "NetworkTCPPort=11200\n",
               "CONFIG Error: Unknown mnemonic \"NetworkTCPPort=11200\" in configuration file, line 1!",
               "    etc/broken.cfg:1:1: \"NetworkTCPPort=11200\": expected a space between \"NetworkTCPPort\" and \"=\" (the keyword ends at the first space)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("indented comment",
               "NetworkTCPPort = 11112\n    # not a comment\n",
               "CONFIG Error: Unknown mnemonic \"#\" in configuration file, line 2!",
               "    etc/broken.cfg:2:5: \"#\": expected a keyword; a comment must start with \"#\" in column 1",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("END before BEGIN",
               "HostTable END\n",
               "CONFIG Error: No \"HostTable BEGIN\" before END in configuration file, line 1!",
               "    etc/broken.cfg:1:1: \"HostTable END\": expected \"HostTable BEGIN\" on an earlier line",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("BEGIN in lower case",
               "HostTable begin\nHostTable END\n",
               "CONFIG Error: Unknown HostTable status \"begin\" in configuration file, line 1!",
               "    etc/broken.cfg:1:11: \"begin\": expected \"HostTable BEGIN\" or \"HostTable END\" (upper case)",
               "CONFIG Error: No \"HostTable BEGIN\" before END in configuration file, line 2!",
               "    etc/broken.cfg:2:1: \"HostTable END\": expected \"HostTable BEGIN\" on an earlier line",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("no AETable END",
               "AETable BEGIN\nARCHIVE /data RW (10, 10mb) ANY\n",
               "CONFIG Error: No \"AETable END\" in configuration file, line 2!",
               "    etc/broken.cfg:2:32: expected \"AETable END\" before the end of the file (the table begins on line 1)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("no HostTable END",
               "HostTable BEGIN\nviewer = (VIEWER, localhost, 11113)\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) viewer\nAETable END\n",
               "CONFIG Error: Symbolic name \"BEGIN\" not defined!",
               "    etc/broken.cfg:3:9: \"BEGIN\": expected a symbolic name defined on an earlier HostTable line",
               "CONFIG Error: Symbolic name \"/data\" not defined!",
               "    etc/broken.cfg:4:9: \"/data\": expected a symbolic name defined on an earlier HostTable line",
               "CONFIG Error: Symbolic name \"END\" not defined!",
               "    etc/broken.cfg:5:9: \"END\": expected a symbolic name defined on an earlier HostTable line",
               "CONFIG Error: No \"HostTable END\" in configuration file, line 5!",
               "    etc/broken.cfg:5:12: expected \"HostTable END\" before the end of the file (the table begins on line 1)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("group before its members",
               "HostTable BEGIN\ngroup = a\na = (A, localhost, 104)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) group\nAETable END\n",
               "CONFIG Error: Symbolic name \"a\" not defined!",
               "    etc/broken.cfg:2:9: \"a\": expected a symbolic name defined on an earlier HostTable line (\"a\" is defined later, on line 3: move its definition above this line)",
               "CONFIG Error: No peers for symbolic name \"group\" defined!",
               "    etc/broken.cfg:6:29: \"group\": expected a symbolic name with peers: its definition on line 2 has none (see the error there)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("symbolic name without HostTable",
               "AETable BEGIN\nARCHIVE /data RW (10, 10mb) viewers\nAETable END\n",
               "CONFIG Error: No symbolic names defined!",
               "    etc/broken.cfg:2:29: \"viewers\": expected ANY, a triple (AETitle, HostName, Port), or a symbolic name from a HostTable above this line (there is none)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("undefined symbolic name",
               "HostTable BEGIN\nviewer = (VIEWER, localhost, 11113)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) viewer, nosuchgroup\nAETable END\n",
               "CONFIG Error: Symbolic name \"nosuchgroup\" not defined!",
               "    etc/broken.cfg:5:37: \"nosuchgroup\": expected a symbolic name defined on an earlier HostTable line",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("undefined name in VendorTable",
               "HostTable BEGIN\na = (A, localhost, 104)\nHostTable END\nVendorTable BEGIN\n\"Acme\" = a, b\nVendorTable END\n",
               "CONFIG Error: Symbolic name \"b\" not defined!",
               "    etc/broken.cfg:5:13: \"b\": expected a symbolic name defined on an earlier HostTable line",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("comment after a peer",
               "HostTable BEGIN\nviewer = (VIEWER, localhost, 11113)  # the viewer\nHostTable END\n",
               "CONFIG Error: Symbolic name \"#\" not defined!",
               "    etc/broken.cfg:2:38: \"#\": expected a symbolic name defined on an earlier HostTable line; a comment must start with \"#\" in column 1 of its own line",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("zero studies",
               "AETable BEGIN\nARCHIVE /data RW (0, 10mb) ANY\nAETable END\n",
               "CONFIG Error: Quota of AE title \"ARCHIVE\" allows 0 studies in configuration file, line 2!",
               "    etc/broken.cfg:2:18: \"(0, 10mb)\": expected a number of studies of at least 1, e.g. (200, 1024mb)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("zero bytes",
               "AETable BEGIN\nARCHIVE /data RW (10, 0mb) ANY\nAETable END\n",
               "CONFIG Error: Quota of AE title \"ARCHIVE\" allows 0 bytes per study in configuration file, line 2!",
               "    etc/broken.cfg:2:18: \"(10, 0mb)\": expected a size per study other than 0, a number and a unit kb, mb or gb, e.g. (10, 1024mb)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("unit without number",
               "AETable BEGIN\nARCHIVE /data RW (10, mb) ANY\nAETable END\n",
               "CONFIG Error: Quota of AE title \"ARCHIVE\" allows 0 bytes per study in configuration file, line 2!",
               "    etc/broken.cfg:2:18: \"(10, mb)\": expected a size per study other than 0, a number and a unit kb, mb or gb, e.g. (10, 1024mb)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("no peers",
               "AETable BEGIN\nARCHIVE /data RW (10, 10mb)\nAETable END\n",
               "CONFIG Error: No peers for AE title \"ARCHIVE\" in configuration file, line 2!",
               "    etc/broken.cfg:2:29: expected after the quota: ANY, or symbolic names from the HostTable and (AETitle, HostName, Port) triples",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("symbolic name with nothing",
               "HostTable BEGIN\na =\nHostTable END\n",
               "CONFIG Error: Empty peer list for symbolic name \"a\" in configuration file, line 2!",
               "    etc/broken.cfg:2:5: expected after \"a =\" one or more symbolic names defined on earlier HostTable lines or (AETitle, HostName, Port) triples",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("white space line in HostTable",
               "HostTable BEGIN\na = (A, localhost, 104)\n \t \nHostTable END\n",
               "CONFIG Error: Line of only white space inside HostTable in configuration file, line 3!",
               "    etc/broken.cfg:3:1: \" \t \": expected an entry, an empty line or \"HostTable END\": dcmqrscp reads a line of spaces or tabs in a table as an entry with no value (make it empty)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("table opened inside a table",
               "AETable BEGIN\nARCHIVE /data RW (10, 10mb) ANY\nAETable BEGIN\nAETable END\n",
               "CONFIG Error: Illegal AETable status \"BEGIN\" in configuration file, line 3!",
               "    etc/broken.cfg:3:9: \"BEGIN\": expected \"AETable END\" (a table cannot be opened inside another)",
               "CONFIG Error: No \"AETable END\" in configuration file, line 3!",
               "    etc/broken.cfg:3:14: expected \"AETable END\" before the end of the file (the table begins on line 1)",
               "CONFIG Error: No \"AETable BEGIN\" before END in configuration file, line 4!",
               "    etc/broken.cfg:4:1: \"AETable END\": expected \"AETable BEGIN\" on an earlier line",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("HostTable = END",
               "HostTable BEGIN\na = (A, localhost, 104)\nHostTable = END\n",
               "CONFIG Error: Illegal HostTable status \"=\" in configuration file, line 3!",
               "    etc/broken.cfg:3:11: \"=\": expected \"HostTable END\" (a table cannot be opened inside another)",
               "CONFIG Error: No \"HostTable END\" in configuration file, line 3!",
               "    etc/broken.cfg:3:16: expected \"HostTable END\" before the end of the file (the table begins on line 1)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("UserName without a name",
               "UserName\n",
               "CONFIG Error: Missing value for UserName in configuration file, line 1!",
               "    etc/broken.cfg:1:10: expected a user name after UserName (dcmqrscp 3.6.7 crashes on this line)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg",
               dcmqrscp: .crashes),
    BrokenLine("triple without commas",
               "AETable BEGIN\nARCHIVE /data RW (10, 10mb) (MOD1 localhost 104)\nAETable END\n",
               "CONFIG Error: No symbolic names defined!",
               "    etc/broken.cfg:2:29: \"(MOD1 localhost 104)\": expected ANY, a triple (AETitle, HostName, Port), or a symbolic name from a HostTable above this line (there is none); a peer triple needs commas: (AETitle, HostName, Port)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("quota without parentheses",
               "AETable BEGIN\nARCHIVE /data RW 10, 10mb ANY\nAETable END\n",
               "CONFIG Error: No symbolic names defined!",
               "    etc/broken.cfg:2:22: \"10mb\": expected ANY, a triple (AETitle, HostName, Port), or a symbolic name from a HostTable above this line (there is none); the quota before it is not in parentheses, so dcmqrscp reads its second half as a peer: write (maxStudies, maxBytesPerStudy)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("AE line without quota",
               "AETable BEGIN\nARCHIVE /data RW\nAETable END\n",
               "CONFIG Error: Missing quota for AE title \"ARCHIVE\" in configuration file, line 2!",
               "    etc/broken.cfg:2:18: expected AETitle StorageArea Access (maxStudies, maxBytesPerStudy) Peers",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("quota not closed",
               "AETable BEGIN\nARCHIVE /data RW (10, 10mb ANY\nAETable END\n",
               "CONFIG Error: Missing quota for AE title \"ARCHIVE\" in configuration file, line 2!",
               "    etc/broken.cfg:2:18: \"(10, 10mb ANY\": expected AETitle StorageArea Access (maxStudies, maxBytesPerStudy) Peers; the quote opened here is never closed",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("indented AE line",
               "AETable BEGIN\n  ARCHIVE /data RW (10, 10mb) ANY\nAETable END\n",
               "CONFIG Error: No symbolic names defined!",
               "    etc/broken.cfg:2:31: \"ANY\": expected ANY, a triple (AETitle, HostName, Port), or a symbolic name from a HostTable above this line (there is none); this line starts with white space, so dcmqrscp reads an empty AE title first",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("ANY in lower case",
               "AETable BEGIN\nARCHIVE /data RW (10, 10mb) any\nAETable END\n",
               "CONFIG Error: No symbolic names defined!",
               "    etc/broken.cfg:2:29: \"any\": expected ANY, a triple (AETitle, HostName, Port), or a symbolic name from a HostTable above this line (there is none)",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("ANY after a name",
               "HostTable BEGIN\na = (A, localhost, 104)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) a, ANY\nAETable END\n",
               "CONFIG Error: Symbolic name \"ANY\" not defined!",
               "    etc/broken.cfg:5:32: \"ANY\": expected a symbolic name defined on an earlier HostTable line; ANY must be the first and only peer",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("name used in its own definition",
               "HostTable BEGIN\na = a\nHostTable END\n",
               "CONFIG Error: No peers for symbolic name \"a\" defined!",
               "    etc/broken.cfg:2:5: \"a\": expected symbolic names defined on earlier lines: \"a\" is the name this line defines",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("MaxPDUSize too large",
               "MaxPDUSize = 200000\n",
               "    etc/broken.cfg:1:14: \"200000\": expected MaxPDUSize 0 (meaning 16384) or a size from 4096 to 131072",
               "F: invalid MaxPDUSize in config file"),
    BrokenLine("MaxPDUSize too large and another error",
               "MaxPDUSize = 200000\nFoo\n",
               "CONFIG Error: Unknown mnemonic \"Foo\" in configuration file, line 2!",
               "    etc/broken.cfg:2:1: \"Foo\": expected a keyword (NetworkTCPPort, MaxPDUSize, MaxAssociations, SpecificCharacterSet, UserName, GroupName, HostTable, VendorTable, AETable; case-sensitive), a comment starting with \"#\" in column 1, or an empty line",
               "CONFIG Error: Invalid MaxPDUSize 200000 in configuration file, line 1!",
               "    etc/broken.cfg:1:14: \"200000\": expected MaxPDUSize 0 (meaning 16384) or a size from 4096 to 131072",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg"),
    BrokenLine("comment cut at 511 characters",
               "#" + String(repeating: "x", count: 520) + " tail\nNetworkTCPPort 5\n",
               "CONFIG Error: Unknown mnemonic \"xxxxxxxxxx\" in configuration file, line 1!",
               "    etc/broken.cfg:1:512: \"xxxxxxxxxx\": expected a keyword (NetworkTCPPort, MaxPDUSize, MaxAssociations, SpecificCharacterSet, UserName, GroupName, HostTable, VendorTable, AETable; case-sensitive), a comment starting with \"#\" in column 1, or an empty line",
               "CONFIG Error: Reading configuration file \"etc/broken.cfg\" with errors!",
               "F: bad config file: etc/broken.cfg",
               dcmqrscp: .countsPieces(["CONFIG Error: Unknown mnemonic \"xxxxxxxxxx\" in configuration file, line 2!"])),
]

@Suite struct ConfigurationBrokenLineTests {
    @Test(arguments: brokenLines)
    func brokenLineIsReportedWithItsLocation(_ broken: BrokenLine) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try Configuration(parsing: broken.text, fileName: "etc/broken.cfg")
        }
        let printed = (error.diagnosticText + "F: " + error.fatalMessage).split(separator: "\n").map(String.init)
        #expect(printed == broken.output)
    }

    /// The real dcmqrscp rejects each file too, and Quarry's lines in its
    /// words are exactly the lines it prints.
    @Test(arguments: brokenLines)
    func dcmqrscpRejectsItWithTheSameWords(_ broken: BrokenLine) throws {
        let directory = try TemporaryDirectory("quarry-config")
        let path = try directory.write("broken.cfg", broken.text)
        let dcmtk = try DCMTKConfigOracle.verdict(forFileAt: path)
        #expect(!dcmtk.accepted)
        let error = try #require(throws: ConfigurationError.self) { try Configuration.load(contentsOf: path) }
        let ours = error.errors.filter(\.isDCMTKMessage).map(\.configErrorLine)
        switch broken.dcmqrscp {
        case .sameWords:
            #expect(ours == dcmtk.configErrorLines)
            #expect("F: " + error.fatalMessage == dcmtk.fatalLine)
        case .countsPieces(let lines):
            #expect(dcmtk.configErrorLines == lines)
            #expect(ours.count == lines.count)
        case .crashes:
            #expect(dcmtk.configErrorLines.isEmpty)
            #expect(!dcmtk.fatalLine.hasPrefix("F: "))
        }
    }
}
