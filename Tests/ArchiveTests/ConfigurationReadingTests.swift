import Archive
import Foundation
import QuarryTestSupport
import Testing

/// The file's syntax as dcmqrscp 3.6.7 reads it (spec §2.1–2.5).
@Suite struct ConfigurationReadingTests {
    static func parse(_ text: String) throws -> Configuration { try Configuration(parsing: text, fileName: "r.cfg") }
    static func dcmqrscpAccepts(_ text: String) throws -> Bool {
        try DCMTKConfigOracle.verdict(for: text, in: TemporaryDirectory("quarry-config")).accepted
    }

    static let hostAndAE = """
        HostTable BEGIN
        viewer = (VIEWER, localhost, 11113)
        HostTable END
        AETable BEGIN
        ARCHIVE /data RW (10, 10mb) viewer
        AETable END

        """

    @Test func crlfLineEndsReadLikeLF() throws {
        let crlf = Self.hostAndAE.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try Self.parse(crlf) == Self.parse(Self.hostAndAE))
        #expect(try Self.dcmqrscpAccepts(crlf))
    }

    @Test func lastLineWithoutNewline() throws {
        let text = "AETable BEGIN\nARCHIVE /data RW (10, 10mb) ANY\nAETable END"
        #expect(try Self.parse(text).aeTable.map(\.aeTitle) == ["ARCHIVE"])
        #expect(try Self.dcmqrscpAccepts(text))
    }

    @Test func globalParametersLastOneWinsAndTrailingTextIsIgnored() throws {
        let text = "NetworkTCPPort = 11112\nNetworkTCPPort\t11113   # the second wins\nMaxAssociations ,=5\nMaxPDUSize 0\n"
        let configuration = try Self.parse(text)
        #expect(configuration.networkTCPPort == 11113)
        #expect(configuration.maxAssociations == 5)
        #expect((configuration.maxPDUSize, configuration.effectiveMaxPDUSize) == (0, 16384))
        #expect(try Self.dcmqrscpAccepts(text))
    }

    @Test func defaults() throws {
        let configuration = try Self.parse("")
        #expect((configuration.networkTCPPort, configuration.listeningPort) == (104, 104))
        #expect((configuration.maxPDUSize, configuration.maxAssociations) == (16384, 16))
        #expect(configuration.specificCharacterSet == nil)
        #expect(configuration.aeTable.isEmpty && configuration.hostEntries.isEmpty && configuration.vendorEntries.isEmpty)
        #expect(try Self.parse("NetworkTCPPort 0\n").listeningPort == 104)
    }

    @Test func userAndGroupNames() throws {
        let configuration = try Self.parse("UserName = \"dcm tk\"\nGroupName\tdcmtk\n")
        #expect((configuration.userName, configuration.groupName) == ("dcm tk", "dcmtk"))
    }

    @Test func legacyKeywordsAreIgnored() throws {
        let text = ["ApplicationTitle", "ApplicationContext", "ImplementationClass", "ImplementationVersion",
                    "NetworkType", "Display", "DisplayPort"].map { "\($0) = anything at all\n" }.joined()
        #expect(try Self.parse(text) == Self.parse(""))
        #expect(try Self.dcmqrscpAccepts(text))
    }

    @Test func severalHostTablesAccumulate() throws {
        let text = """
            HostTable BEGIN
            a = (A, ha, 1)
            HostTable END
            HostTable BEGIN
            b = (B, hb, 2)
            ab = a, b
            HostTable END
            AETable BEGIN
            X /x RW (1, 1mb) ab
            AETable END

            """
        let configuration = try Self.parse(text)
        #expect(configuration.hostEntries.map(\.name) == ["a", "b", "ab"])
        #expect(configuration.aeTable.first?.peers.triples.map(\.aeTitle) == ["A", "B"])
        #expect(try Self.dcmqrscpAccepts(text))
    }

    @Test func secondAETableReplacesTheFirst() throws {
        let text = """
            AETable BEGIN
            FIRST /first RW (1, 1mb) ANY
            AETable END
            AETable BEGIN
            SECOND /second RW (1, 1mb) ANY
            AETable END

            """
        let configuration = try Self.parse(text)
        #expect(configuration.aeTable.map(\.aeTitle) == ["SECOND"])
        #expect(configuration.aeEntry(for: "FIRST") == nil)
        #expect(configuration.warnings.map(\.line) == [4])
    }

    /// Groups of groups are expanded when read: redefining a member later
    /// (a duplicate name, which lookups ignore) changes nothing.
    @Test func groupsOfGroupsAreExpandedWhenRead() throws {
        let text = """
            HostTable BEGIN
            a = (A, ha, 1)
            b = (B, hb, 2), (B2, hb, 3)
            ab = a, b
            all = ab, (C, hc, 4)
            a = (Z, hz, 9)
            HostTable END

            """
        let configuration = try Self.parse(text)
        #expect(configuration.hostTable["all"]?.map(\.aeTitle) == ["A", "B", "B2", "C"])
        #expect(configuration.hostTable["a"] == [Peer(aeTitle: "A", hostName: "ha", port: 1)])
        #expect(configuration.hostEntries.count == 5)
    }

    /// A value starting with " ' ( or ) runs to the next of any of them.
    @Test func quoting() throws {
        let text = """
            HostTable BEGIN
            "lab group" = (LAB1, lab1, 104), 'LAB2, lab2, 105", (LAB3,lab3,106"
            HostTable END
            AETable BEGIN
            "MY AE" '/path/with space' RW (1, 1mb) 'lab group'
            AETable END

            """
        let configuration = try Self.parse(text)
        #expect(configuration.hostTable["lab group"] == [Peer(aeTitle: "LAB1", hostName: "lab1", port: 104),
                                                         Peer(aeTitle: "LAB2", hostName: "lab2", port: 105),
                                                         Peer(aeTitle: "LAB3", hostName: "lab3", port: 106)])
        #expect(configuration.aeTable.map(\.aeTitle) == ["MY AE"])
        #expect(configuration.aeTable.map(\.storageArea) == ["/path/with space"])
        #expect(try Self.dcmqrscpAccepts(text))
    }

    @Test func separatorsAndTableKeywordPlacement() throws {
        let text = "HostTable = BEGIN\nv\t=\t(V,h,1),,,(W,h,2)\n   HostTable   END\nAETable BEGIN\nX,/x,RW,(1,1mb),v\n\tAETable END\n"
        let configuration = try Self.parse(text)
        #expect(configuration.hostTable["v"]?.map(\.aeTitle) == ["V", "W"])
        #expect(configuration.aeTable.map(\.storageArea) == ["/x"])
        #expect(try Self.dcmqrscpAccepts(text))
    }

    /// Blank lines and comments in column 1 go anywhere; spaces-only lines
    /// only outside tables.
    @Test func blankLinesAndComments() throws {
        let text = "  \t \n\n# comment\nAETable BEGIN\n\n# comment\r\n\r\nARCHIVE /data RW (1, 1mb) ANY\nAETable END\n"
        #expect(try Self.parse(text).aeTable.count == 1)
        #expect(try Self.dcmqrscpAccepts(text))
    }

    @Test(arguments: ["ANY", "\"ANY\"", "ANY, viewer", "ANY anything after ANY is ignored"])
    func anyAdmitsEveryPeer(_ peers: String) throws {
        let text = "AETable BEGIN\nARCHIVE /data RW (1, 1mb) \(peers)\nAETable END\n"
        #expect(try Self.parse(text).aeTable.first?.peers == .any)
        #expect(try Self.dcmqrscpAccepts(text))
    }

    @Test(arguments: [("RW", true, true), ("WR", true, true), ("W", true, false), ("R", false, true),
                      ("rw", false, true), ("X", false, true), ("w", false, true)])
    func access(_ token: String, _ canWrite: Bool, _ canRead: Bool) {
        #expect((Access(token).canWrite, Access(token).canRead) == (canWrite, canRead))
    }

    @Test func missingFileCannotBeAccessed() {
        #expect(throws: ConfigurationError.cannotAccess(file: "/nonexistent/x.cfg", reason: "No such file or directory")) {
            try Configuration.load(contentsOf: "/nonexistent/x.cfg")
        }
        #expect(ConfigurationError.cannotAccess(file: "x.cfg", reason: "No such file or directory").fatalMessage
                == "cannot access x.cfg: No such file or directory")
    }

    /// dcmqrscp reads a directory as an empty configuration.
    @Test func directoryReadsAsEmpty() throws {
        let directory = try TemporaryDirectory("quarry-config")
        let configuration = try Configuration.load(contentsOf: directory.path)
        #expect(configuration.aeTable.isEmpty)
        #expect(configuration.warnings.map(\.message).first == "is a directory: dcmqrscp reads it as an empty configuration")
        #expect(try DCMTKConfigOracle.verdict(forFileAt: directory.path).accepted)
    }

    /// "aetable END" does not end the AETable: it is an entry (with no
    /// access), and the table runs to the end of the file.
    @Test func tableNamesAreCaseSensitive() throws {
        let text = "AETable BEGIN\nARCHIVE /data RW (1, 1mb) ANY\naetable END\n"
        let error = try #require(throws: ConfigurationError.self) { try Self.parse(text) }
        #expect(error.errors.map(\.configErrorLine) == [
            "CONFIG Error: Missing access for AE title \"aetable\" in configuration file, line 3!",
            "CONFIG Error: No \"AETable END\" in configuration file, line 3!",
        ])
        guard case .invalidLines(_, _, let warnings) = error else { return }
        #expect(warnings.map(\.rendered) == ["r.cfg:3:1: \"aetable\": \"aetable\" is not \"AETable\": table names are "
                                            + "case-sensitive, so dcmqrscp reads this line as a table entry"])
        let verdict = try DCMTKConfigOracle.verdict(for: text, in: TemporaryDirectory("quarry-config"))
        #expect(verdict.configErrorLines == ["CONFIG Error: No \"AETable END\" in configuration file, line 3!"])
    }

    /// Several errors in one run, in file order, after the warnings found so far.
    @Test func everyErrorIsReported() throws {
        let text = "Foo\nHostTable BEGIN\na = nosuch\nHostTable END\nBar\nAETable BEGIN\nX /x RW (0, 1mb) ANY\nAETable END\n"
        let error = try #require(throws: ConfigurationError.self) { try Self.parse(text) }
        #expect(error.errors.map(\.line) == [1, 3, 5, 7])
        #expect(error.diagnosticText.components(separatedBy: "\n").filter { $0.hasPrefix("CONFIG Error:") }.count == 5)
    }
}
